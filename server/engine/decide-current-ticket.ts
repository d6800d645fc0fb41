import type { Command } from './commands.ts';
import { accept, reject } from './decision.ts';
import { findActiveService, findCounter, findCurrentTicket, refused } from './lookup.ts';
import type { Decision } from './rejection.ts';
import type { Counter, Millis, StoreState, Ticket } from './state.ts';

type CurrentTicketCommand = Extract<
  Command,
  { type: 'recall' | 'start_service' | 'complete' | 'no_show' | 'transfer' }
>;

/** The staff keys that act on the ticket a counter is calling or serving. */
export function decideCurrentTicket(state: StoreState, command: CurrentTicketCommand, now: Millis): Decision {
  const counter = findCounter(state, command.counterId);
  if (refused(counter)) return counter;
  const ticket = findCurrentTicket(state, counter);
  if (refused(ticket)) return ticket;
  const ids = { at: now, ticketId: ticket.id, counterId: counter.id };
  switch (command.type) {
    case 'recall':
      return ticket.status === 'called' ? accept({ type: 'ticket:recalled', ...ids }) : alreadyStarted(ticket);
    case 'start_service':
      return ticket.status === 'called' ? accept({ type: 'ticket:started', ...ids }) : alreadyStarted(ticket);
    case 'complete':
      return accept({ type: 'ticket:done', ...ids });
    case 'no_show':
      // Someone being served has shown up; only a called ticket can be a no-show.
      return ticket.status === 'called' ? accept({ type: 'ticket:no_show', ...ids }) : alreadyStarted(ticket);
    case 'transfer':
      return decideTransfer(state, counter, ticket, command.serviceId, now);
  }
}

function decideTransfer(state: StoreState, counter: Counter, ticket: Ticket, serviceId: string, now: Millis): Decision {
  const service = findActiveService(state, serviceId);
  if (refused(service)) return service;
  if (service.id === ticket.serviceId) {
    return reject('invalid_transfer', `Ticket ${ticket.number} is already for ${service.name.en}.`);
  }
  return accept({
    type: 'ticket:transferred',
    at: now,
    ticketId: ticket.id,
    counterId: counter.id,
    fromServiceId: ticket.serviceId,
    toServiceId: service.id,
  });
}

function alreadyStarted(ticket: Ticket): Decision {
  return reject('ticket_already_started', `Ticket ${ticket.number} is already being served.`);
}
