/** A command refused because its store already has as many waiting as it may hold. */
export class LineBusyError extends Error {
  /** When to try again, in seconds. */
  readonly retryAfterSec: number;

  constructor(retryAfterSec = 1) {
    super('This store is busy with other requests right now; please try again in a moment.');
    this.name = 'LineBusyError';
    this.retryAfterSec = retryAfterSec;
  }
}

/**
 * Runs async tasks one after another per key: commands for one store are serialized (one
 * writer per store) while different stores proceed independently. At most `limit` tasks per key
 * wait or run at once; past that `run` refuses at once with `LineBusyError`, so an overloaded
 * store answers what it can in time instead of queueing without end.
 */
export class SerialQueue {
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #counts = new Map<string, number>();
  readonly #limit: number;

  constructor(limit = Number.POSITIVE_INFINITY) {
    this.#limit = limit;
  }

  /** Tasks waiting or running for `key`. */
  pending(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const count = this.pending(key);
    if (count >= this.#limit) return Promise.reject(new LineBusyError());
    this.#counts.set(key, count + 1);
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.then(
      () => this.#done(key),
      () => this.#done(key),
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return next;
  }

  #done(key: string): void {
    const count = this.pending(key) - 1;
    if (count > 0) this.#counts.set(key, count);
    else this.#counts.delete(key);
  }
}
