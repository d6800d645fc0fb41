/**
 * Rows read moments ago, kept for `freshMs` of real time so that a busy terminal's every request
 * does not read its session and account again. Bounded: past `max` entries it starts over.
 * Several nodes: a change made on another node is seen here within `freshMs`; a change made on
 * this one is seen at once (the repository forgets what it changes).
 */
export class RecentlyRead<V> {
  readonly #entries = new Map<string, { value: V; readAt: number }>();

  constructor(
    readonly freshMs: number,
    readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (performance.now() - entry.readAt <= this.freshMs) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.#entries.set(key, { value, readAt: performance.now() });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets every entry `drop` picks. */
  deleteWhere(drop: (value: V) => boolean): void {
    for (const [key, entry] of this.#entries) if (drop(entry.value)) this.#entries.delete(key);
  }
}
