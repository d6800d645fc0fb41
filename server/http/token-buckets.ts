/** A budget: `max` requests in a row, given back one by one over `windowSec`. */
export interface Budget {
  max: number;
  windowSec: number;
}

/** Spends one token from each bucket when all have one (0), else the whole seconds to wait. */
export interface BucketTaker {
  take(requests: readonly (readonly [key: string, budget: Budget])[], now: number): number | Promise<number>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in memory, at most `capacity` of them: past it the least recently used one is
 * forgotten (which forgives it), so a flood of addresses cannot grow the process without bound.
 *
 * @example
 * const buckets = new TokenBuckets(10_000);
 * buckets.take([['addr:1.2.3.4', { max: 5, windowSec: 60 }]], now) // 0: spent; else seconds to wait
 */
export class TokenBuckets implements BucketTaker {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#buckets.size;
  }

  /**
   * Spends one token from each bucket when every one has one, and returns 0; otherwise spends
   * nothing and returns the whole seconds until all of them will.
   */
  take(requests: readonly (readonly [key: string, budget: Budget])[], now: number): number {
    const filled = requests.map(([key, budget]) => ({ key, bucket: this.#refill(key, budget, now), budget }));
    const waitMs = Math.max(0, ...filled.map(({ bucket, budget }) => untilOne(bucket, budget)));
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    for (const { key, bucket } of filled) this.#remember(key, { tokens: bucket.tokens - 1, at: now });
    return 0;
  }

  #refill(key: string, budget: Budget, now: number): Bucket {
    const bucket = this.#buckets.get(key);
    if (!bucket) return { tokens: budget.max, at: now };
    const regained = (Math.max(0, now - bucket.at) / (budget.windowSec * 1000)) * budget.max;
    return { tokens: Math.min(budget.max, bucket.tokens + regained), at: now };
  }

  #remember(key: string, bucket: Bucket): void {
    // Re-inserting moves the key to the end, so the Map's order is least recently used first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#capacity) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
  }
}

/** Milliseconds until the bucket holds one whole token. */
function untilOne(bucket: Bucket, budget: Budget): number {
  if (bucket.tokens >= 1) return 0;
  return ((1 - bucket.tokens) * budget.windowSec * 1000) / budget.max;
}
