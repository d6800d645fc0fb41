import type { WaitRange } from '../../shared/domain.ts';

export type WaitMessageKey = 'waitNext' | 'waitAbout' | 'waitRange' | 'waitUnknown';

/**
 * How to say a predicted wait: "about 6 min (up to 15)", rounded the way people talk
 * (whole minutes up to 10, then fives), or "you're next" when it rounds to nothing.
 *
 * @example
 * waitMessage({ p50: 370, p90: 700 }) // { key: 'waitRange', params: { min: 6, max: 15 } }
 */
export function waitMessage(wait: WaitRange | null | undefined): {
  key: WaitMessageKey;
  params: Record<string, number>;
} {
  if (!wait || !Number.isFinite(wait.p50)) return { key: 'waitUnknown', params: {} };
  const min = roundMinutes(wait.p50, Math.round);
  if (min === 0) return { key: 'waitNext', params: {} };
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
