export { applyEvent, applyEvents } from './apply-event.ts';
export type { Command, CommandType } from './commands.ts';
export { createStoreState } from './create-store-state.ts';
export { decide } from './decide.ts';
export { ticketNumber } from './decide-issue-ticket.ts';
export type { EngineEvent, EngineEventType } from './events.ts';
export { type ExecuteResult, execute } from './execute.ts';
export { isValidTimeZone, localDay } from './local-day.ts';
export { createQueueRunner, type QueueRunner } from './queue-runner.ts';
export { type Decision, REJECTION_CODES, type Rejection, type RejectionCode } from './rejection.ts';
export {
  type ClassHeads,
  chooseBetween,
  classHeads,
  selectNextTicket,
  servesService,
  streakAfterCall,
} from './select-next-ticket.ts';
export type { Counter, Millis, Service, StoreSettings, StoreState, Ticket, TicketSource } from './state.ts';
export { compareJoining } from './ticket-order.ts';
export { waitingIds, waitingTickets } from './waiting-index.ts';
export { ticketsAhead, waitingOrder, waitingPositions } from './waiting-order.ts';
