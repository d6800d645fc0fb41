import type { Command } from './commands.ts';
import { accept, reject } from './decision.ts';
import type { EngineEvent } from './events.ts';
import { findOpenCounter, findTicket, refused } from './lookup.ts';
import type { Decision } from './rejection.ts';
import { selectNextTicket, servesService } from './select-next-ticket.ts';
import type { Counter, Millis, StoreState } from './state.ts';

/**
 * Staff's one key: finishes the counter's current ticket, if any, then calls the next one by the
 * class rule. With nobody to call the decision is accepted with only the finish (or no events).
 */
export function decideCallNext(
  state: StoreState,
  command: Extract<Command, { type: 'call_next' }>,
  now: Millis,
): Decision {
  const counter = findOpenCounter(state, command.counterId);
  if (refused(counter)) return counter;
  const events: EngineEvent[] = [];
  const current = counter.currentTicketId ? state.tickets[counter.currentTicketId] : undefined;
  if (current) events.push({ type: 'ticket:done', at: now, ticketId: current.id, counterId: counter.id });
  // The finished ticket is no longer waiting, so selecting on the old state gives the same answer.
  const next = selectNextTicket(state, counter);
  if (next) events.push(calledEvent(counter, next.id, now, null));
  return accept(...events);
}

/** A manager calls one waiting ticket out of order; the reason travels on the event for the audit. */
export function decideCallTicket(
  state: StoreState,
  command: Extract<Command, { type: 'call_ticket' }>,
  now: Millis,
): Decision {
  const counter = findOpenCounter(state, command.counterId);
  if (refused(counter)) return counter;
  const ticket = findTicket(state, command.ticketId);
  if (refused(ticket)) return ticket;
  if (ticket.status !== 'waiting') {
    return reject('ticket_not_waiting', `Ticket ${ticket.number} is ${ticket.status}, not waiting.`);
  }
  if (!servesService(counter, ticket.serviceId)) {
    return reject('counter_not_serving_service', `Counter ${counter.name} does not serve ticket ${ticket.number}.`);
  }
  // Unlike the staff key, a manager must not silently finish someone else's customer.
  if (counter.currentTicketId) {
    return reject('counter_busy', `Counter ${counter.name} is still busy with another ticket.`);
  }
  if (command.reason.trim() === '') {
    return reject('invalid_settings', 'Calling a ticket out of order needs a reason.');
  }
  return accept(calledEvent(counter, ticket.id, now, { reason: command.reason, actorId: command.actorId }));
}

function calledEvent(
  counter: Counter,
  ticketId: string,
  now: Millis,
  manual: { reason: string; actorId: string } | null,
): EngineEvent {
  return { type: 'ticket:called', at: now, ticketId, counterId: counter.id, operatorId: counter.operatorId, manual };
}
