import type { EngineEvent } from '../engine/events.ts';
import type { StoreState } from '../engine/state.ts';

export { WEBHOOK_EVENTS } from '../../shared/protocol.ts';

/** What never leaves Linecast: a ticket's token authorises its holder; comments are personal. */
const WITHHELD = new Set(['token', 'idempotencyKey', 'comment']);

/**
 * The JSON body of one delivery: the event as committed (with its `seq`), plus the ticket or
 * counter it concerns as it stands after the event, so a receiver needs no second request.
 */
export function webhookBody(
  deliveryId: string,
  storeId: string,
  event: EngineEvent & { seq: number },
  state: StoreState,
): string {
  const ticketId = 'ticketId' in event ? event.ticketId : event.type === 'ticket:issued' ? event.ticket.id : null;
  const ticket = ticketId ? state.tickets[ticketId] : undefined;
  const counterId = 'counterId' in event ? event.counterId : event.type === 'counter:updated' ? event.counter.id : null;
  const counter = counterId ? state.counters[counterId] : undefined;
  return JSON.stringify(
    {
      id: deliveryId,
      type: event.type,
      storeId,
      seq: event.seq,
      at: new Date(event.at).toISOString(),
      event,
      ...(ticket ? { ticket } : {}),
      ...(counter ? { counter } : {}),
    },
    (key, value) => (WITHHELD.has(key) ? undefined : value),
  );
}
