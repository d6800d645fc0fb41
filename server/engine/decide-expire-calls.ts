import { accept } from './decision.ts';
import type { EngineEvent } from './events.ts';
import type { Decision } from './rejection.ts';
import type { Millis, StoreState } from './state.ts';

/**
 * Marks as no-shows the called tickets whose recalls are used up and whose latest call (or recall)
 * is at least `graceSec` old, when the store turned `autoNoShow` on. Meant to run on a timer.
 */
export function decideExpireCalls(state: StoreState, now: Millis): Decision {
  const rule = state.settings.autoNoShow;
  if (!rule) return accept();
  const events: EngineEvent[] = [];
  for (const counter of Object.values(state.counters)) {
    const ticket = counter.currentTicketId ? state.tickets[counter.currentTicketId] : undefined;
    if (ticket?.status !== 'called' || ticket.calledAt === null) continue;
    if (ticket.recalls >= rule.maxRecalls && now - ticket.calledAt >= rule.graceSec * 1000) {
      events.push({ type: 'ticket:no_show', at: now, ticketId: ticket.id, counterId: counter.id });
    }
  }
  return accept(...events);
}
