import type { SequencedEventName, ServerToClientEvents } from '../../shared/protocol.ts';
import type { StoreState } from '../engine/state.ts';
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
