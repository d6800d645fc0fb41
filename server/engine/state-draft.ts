import type { Counter, Service, StoreSettings, StoreState, Ticket } from './state.ts';
import { adoptWaitingIds, ownWaitingIds, waitingIds } from './waiting-index.ts';

/**
 * A copy-on-write view of a state being folded: the first write to tickets, counters, services or
 * streaks copies that record once, later writes in the same fold reuse the copy. With `owned`, the
 * draft copies everything up front and then mutates in place for as long as it lives (the runner,
 * the server's live lines); `record` then lets it take changes back.
 */
export class StateDraft {
  readonly state: StoreState;
  #ownsTickets = false;
  #ownsCounters = false;
  #ownsServices = false;
  #ownsStreaks = false;
  /** How to take back each change since `record`, in order; undefined when not recording. */
  #undo: Array<() => void> | undefined;

  constructor(base: StoreState, owned = false) {
    this.state = { ...base };
    if (owned) {
      this.#copyTickets();
      this.#copyCounters();
      this.#copyServices();
      this.#copyStreaks();
    }
  }

  /** Starts remembering how to undo every change, until `rollback` or `forget`. */
  record(): void {
    this.#undo = [];
  }

  /** Takes back every change since `record`, newest first. */
  rollback(): void {
    const undo = this.#undo ?? [];
    this.#undo = undefined;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
  }

  /** Keeps the changes since `record`. */
  forget(): void {
    this.#undo = undefined;
  }

  ticket(id: string): Ticket {
    const ticket = this.state.tickets[id];
    if (!ticket) throw new Error(`Event refers to unknown ticket ${id}`);
    return ticket;
  }

  counter(id: string): Counter {
    const counter = this.state.counters[id];
    if (!counter) throw new Error(`Event refers to unknown counter ${id}`);
    return counter;
  }

  waitingIds(): ReadonlySet<string> {
    return waitingIds(this.state.tickets);
  }

  setTicket(ticket: Ticket): void {
    this.#copyTickets();
    const tickets = this.state.tickets;
    const previous = tickets[ticket.id];
    putTicket(tickets, ticket.id, ticket);
    this.#undo?.push(() => putTicket(tickets, ticket.id, previous));
  }

  /** Keeps only the tickets `keep` accepts (the day's clean-up); rare, so it always rebuilds. */
  filterTickets(keep: (ticket: Ticket) => boolean): void {
    const tickets: Record<string, Ticket> = {};
    const waiting = new Set<string>();
    for (const id in this.state.tickets) {
      const ticket = this.state.tickets[id];
      if (!ticket || !keep(ticket)) continue;
      tickets[id] = ticket;
      if (ticket.status === 'waiting') waiting.add(id);
    }
    adoptWaitingIds(tickets, waiting);
    const [previous, owned] = [this.state.tickets, this.#ownsTickets];
    this.state.tickets = tickets;
    this.#ownsTickets = true;
    this.#undo?.push(() => {
      this.state.tickets = previous;
      this.#ownsTickets = owned;
    });
  }

  setCounter(counter: Counter): void {
    this.#copyCounters();
    this.#put(this.state.counters, counter.id, counter);
  }

  setService(service: Service): void {
    this.#copyServices();
    this.#put(this.state.services, service.id, service);
  }

  setStreak(counterId: string, streak: number): void {
    if ((this.state.priorityStreaks[counterId] ?? 0) === streak) return;
    this.#copyStreaks();
    this.#put(this.#streaks(), counterId, streak);
  }

  setSettings(settings: StoreSettings): void {
    const previous = this.state.settings;
    this.state.settings = settings;
    this.#undo?.push(() => {
      this.state.settings = previous;
    });
  }

  setNumbering(numbering: StoreState['numbering']): void {
    const previous = this.state.numbering;
    this.state.numbering = numbering;
    this.#undo?.push(() => {
      this.state.numbering = previous;
    });
  }

  #put<T>(record: Record<string, T>, key: string, value: T): void {
    const had = key in record;
    const previous = record[key];
    record[key] = value;
    this.#undo?.push(() => {
      if (had) record[key] = previous as T;
      else delete record[key];
    });
  }

  #copyTickets(): void {
    if (this.#ownsTickets) return;
    const previous = this.state.tickets;
    this.state.tickets = { ...previous };
    adoptWaitingIds(this.state.tickets, new Set(waitingIds(previous)));
    this.#ownsTickets = true;
  }

  #copyCounters(): void {
    if (this.#ownsCounters) return;
    this.state.counters = { ...this.state.counters };
    this.#ownsCounters = true;
  }

  #copyServices(): void {
    if (this.#ownsServices) return;
    this.state.services = { ...this.state.services };
    this.#ownsServices = true;
  }

  #copyStreaks(): void {
    if (this.#ownsStreaks) return;
    this.state.priorityStreaks = { ...this.state.priorityStreaks };
    this.#ownsStreaks = true;
  }

  #streaks(): Record<string, number> {
    this.state.priorityStreaks ??= {};
    return this.state.priorityStreaks;
  }
}

/** Sets or removes one ticket of a record, keeping the record's waiting set in step. */
function putTicket(tickets: Record<string, Ticket>, id: string, ticket: Ticket | undefined): void {
  const waiting = ownWaitingIds(tickets);
  if (ticket) tickets[id] = ticket;
  else delete tickets[id];
  if (ticket?.status === 'waiting') waiting.add(id);
  else waiting.delete(id);
}
