import type { EngineEvent } from './events.ts';
import { classHeads, streakAfterCall } from './select-next-ticket.ts';
import type { StoreState, Ticket } from './state.ts';
import { StateDraft } from './state-draft.ts';

const TERMINAL: ReadonlySet<Ticket['status']> = new Set(['done', 'no_show', 'cancelled']);

/**
 * Folds one event into the state (the reducer). Returns a new state; the input is not changed.
 * @example const next = applyEvent(state, { type: 'ticket:cancelled', at: now, ticketId: 't1' })
 */
export function applyEvent(state: StoreState, event: EngineEvent): StoreState {
  return applyEvents(state, [event]);
}

/**
 * Folds events in order, copying each touched record once for the whole batch rather than per event.
 * @example const replayed = applyEvents(createStoreState(settings, services, counters), allEvents)
 */
export function applyEvents(state: StoreState, events: readonly EngineEvent[]): StoreState {
  if (events.length === 0) return state;
  const draft = new StateDraft(state);
  for (const event of events) applyEventTo(draft, event);
  return draft.state;
}

/** Applies one event to a draft the caller owns. */
export function applyEventTo(draft: StateDraft, event: EngineEvent): void {
  switch (event.type) {
    case 'ticket:issued':
      issue(draft, event.ticket);
      break;
    case 'ticket:called':
      call(draft, event);
      break;
    case 'ticket:recalled': {
      const ticket = draft.ticket(event.ticketId);
      draft.setTicket({ ...ticket, recalls: ticket.recalls + 1, calledAt: event.at });
      break;
    }
    case 'ticket:started':
      draft.setTicket({ ...draft.ticket(event.ticketId), status: 'serving', startedAt: event.at });
      break;
    case 'ticket:done':
      draft.setTicket({ ...draft.ticket(event.ticketId), status: 'done', doneAt: event.at });
      freeCounter(draft, event.counterId, event.ticketId);
      break;
    case 'ticket:no_show':
      draft.setTicket({ ...draft.ticket(event.ticketId), status: 'no_show', doneAt: event.at });
      freeCounter(draft, event.counterId, event.ticketId);
      break;
    case 'ticket:cancelled':
      draft.setTicket({ ...draft.ticket(event.ticketId), status: 'cancelled', doneAt: event.at });
      break;
    case 'ticket:transferred': {
      const ticket = draft.ticket(event.ticketId);
      draft.setTicket({
        ...ticket,
        status: 'waiting',
        serviceId: event.toServiceId,
        transfers: ticket.transfers + 1,
        // Back in line: the next call, start and recalls belong to the new service; joinedAt stays.
        calledAt: null,
        startedAt: null,
        counterId: null,
        operatorId: null,
        recalls: 0,
      });
      freeCounter(draft, event.counterId, event.ticketId);
      break;
    }
    case 'ticket:feedback':
      draft.setTicket({ ...draft.ticket(event.ticketId), feedbackGiven: true });
      break;
    case 'counter:updated':
      draft.setCounter(event.counter);
      break;
    case 'service:updated':
      draft.setService(event.service);
      break;
    case 'store:updated':
      draft.setSettings(event.settings);
      break;
  }
}

function issue(draft: StateDraft, ticket: Ticket): void {
  const { numbering } = draft.state;
  const sameDay = numbering.day === ticket.day;
  if (!sameDay) draft.filterTickets((t) => t.day === ticket.day || !TERMINAL.has(t.status));
  const lastByCode = sameDay ? { ...numbering.lastByCode } : {};
  const parsed = /^([A-Z]+)(\d+)$/.exec(ticket.number);
  if (parsed?.[1] && parsed[2]) {
    lastByCode[parsed[1]] = Math.max(lastByCode[parsed[1]] ?? 0, Number(parsed[2]));
  }
  draft.setNumbering({ day: ticket.day, lastByCode });
  draft.setTicket(ticket);
}

function call(draft: StateDraft, event: Extract<EngineEvent, { type: 'ticket:called' }>): void {
  const ticket = draft.ticket(event.ticketId);
  const counter = draft.counter(event.counterId);
  // A manager's out-of-order call is outside the class rule, so it leaves the streak alone.
  if (!event.manual) {
    const ratio = draft.state.settings.priorityRatio;
    // Only a priority call can extend the streak, so only then is the line worth scanning.
    const normalWaited =
      ratio > 0 && ticket.priority && classHeads(draft.state.tickets, counter, ticket.id).normal !== null;
    const streak = draft.state.priorityStreaks[counter.id] ?? 0;
    draft.setStreak(counter.id, streakAfterCall(ratio, streak, ticket, normalWaited));
  }
  draft.setTicket({
    ...ticket,
    status: 'called',
    counterId: counter.id,
    operatorId: event.operatorId,
    calledAt: event.at,
    firstCalledAt: ticket.firstCalledAt ?? event.at,
  });
  draft.setCounter({ ...counter, currentTicketId: ticket.id });
}

function freeCounter(draft: StateDraft, counterId: string, ticketId: string): void {
  const counter = draft.counter(counterId);
  if (counter.currentTicketId === ticketId) draft.setCounter({ ...counter, currentTicketId: null });
}
