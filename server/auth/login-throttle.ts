/** Failed sign-ins remembered under one key: how many, and when the last one was. */
export interface FailureRecord {
  failures: number;
  lastFailureAt: number;
}

/** Where failure records live (the database, so a restart does not clear them). */
export interface FailureStore {
  read(keys: string[]): Promise<Map<string, FailureRecord>>;
  /** Adds one failure to each key, starting afresh for a key whose last failure is older than `since`. */
  fail(keys: string[], now: number, since: number): Promise<void>;
  clear(keys: string[]): Promise<void>;
}

/** How failures turn into a wait: free attempts, then a delay doubling per failure up to a cap. */
interface Rule {
  freeFailures: number;
  firstDelayMs: number;
}

/**
 * Slows password guessing without locking a store out. Failures count per account *and*
 * address (a mistyping colleague slows only themself), per account from anywhere (a spread-out
 * guess at one account), and per address across accounts — that last one only makes the
 * address's pairs that already fail repeatedly wait longer, so a colleague on the same store network who types
 * the right password is never refused because someone else mistyped.
 */
export class LoginThrottle {
  static readonly WINDOW_MS = 15 * 60_000;
  static readonly MAX_DELAY_MS = 15 * 60_000;
  static readonly PAIR: Rule = { freeFailures: 3, firstDelayMs: 2_000 };
  static readonly ACCOUNT: Rule = { freeFailures: 10, firstDelayMs: 5_000 };
  static readonly ADDRESS: Rule = { freeFailures: 30, firstDelayMs: 2_000 };
  readonly #store: FailureStore;

  constructor(store: FailureStore) {
    this.#store = store;
  }

  /** Whole seconds to wait before `username` may try again from `address`; 0 when it may now. */
  async retryAfter(username: string, address: string, now: number): Promise<number> {
    const k = keys(username, address);
    const records = await this.#store.read([k.pair, k.account, k.address]);
    const pair = records.get(k.pair);
    const waits = [until(pair, LoginThrottle.PAIR, now), until(records.get(k.account), LoginThrottle.ACCOUNT, now)];
    // A busy address counts only against the accounts already failing repeatedly from it.
    if (pair && fresh(pair, now) && pair.failures >= LoginThrottle.PAIR.freeFailures)
      waits.push(until(records.get(k.address), LoginThrottle.ADDRESS, now));
    return Math.ceil(Math.max(0, ...waits) / 1000);
  }

  fail(username: string, address: string, now: number): Promise<void> {
    const k = keys(username, address);
    return this.#store.fail([k.pair, k.account, k.address], now, now - LoginThrottle.WINDOW_MS);
  }

  /** A right password clears the account's own counts; the address keeps its history. */
  succeed(username: string, address: string): Promise<void> {
    const k = keys(username, address);
    return this.#store.clear([k.pair, k.account]);
  }
}

function keys(username: string, address: string) {
  const user = username.trim().toLowerCase();
  return { pair: `pair:${user}@${address}`, account: `user:${user}`, address: `addr:${address}` };
}

function fresh(record: FailureRecord, now: number): boolean {
  return now - record.lastFailureAt < LoginThrottle.WINDOW_MS;
}

/** Milliseconds left of the delay `rule` sets after the record's last failure. */
function until(record: FailureRecord | undefined, rule: Rule, now: number): number {
  if (!record || !fresh(record, now) || record.failures < rule.freeFailures) return 0;
  const doublings = Math.min(record.failures - rule.freeFailures, 20);
  const delay = Math.min(rule.firstDelayMs * 2 ** doublings, LoginThrottle.MAX_DELAY_MS);
  return Math.max(0, record.lastFailureAt + delay - now);
}
