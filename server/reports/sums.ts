import type { FeedbackSums } from './day-facts.ts';
import type { FeedbackAggregates } from './figures.ts';

/** Field-by-field sum of two records of counts and sums (the days of a range adding up). */
export function addSums<T extends object>(a: T, b: T): T {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) if (typeof v === 'number') out[k] = Number(out[k] ?? 0) + v;
  return out as T;
}

export const NO_FEEDBACK_SUMS: FeedbackSums = {
  csatSum: 0,
  csatN: 0,
  csatTop: 0,
  npsN: 0,
  promoters: 0,
  detractors: 0,
  cesSum: 0,
  cesN: 0,
};

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
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)] ?? null;
}
