import type { TicketDto, WaitRange } from '../domain.ts';

export type WaitMessageKey = 'waitNext' | 'waitAbout' | 'waitRange' | 'waitUnknown';

/**
 * How to say a predicted wait: "about 6 min (up to 15)", rounded the way people talk
 * (whole minutes up to 10, then fives), or "you're next" when nobody is ahead and it rounds to
 * nothing (with people ahead it is at least "about 1 min").
 *
 * @example
 * waitMessage({ p50: 370, p90: 700 }, 3) // { key: 'waitRange', params: { min: 6, max: 15 } }
 */
export function waitMessage(
  wait: WaitRange | null | undefined,
  ahead = 0,
): {
  key: WaitMessageKey;
  params: Record<string, number>;
} {
  if (!wait || !Number.isFinite(wait.p50)) return { key: 'waitUnknown', params: {} };
  const rounded = roundMinutes(wait.p50, Math.round);
  if (rounded === 0 && ahead === 0) return { key: 'waitNext', params: {} };
  const min = Math.max(1, rounded);
  const max = Math.max(min, roundMinutes(Math.max(wait.p90, wait.p50), Math.ceil));
  return max > min ? { key: 'waitRange', params: { min, max } } : { key: 'waitAbout', params: { min } };
}

function roundMinutes(seconds: number, round: (x: number) => number): number {
  if (seconds < 30) return 0;
  const minutes = seconds / 60;
  if (minutes < 1) return 1;
  if (minutes <= 10) return round(minutes);
  return round(minutes / 5) * 5;
}

/** People who will be called before this ticket (`position` is 1-based: 1 means next). */
export function peopleAhead(ticket: Pick<TicketDto, 'position'>): number {
  return ticket.position === null ? 0 : Math.max(0, ticket.position - 1);
}
