import type { FeedbackSums, SegmentCell, StaffCell, TicketCell } from './day-facts.ts';
import type { FeedbackAggregates } from './figures.ts';

/** The fields of each kind of cell that add up across days (everything but keys and maxima). */
export const FEEDBACK_KEYS = [
  'csatSum',
  'csatN',
  'csatTop',
  'npsN',
  'promoters',
  'detractors',
  'cesSum',
  'cesN',
] as const;
export const TICKET_KEYS = [
  'issued',
  'called',
  'served',
  'noShows',
  'cancelled',
  'waiting',
  'inService',
  'waitSum',
  'waitN',
  'systemSum',
  'systemN',
  'slMet',
  'slMissedCancelled',
  'fcr',
  ...FEEDBACK_KEYS,
] as const satisfies ReadonlyArray<keyof TicketCell>;
export const SEGMENT_KEYS = ['walkUpSum', 'walkUpN', 'serviceSum', 'serviceN'] as const satisfies ReadonlyArray<
  keyof SegmentCell
>;
export const STAFF_KEYS = [
  'calls',
  'served',
  'noShows',
  'transferred',
  ...SEGMENT_KEYS,
  'waitSum',
  'waitN',
  'fcr',
  ...FEEDBACK_KEYS,
] as const satisfies ReadonlyArray<keyof StaffCell>;

export type Sums<K extends string> = Record<K, number>;

/** A record of zeros for `keys`. */
export function zeros<K extends string>(keys: readonly K[]): Sums<K> {
  const out = {} as Sums<K>;
  for (const k of keys) out[k] = 0;
  return out;
}

/** Adds `source`'s `keys` into `target` (the days of a range adding up), in place. */
export function addInto<K extends string>(target: Sums<K>, source: Sums<K>, keys: readonly K[]): void {
  for (const k of keys) target[k] += source[k];
}

export const NO_FEEDBACK_SUMS: FeedbackSums = zeros(FEEDBACK_KEYS);

/** Feedback sums as the aggregates `feedbackFigures` reads (averages null when nobody answered). */
export function asFeedbackAggregates(f: FeedbackSums): FeedbackAggregates {
  return {
    csat: f.csatN > 0 ? f.csatSum / f.csatN : null,
    csat_count: f.csatN,
    csat_top: f.csatTop,
    nps_count: f.npsN,
    promoters: f.promoters,
    detractors: f.detractors,
    ces: f.cesN > 0 ? f.cesSum / f.cesN : null,
    ces_count: f.cesN,
  };
}

/**
 * Nearest-rank percentile of ascending `sorted`: the smallest value whose 1-based rank r has
 * r ≥ p·n / 100, so always a real value, never interpolated; null for none.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)] ?? null;
}
