import type { Counter, Service, StoreSettings, StoreState, Ticket } from './state.ts';
import { adoptWaitingIds, ownWaitingIds, waitingIds } from './waiting-index.ts';

/**
 * A copy-on-write view of a state being folded: the first write to tickets, counters, services or
 * streaks copies that record once, later writes in the same fold reuse the copy. With `owned`, the
 * draft copies everything up front and then mutates in place for as long as it lives (the runner).
 */
export class StateDraft {
  readonly state: StoreState;
  #ownsTickets = false;
  #ownsCounters = false;
  #ownsServices = false;
  #ownsStreaks = false;

  constructor(base: StoreState, owned = false) {
    this.state = { ...base };
    if (owned) {
      this.#copyTickets();
      this.#copyCounters();
      this.#copyServices();
      this.#copyStreaks();
    }
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
    this.state.tickets[ticket.id] = ticket;
    const waiting = ownWaitingIds(this.state.tickets);
    if (ticket.status === 'waiting') waiting.add(ticket.id);
    else waiting.delete(ticket.id);
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
    this.state.tickets = tickets;
    this.#ownsTickets = true;
  }

  setCounter(counter: Counter): void {
    this.#copyCounters();
    this.state.counters[counter.id] = counter;
  }

  setService(service: Service): void {
    this.#copyServices();
    this.state.services[service.id] = service;
  }

  setStreak(counterId: string, streak: number): void {
    if ((this.state.priorityStreaks[counterId] ?? 0) === streak) return;
    this.#copyStreaks();
    this.#streaks()[counterId] = streak;
  }

  setSettings(settings: StoreSettings): void {
    this.state.settings = settings;
  }

  setNumbering(numbering: StoreState['numbering']): void {
    this.state.numbering = numbering;
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
