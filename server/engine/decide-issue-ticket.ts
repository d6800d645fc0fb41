import type { Command } from './commands.ts';
import { accept, reject } from './decision.ts';
import { localDay } from './local-day.ts';
import { findActiveService, refused } from './lookup.ts';
import type { Decision } from './rejection.ts';
import type { Millis, StoreState } from './state.ts';

/**
 * The printed number: service code and the day's sequence, at least three digits.
 * @example ticketNumber('A', 42) // 'A042'
 */
export function ticketNumber(code: string, sequence: number): string {
  return `${code}${String(sequence).padStart(3, '0')}`;
}

/** A new ticket at the end of the line, numbered within the store's local day. */
export function decideIssueTicket(
  state: StoreState,
  command: Extract<Command, { type: 'issue_ticket' }>,
  now: Millis,
): Decision {
  if (state.settings.active === false) return reject('store_inactive', 'This store is not taking tickets.');
  const service = findActiveService(state, command.serviceId);
  if (refused(service)) return service;
  // Ids come from the adapter; a clash is a bug there, and replacing a live ticket would lose it.
  if (state.tickets[command.ticketId]) throw new Error(`Ticket id ${command.ticketId} is already used`);
  const day = localDay(now, state.settings.timeZone);
  const last = state.numbering.day === day ? (state.numbering.lastByCode[service.code] ?? 0) : 0;
  return accept({
    type: 'ticket:issued',
    at: now,
    ticket: {
      id: command.ticketId,
      token: command.token,
      number: ticketNumber(service.code, last + 1),
      serviceId: service.id,
      priority: command.priority,
      language: command.language,
      status: 'waiting',
      day,
      issuedAt: now,
      joinedAt: now,
      firstCalledAt: null,
      calledAt: null,
      startedAt: null,
      doneAt: null,
      counterId: null,
      operatorId: null,
      recalls: 0,
      transfers: 0,
      source: command.source,
      idempotencyKey: command.idempotencyKey,
      feedbackGiven: false,
    },
  });
}
