import type { EngineEvent } from './events.ts';
import type { Millis, Ticket } from './state.ts';

type Tickets = Record<string, Ticket>;

/** Entries younger than this always stay (a screen's "missed" rail shows no-shows this long). */
const KEEP_MS = 30 * 60 * 1000;
/** And at least this many of the latest, however old. */
const KEEP_LATEST = 50;

/**
 * Tickets called, recalled or marked no-show lately, newest last: what a screen's recent calls and
 * missed rail draw from, found without scanning the day's tickets. Registered per tickets record
 * by the owner that keeps it up to date (`LiveState`); a record without one has no index.
 */
export class RecentCalls {
  #entries: Array<{ id: string; at: Millis }> = [];

  /** Built once from a whole record (a store's state after loading). */
  static fromTickets(tickets: Tickets): RecentCalls {
    const recent = new RecentCalls();
    recent.#entries = Object.values(tickets)
      .filter((t) => t.calledAt !== null)
      .map((t) => ({ id: t.id, at: t.status === 'no_show' ? (t.doneAt ?? t.calledAt ?? 0) : (t.calledAt ?? 0) }))
      .sort((a, b) => a.at - b.at);
    recent.#prune();
    return recent;
  }

  /** Takes note of calls, recalls and no-shows among events. */
  note(events: readonly EngineEvent[]): void {
    let changed = false;
    for (const e of events) {
      if (e.type !== 'ticket:called' && e.type !== 'ticket:recalled' && e.type !== 'ticket:no_show') continue;
      this.#entries.push({ id: e.ticketId, at: e.at });
      changed = true;
    }
    if (changed) this.#prune();
  }

  /** The tickets of `tickets` in the index, each once (those gone with an old day left out). */
  tickets(tickets: Tickets): Ticket[] {
    const seen = new Set<string>();
    const out: Ticket[] = [];
    for (const { id } of this.#entries) {
      const t = tickets[id];
      if (!t || seen.has(id)) continue;
      seen.add(id);
      out.push(t);
    }
    return out;
  }

  #prune(): void {
    const entries = this.#entries;
    const newest = entries.at(-1)?.at ?? 0;
    let drop = 0;
    while (entries.length - drop > KEEP_LATEST && (entries[drop]?.at ?? 0) < newest - KEEP_MS) drop++;
    if (drop > 0) this.#entries = entries.slice(drop);
  }
}

const recentByRecord = new WeakMap<Tickets, RecentCalls>();

/** The index of a record, when its owner keeps one. */
export function recentCallsOf(tickets: Tickets): RecentCalls | undefined {
  return recentByRecord.get(tickets);
}

/** Registers the index its owner keeps for a record. */
export function adoptRecentCalls(tickets: Tickets, recent: RecentCalls): void {
  recentByRecord.set(tickets, recent);
}
