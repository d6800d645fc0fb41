import type { WaitRange } from '../../shared/domain.ts';
import {
  PUBLIC_WAITS_TICKETS,
  type SequencedEventName,
  type ServerToClientEvents,
  type WaitsPayload,
} from '../../shared/protocol.ts';
import { compareJoining, waitingTickets } from '../engine/index.ts';
import type { StoreState, Ticket } from '../engine/state.ts';
import { counterDto, publicTicket, storeConfig, type WaitView } from '../line/views.ts';
import type { CommittedEvent } from '../store/line-repository.ts';

export interface Outgoing {
  name: SequencedEventName;
  payload: Parameters<ServerToClientEvents[SequencedEventName]>[0];
}

/**
 * The socket message for one committed event. Every event becomes exactly one message so
 * `seq` stays contiguous for every member of the room; public rooms get no tokens and no comments.
 */
export function toOutgoing(e: CommittedEvent, state: StoreState, waits: WaitView, staff: boolean): Outgoing {
  const base = { seq: e.seq, storeId: state.settings.id, at: new Date(e.at).toISOString() };
  switch (e.type) {
    case 'ticket:issued':
    case 'ticket:called':
    case 'ticket:recalled':
    case 'ticket:started':
    case 'ticket:done':
    case 'ticket:no_show':
    case 'ticket:cancelled':
    case 'ticket:transferred': {
      const ticketId = e.type === 'ticket:issued' ? e.ticket.id : e.ticketId;
      const known = state.tickets[ticketId] ?? (e.type === 'ticket:issued' ? e.ticket : undefined);
      const counterId = 'counterId' in e ? e.counterId : null;
      const ticket = known ? publicTicket(state, known, waits) : undefined;
      const payload = {
        ...base,
        ticket: ticket as NonNullable<typeof ticket>,
        counterId,
        counterName: counterId ? (state.counters[counterId]?.name ?? null) : null,
      };
      if (e.type === 'ticket:transferred') {
        return { name: e.type, payload: { ...payload, fromServiceId: e.fromServiceId, toServiceId: e.toServiceId } };
      }
      return { name: e.type, payload };
    }
    case 'ticket:feedback':
      return {
        name: 'ticket:feedback',
        payload: staff ? { ...base, ticketId: e.ticketId, ...e.feedback } : { ...base, ticketId: e.ticketId },
      };
    case 'counter:updated':
      return { name: 'counter:updated', payload: { ...base, counter: counterDto(state, e.counter) } };
    case 'service:updated':
    case 'store:updated':
      return { name: 'store:updated', payload: { ...base, config: storeConfig(state) } };
  }
}

/**
 * `waits:updated` for both rooms. The public one is bounded whatever the length of the line: the
 * waits per service and the next few waiting tickets (ids and numbers, never tokens).
 */
export function waitsPayloads(
  state: StoreState,
  seq: number,
  waits: WaitView,
): { pub: WaitsPayload; staff: WaitsPayload } {
  const base = { seq, storeId: state.settings.id, waits: waits.byService };
  const next = nextWaiting(state, PUBLIC_WAITS_TICKETS).map((t) => ({
    ticketId: t.id,
    number: t.number,
    serviceId: t.serviceId,
    wait: waits.byTicket[t.id] ?? waits.byService[t.serviceId] ?? null,
  }));
  const tickets: Record<string, WaitRange> = {};
  for (const n of next) if (n.wait) tickets[n.ticketId] = n.wait;
  return { pub: { ...base, tickets, next }, staff: { ...base, tickets: waits.byTicket, next } };
}

/** The first `count` waiting tickets in joining order, without sorting the whole line. */
function nextWaiting(state: StoreState, count: number): Ticket[] {
  const first: Ticket[] = [];
  for (const t of waitingTickets(state.tickets)) {
    if (first.length === count && compareJoining(t, first[count - 1]!) >= 0) continue;
    first.push(t);
    first.sort(compareJoining);
    if (first.length > count) first.pop();
  }
  return first;
}
