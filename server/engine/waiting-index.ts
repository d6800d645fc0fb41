import type { Ticket } from './state.ts';

type Tickets = Record<string, Ticket>;

/*
 * A store keeps every ticket of its day, thousands in a busy one, but only the few waiting ones
 * matter for calling and positions. Ticket records are never mutated once the engine hands them
 * out, so the set of waiting ids is memoised per record; the reducer derives the next record's set
 * from the previous one instead of rescanning.
 */
const waitingByRecord = new WeakMap<Tickets, Set<string>>();

/**
 * Ids of the waiting tickets in `tickets` (computed once per record, then kept up to date by the reducer).
 * @example for (const id of waitingIds(state.tickets)) state.tickets[id]
 */
export function waitingIds(tickets: Tickets): ReadonlySet<string> {
  return ownWaitingIds(tickets);
}

/** The waiting tickets of a record, in no particular order. */
export function waitingTickets(tickets: Tickets): Ticket[] {
  const out: Ticket[] = [];
  for (const id of waitingIds(tickets)) {
    const ticket = tickets[id];
    if (ticket) out.push(ticket);
  }
  return out;
}

/** The mutable set behind a record; only the state draft, which owns the record, may change it. */
export function ownWaitingIds(tickets: Tickets): Set<string> {
  let ids = waitingByRecord.get(tickets);
  if (!ids) {
    ids = new Set();
    for (const id in tickets) if (tickets[id]?.status === 'waiting') ids.add(id);
    waitingByRecord.set(tickets, ids);
  }
  return ids;
}

/** Registers the waiting set of a record the draft just built. */
export function adoptWaitingIds(tickets: Tickets, ids: Set<string>): void {
  waitingByRecord.set(tickets, ids);
}
