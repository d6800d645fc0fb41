import type { Audience } from './policy.ts';

/**
 * A budget of requests: at most `max` in a row, given back evenly over `windowSec` (a token
 * bucket), counted for each address or each ticket. A request past it gets 429 with `Retry-After`
 * and changes nothing. The server can change the numbers (`LINECAST_RATE_LIMIT_<NAME>`).
 */
export interface RateLimit {
  /** Whose budget a request spends: its address's (the client's IP) or its ticket's. */
  readonly per: 'address' | 'ticket';
  /** Only callers the policy admitted as one of these spend it; everyone when left out. */
  readonly only?: readonly Audience[];
  readonly max: number;
  readonly windowSec: number;
}

/**
 * Linecast's budgets. Customers on a store's Wi-Fi often share one public address, so the per-address
 * budgets leave room for a busy store; the per-ticket one is small, since feedback is given once.
 */
export const RATE_LIMITS = {
  /** Joining the line from a phone; the store's kiosks and staff are not counted. */
  phoneJoinPerAddress: { per: 'address', only: ['phone-join'], max: 60, windowSec: 600 },
  feedbackPerAddress: { per: 'address', max: 60, windowSec: 600 },
  feedbackPerTicket: { per: 'ticket', max: 5, windowSec: 600 },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;
