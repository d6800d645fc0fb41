import type { Audience } from '../../shared/api/policy.ts';
import { RATE_LIMITS, type RateLimitName } from '../../shared/api/rate-limits.ts';
import { type BucketTaker, type Budget, TokenBuckets } from './token-buckets.ts';

/** Budgets the operator changed (`LINECAST_RATE_LIMIT_<NAME>`): new numbers, or `off`. */
export type RateLimitOverrides = Partial<Record<RateLimitName, Budget | 'off'>>;

/** Every budget off: for load generators that send a whole store's tickets from one address. */
export const RATE_LIMITS_OFF: RateLimitOverrides = Object.fromEntries(
  Object.keys(RATE_LIMITS).map((name) => [name, 'off']),
);

/** What a request's budgets are counted by. */
export interface RateSubject {
  /** The policy's entry that admitted the caller. */
  via: Audience;
  address: string;
  ticketId: string | undefined;
}

/** Budgets for this many addresses and tickets at once (a few MB); the least recently seen go first. */
const TRACKED = 50_000;

/**
 * Enforces the operation map's rate limits (`shared/api/rate-limits.ts`) with the numbers in
 * force. One process counts in its memory (a restart forgets them); several nodes count together
 * in Redis (`RedisBuckets`). Seconds to wait come back as `Retry-After`.
 */
export class RateLimiter {
  readonly #budgets: Partial<Record<RateLimitName, Budget>> = {};
  readonly #buckets: BucketTaker;

  constructor(overrides: RateLimitOverrides = {}, buckets: BucketTaker = new TokenBuckets(TRACKED)) {
    this.#buckets = buckets;
    for (const name of Object.keys(RATE_LIMITS) as RateLimitName[]) {
      const set = overrides[name];
      if (set !== 'off') this.#budgets[name] = set ?? RATE_LIMITS[name];
    }
  }

  /** 0 when the request may go ahead (and has spent its budgets), else whole seconds to wait. */
  async check(names: readonly RateLimitName[], subject: RateSubject, now: number): Promise<number> {
    const spend: [string, Budget][] = [];
    for (const name of names) {
      const budget = this.#budgets[name];
      const limit: { per: string; only?: readonly Audience[] } = RATE_LIMITS[name];
      if (!budget || (limit.only && !limit.only.includes(subject.via))) continue;
      const who = limit.per === 'ticket' ? subject.ticketId : addressGroup(subject.address);
      if (who !== undefined) spend.push([`${name}:${who}`, budget]);
    }
    return spend.length === 0 ? 0 : this.#buckets.take(spend, now);
  }
}

/**
 * An IPv6 client usually holds a whole /64, so its budget is the /64's; an IPv4 address is itself.
 * @example addressGroup('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function addressGroup(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).join(':')}::/64`;
}
