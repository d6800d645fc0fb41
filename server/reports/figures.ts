/** Small conversions from SQL aggregates to report figures; SQLite hands back null for empty groups. */

/** Milliseconds (possibly an AVG, possibly null) to seconds. */
export function seconds(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Number(ms) / 1000;
}

/** `part / whole`, or null when there is nothing to divide by. */
export function share(part: number | null | undefined, whole: number | null | undefined): number | null {
  const w = Number(whole ?? 0);
  return w > 0 ? Number(part ?? 0) / w : null;
}

/** A count that SQLite may return as null (SUM over no rows). */
export function count(n: number | null | undefined): number {
  return Number(n ?? 0);
}

/** Net promoter score: % promoters (9–10) − % detractors (0–6), or null without answers. */
export function netPromoter(
  promoters: number | null,
  detractors: number | null,
  answers: number | null,
): number | null {
  const n = count(answers);
  return n > 0 ? (100 * (count(promoters) - count(detractors))) / n : null;
}

/** Average of a nullable SQL AVG. */
export function average(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** The columns every feedback aggregate returns, named the same in each query. */
export interface FeedbackAggregates {
  csat: number | null;
  csat_count: number | null;
  csat_top: number | null;
  nps_count: number | null;
  promoters: number | null;
  detractors: number | null;
  ces: number | null;
  ces_count: number | null;
}

/** The aggregates of a group nobody rated. */
export const NO_FEEDBACK: FeedbackAggregates = {
  csat: null,
  csat_count: 0,
  csat_top: 0,
  nps_count: 0,
  promoters: 0,
  detractors: 0,
  ces: null,
  ces_count: 0,
};

export function feedbackFigures(r: FeedbackAggregates) {
  return {
    csat: average(r.csat),
    csatCount: count(r.csat_count),
    nps: netPromoter(r.promoters, r.detractors, r.nps_count),
    npsCount: count(r.nps_count),
    ces: average(r.ces),
    cesCount: count(r.ces_count),
  };
}
