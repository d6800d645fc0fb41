import type { EngineEvent } from '../engine/events.ts';
import type { StoreState, Ticket } from '../engine/state.ts';

/** The predictor's "last to enter service" features look at this many latest first calls. */
const KEEP = 20;

/**
 * Ids of the tickets most recently called for the first time, oldest first, kept up to date from
 * committed events so nobody scans the day's tickets to find them.
 */
export class RecentFirstCalls {
  #ids: string[] = [];

  /** Built once from a whole state (a store's first prediction after a start). */
  static fromState(state: StoreState): RecentFirstCalls {
    const recent = new RecentFirstCalls();
    recent.#ids = Object.values(state.tickets)
      .filter((t) => t.status !== 'waiting' && t.firstCalledAt !== null)
      .sort((a, b) => (a.firstCalledAt ?? 0) - (b.firstCalledAt ?? 0))
      .slice(-KEEP)
      .map((t) => t.id);
    return recent;
  }

  /** Takes note of first calls among committed events (a call after a transfer is not one). */
  note(events: readonly EngineEvent[], state?: StoreState): void {
    for (const e of events) {
      if (e.type !== 'ticket:called') continue;
      const ticket = state?.tickets[e.ticketId];
      if (ticket && ticket.firstCalledAt !== e.at) continue;
      this.#ids = this.#ids.filter((id) => id !== e.ticketId);
      this.#ids.push(e.ticketId);
      if (this.#ids.length > KEEP) this.#ids.shift();
    }
  }

  /** The tickets as they are now in `state` (those gone with an old day left out). */
  tickets(state: StoreState): Ticket[] {
    const out: Ticket[] = [];
    for (const id of this.#ids) {
      const t = state.tickets[id];
      if (t) out.push(t);
    }
    return out;
  }
}
