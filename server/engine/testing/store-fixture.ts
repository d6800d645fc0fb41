import type { Command } from '../commands.ts';
import { createStoreState } from '../create-store-state.ts';
import type { EngineEvent } from '../events.ts';
import { execute } from '../execute.ts';
import type { Rejection } from '../rejection.ts';
import type { Counter, Millis, Service, StoreSettings, StoreState } from '../state.ts';

/** 2025-03-10 09:00 in Paris (08:00 UTC): a Monday morning. */
export const T0: Millis = Date.UTC(2025, 2, 10, 8, 0);
export const MINUTE = 60_000;

export const settings: StoreSettings = {
  id: 'store-1',
  slug: 'demo',
  name: 'Demo store',
  timeZone: 'Europe/Paris',
  languages: ['en'],
  serviceLevelTargetSec: 300,
  serviceLevelGoal: 0.8,
  priorityRatio: 2,
  allowPhoneJoin: true,
  autoNoShow: null,
  openingHours: { 1: { open: '09:00', close: '20:00' } },
};

export function service(id: string, code: string, active = true): Service {
  return { id, code, name: { en: `Service ${code}` }, sortOrder: code.charCodeAt(0), active };
}

export function counter(id: string, serviceIds: string[], status: Counter['status'] = 'open'): Counter {
  return {
    id,
    name: id.toUpperCase(),
    serviceIds,
    status,
    statusSince: T0,
    pauseReason: null,
    operatorId: status === 'open' ? `op-${id}` : null,
    currentTicketId: null,
    active: true,
  };
}

/** The demo layout: counters 1 and 2 serve every service, 3 only A, 4 only B; all open. */
export function demoState(overrides: Partial<StoreSettings> = {}): StoreState {
  return createStoreState(
    { ...settings, ...overrides },
    [service('sa', 'A'), service('sb', 'B'), service('sc', 'C')],
    [
      counter('c1', ['sa', 'sb', 'sc']),
      counter('c2', ['sa', 'sb', 'sc']),
      counter('c3', ['sa']),
      counter('c4', ['sb']),
    ],
  );
}

export function issue(
  ticketId: string,
  serviceId = 'sa',
  priority = false,
): Extract<Command, { type: 'issue_ticket' }> {
  return {
    type: 'issue_ticket',
    ticketId,
    token: `token-${ticketId}`,
    serviceId,
    priority,
    language: 'en',
    source: 'kiosk',
    idempotencyKey: null,
  };
}

/** Runs commands one minute apart (from `start`), failing the test on any refusal. */
export function run(state: StoreState, commands: Command[], start: Millis = T0): StoreState {
  let current = state;
  commands.forEach((command, i) => {
    const result = execute(current, command, start + i * MINUTE);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.rejection.code} ${result.rejection.message}`);
    current = result.state;
  });
  return current;
}

/** The events of one accepted command. */
export function eventsOf(state: StoreState, command: Command, now: Millis = T0): EngineEvent[] {
  const result = execute(state, command, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.rejection.code}`);
  return result.events;
}

/** The refusal of one command, or undefined when it was accepted. */
export function rejectionOf(state: StoreState, command: Command, now: Millis = T0): Rejection | undefined {
  const result = execute(state, command, now);
  return result.ok ? undefined : result.rejection;
}

/** Ticket ids called by `call_next` at a counter, pressing it `times` times (each also completes the last). */
export function callSequence(
  state: StoreState,
  counterId: string,
  times: number,
): { state: StoreState; called: string[] } {
  let current = state;
  const called: string[] = [];
  for (let i = 0; i < times; i++) {
    const result = execute(current, { type: 'call_next', counterId }, T0 + 100 * MINUTE + i * MINUTE);
    if (!result.ok) throw new Error(result.rejection.message);
    for (const event of result.events) if (event.type === 'ticket:called') called.push(event.ticketId);
    current = result.state;
  }
  return { state: current, called };
}
