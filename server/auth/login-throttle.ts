/**
 * Slows password guessing: after `maxFailures` failed logins for one username (or from one
 * address) within `windowMs`, further attempts are refused until the window passes.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #maxFailures: number;
  readonly #windowMs: number;

  constructor(maxFailures = 5, windowMs = 15 * 60 * 1000) {
    this.#maxFailures = maxFailures;
    this.#windowMs = windowMs;
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(keys: string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (recent.length >= this.#maxFailures)
        wait = Math.max(wait, Math.ceil((recent[0]! + this.#windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: string[], now: number): void {
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((t) => now - t < this.#windowMs);
  }
}
