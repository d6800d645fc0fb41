import type { DayFacts } from './day-facts.ts';

/** Closed days kept at most; 20 stores × 90 days fit, and the oldest used go first. */
const DEFAULT_CAPACITY = 2_000;

/**
 * The facts of closed days, each with the mark (`seq`) it was computed at: a day whose mark
 * moved since is computed again. Keyed by everything the facts depend on besides the tickets
 * (time zone and target), so a store's new settings never reuse old figures.
 */
export class DayFactsCache {
  readonly #entries = new Map<string, { seq: number; facts: DayFacts }>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  get(key: string, seq: number): DayFacts | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.seq !== seq) return undefined;
    // Re-inserted so the Map's order is least recently used first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.facts;
  }

  set(key: string, seq: number, facts: DayFacts): void {
    this.#entries.delete(key);
    this.#entries.set(key, { seq, facts });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#capacity) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
