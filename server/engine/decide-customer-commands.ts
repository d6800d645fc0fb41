import type { Command } from './commands.ts';
import { accept, reject } from './decision.ts';
import { findTicket, refused } from './lookup.ts';
import type { Decision } from './rejection.ts';
import type { Millis, StoreState } from './state.ts';

/** The customer leaves the line; only a waiting ticket can be cancelled. */
export function decideCancel(state: StoreState, command: Extract<Command, { type: 'cancel' }>, now: Millis): Decision {
  const ticket = findTicket(state, command.ticketId);
  if (refused(ticket)) return ticket;
  if (ticket.status !== 'waiting') {
    return reject(
      'ticket_not_waiting',
      `Ticket ${ticket.number} is ${ticket.status}, so it can no longer leave the line.`,
    );
  }
  return accept({ type: 'ticket:cancelled', at: now, ticketId: ticket.id });
}

/** Feedback after service, once per ticket. */
export function decideRecordFeedback(
  state: StoreState,
  command: Extract<Command, { type: 'record_feedback' }>,
  now: Millis,
): Decision {
  const ticket = findTicket(state, command.ticketId);
  if (refused(ticket)) return ticket;
  if (ticket.status !== 'done') return reject('ticket_not_done', `Ticket ${ticket.number} has not been served yet.`);
  if (ticket.feedbackGiven) {
    return reject('feedback_already_given', `Feedback for ticket ${ticket.number} was already recorded.`);
  }
  return accept({ type: 'ticket:feedback', at: now, ticketId: ticket.id, feedback: command.feedback });
}
