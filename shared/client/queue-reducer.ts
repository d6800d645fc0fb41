import type { CounterDto, PublicTicketDto, QueueSnapshot } from '../domain.ts';
import type { SequencedEventName, WaitsPayload } from '../protocol.ts';

/** The fields of a sequenced event payload that change the public queue. */
export interface QueueEventFields {
  seq: number;
  at?: string;
  ticket?: PublicTicketDto;
  counter?: CounterDto;
}

/** How many calls `recentCalls` holds, and how long a no-show stays in `missed` (as the server keeps them). */
export const RECENT_CALLS = 10;
export const MISSED_KEEP_MS = 30 * 60_000;

/**
 * Folds one sequenced event into a public queue snapshot, the way the server's next snapshot
 * would show it: a ticket sits in `waiting` while waiting, in `called` while called or being
 * served, and leaves both once done, a no-show or cancelled; a call or recall puts it first in
 * `recentCalls`, a no-show first in `missed`. Returns a new snapshot.
 *
 * @example
 * new StoreSocketController(this, { onEvent: (name, p) => (this.queue = applyQueueEvent(this.queue, name, p)) });
 */
export function applyQueueEvent(
  snapshot: QueueSnapshot,
  name: SequencedEventName,
  payload: QueueEventFields,
): QueueSnapshot {
  let next: QueueSnapshot = { ...snapshot, seq: payload.seq, at: payload.at ?? snapshot.at };
  if (payload.ticket && name.startsWith('ticket:') && name !== 'ticket:feedback') {
    next = placeTicket(next, payload.ticket);
    next = { ...next, ...history(next, name, payload.ticket) };
    next = { ...next, counters: withCurrentTicket(next.counters, payload.ticket) };
  }
  if (name === 'counter:updated' && payload.counter) {
    const counter = payload.counter;
    const known = next.counters.some((c) => c.id === counter.id);
    next = {
      ...next,
      counters: known ? next.counters.map((c) => (c.id === counter.id ? counter : c)) : [...next.counters, counter],
    };
  }
  return next;
}

/** Replaces the predicted waits, per service and per waiting ticket. */
export function applyWaits(snapshot: QueueSnapshot, payload: WaitsPayload): QueueSnapshot {
  return {
    ...snapshot,
    waits: payload.waits,
    waiting: snapshot.waiting.map((t) => (payload.tickets[t.id] ? { ...t, wait: payload.tickets[t.id]! } : t)),
  };
}

function placeTicket(snapshot: QueueSnapshot, ticket: PublicTicketDto): QueueSnapshot {
  const waiting = snapshot.waiting.filter((t) => t.id !== ticket.id);
  const called = snapshot.called.filter((t) => t.id !== ticket.id);
  if (ticket.status === 'waiting') waiting.push(ticket);
  if (ticket.status === 'called' || ticket.status === 'serving') called.push(ticket);
  return { ...snapshot, waiting, called, waitingByService: countByService(waiting, snapshot.waitingByService) };
}

function history(snapshot: QueueSnapshot, name: SequencedEventName, ticket: PublicTicketDto) {
  const others = (list: PublicTicketDto[]) => list.filter((t) => t.id !== ticket.id);
  const update = (list: PublicTicketDto[]) => list.map((t) => (t.id === ticket.id ? ticket : t));
  const called = name === 'ticket:called' || name === 'ticket:recalled';
  return {
    recentCalls: called
      ? [ticket, ...others(snapshot.recentCalls)].slice(0, RECENT_CALLS)
      : update(snapshot.recentCalls),
    missed: ticket.status === 'no_show' ? [ticket, ...others(snapshot.missed)] : others(snapshot.missed),
  };
}

/** Keeps each counter's "current ticket" in step with ticket events that do not resend the counter. */
function withCurrentTicket(counters: CounterDto[], ticket: PublicTicketDto): CounterDto[] {
  const atCounter = ticket.status === 'called' || ticket.status === 'serving';
  return counters.map((c) => {
    if (atCounter && c.id === ticket.counterId) {
      return { ...c, currentTicketId: ticket.id, currentTicketNumber: ticket.number };
    }
    if (c.currentTicketId === ticket.id && (!atCounter || c.id !== ticket.counterId)) {
      return { ...c, currentTicketId: null, currentTicketNumber: null };
    }
    return c;
  });
}

/** Counts per service, keeping the services the server listed with 0. */
function countByService(waiting: PublicTicketDto[], before: Record<string, number>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(Object.keys(before).map((id) => [id, 0]));
  for (const t of waiting) counts[t.serviceId] = (counts[t.serviceId] ?? 0) + 1;
  return counts;
}
