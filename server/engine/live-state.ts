import { applyEventTo } from './apply-event.ts';
import type { EngineEvent } from './events.ts';
import { adoptRecentCalls, RecentCalls } from './recent-calls.ts';
import type { StoreState, Ticket } from './state.ts';
import { StateDraft } from './state-draft.ts';

/**
 * One store's state owned by its single writer and changed in place, so a command costs what it
 * changes rather than a copy of the day's tickets. The writer decides on `state` (with the pure
 * `decide`), asks `preview` for what storage must write, and `apply`s the events once they are
 * committed: until then `state` shows only committed changes.
 * @example const after = live.preview(events); await commit(events, after); live.apply(events);
 */
export class LiveState {
  #draft: StateDraft;
  #recent: RecentCalls;

  constructor(initial: StoreState) {
    this.#draft = new StateDraft(initial, true);
    this.#recent = RecentCalls.fromTickets(initial.tickets);
    adoptRecentCalls(this.#draft.state.tickets, this.#recent);
  }

  /** The live state: read it, never change it, and copy what must outlive the next command. */
  get state(): StoreState {
    return this.#draft.state;
  }

  /**
   * The state after `events` as far as they touch it: settings, services, counters and runtime
   * fields whole (a store has few), and only the tickets the events touch. `state` is unchanged.
   */
  preview(events: readonly EngineEvent[]): StoreState {
    const draft = this.#draft;
    draft.record();
    try {
      for (const event of events) applyEventTo(draft, event);
      const s = draft.state;
      const tickets: Record<string, Ticket> = {};
      for (const id of touchedTickets(events)) {
        const ticket = s.tickets[id];
        if (ticket) tickets[id] = ticket;
      }
      return {
        settings: s.settings,
        services: { ...s.services },
        counters: { ...s.counters },
        tickets,
        numbering: s.numbering,
        priorityStreaks: { ...s.priorityStreaks },
      };
    } finally {
      draft.rollback();
    }
  }

  /**
   * What `look` sees on the state after `pending` (decided, not yet committed); the state is
   * back as it was when this returns, so nobody else ever reads an uncommitted change.
   */
  speculate<T>(pending: readonly EngineEvent[], look: (state: StoreState) => T): T {
    if (pending.length === 0) return look(this.#draft.state);
    const draft = this.#draft;
    draft.record();
    try {
      for (const event of pending) applyEventTo(draft, event);
      return look(draft.state);
    } finally {
      draft.rollback();
    }
  }

  /** Folds committed events into the live state. */
  apply(events: readonly EngineEvent[]): void {
    for (const event of events) applyEventTo(this.#draft, event);
    this.#recent.note(events);
    // A new day starts a new tickets record; the index follows it.
    adoptRecentCalls(this.#draft.state.tickets, this.#recent);
  }

  /** Starts over from another state (imported history). */
  reset(state: StoreState): void {
    this.#draft = new StateDraft(state, true);
    this.#recent = RecentCalls.fromTickets(state.tickets);
    adoptRecentCalls(this.#draft.state.tickets, this.#recent);
  }
}

function touchedTickets(events: readonly EngineEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type === 'ticket:issued') ids.add(e.ticket.id);
    else if ('ticketId' in e) ids.add(e.ticketId);
  }
  return ids;
}
