/** One prediction checked against what happened. */
export interface Scored {
  predictor: string;
  ahead: number;
  /** An open counter that could serve this customer was free at issue (its wait is then surely 0). */
  freeCounter?: boolean;
  p50: number;
  p90: number | null;
  actual: number;
}

export interface Result {
  dataset: string;
  predictor: string;
  n: number;
  mae: number;
  rmse: number;
  p90Coverage: number | null;
  within2min: number;
}

export function summarize(dataset: string, predictor: string, xs: readonly Scored[]): Result {
  const n = xs.length;
  let abs = 0;
  let sq = 0;
  let covered = 0;
  let withP90 = 0;
  let within = 0;
  for (const x of xs) {
    const e = x.p50 - x.actual;
    abs += Math.abs(e);
    sq += e * e;
    if (Math.abs(e) <= 120) within++;
    if (x.p90 !== null) {
      withP90++;
      if (x.actual <= x.p90) covered++;
    }
  }
  return {
    dataset,
    predictor,
    n,
    mae: n ? abs / n : Number.NaN,
    rmse: n ? Math.sqrt(sq / n) : Number.NaN,
    p90Coverage: withP90 ? covered / withP90 : null,
    within2min: n ? within / n : Number.NaN,
  };
}

/** Buckets of "people ahead" for the breakdown table. */
export const AHEAD_BUCKETS: Array<[string, (k: number) => boolean]> = [
  ['0', (k) => k === 0],
  ['1-2', (k) => k >= 1 && k <= 2],
  ['3-5', (k) => k >= 3 && k <= 5],
  ['6-10', (k) => k >= 6 && k <= 10],
  ['11+', (k) => k > 10],
];

/** Additive residual quantile (actual − point) on learning data: turns a point predictor into a p90. */
export function residualQuantile(pairs: ReadonlyArray<{ pred: number; actual: number }>, q: number): number {
  const r = pairs.map((p) => p.actual - p.pred).sort((a, b) => a - b);
  return r[Math.min(r.length - 1, Math.floor(q * r.length))] ?? 0;
}
