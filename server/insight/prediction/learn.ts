import { type CalibrationKind, design, F } from './features.ts';
import { abandonRate, actualWaitSec, type HistoryRow } from './history.ts';
import { fitLogNormal, type LogNormal } from './lognormal.ts';
import { type Calibration, localHour, type QuantileModel, type WaitModel } from './model.ts';
import { predictSnapshot } from './predict.ts';
import { dot, quantileRegression } from './quantile-regression.ts';
import { type ReplayOptions, replayArrivals } from './replay.ts';

export interface LearnOptions {
  timeZone: string;
  /** Reference time for recency weighting; default the latest row. */
  now?: number;
  /** A service observed this many days ago counts half as much as one observed today. */
  halfLifeDays?: number;
  /**
   * Fit the p50/p90 calibration by replaying the rows (what the line looked like at each
   * arrival → what that customer then waited). Omit for a model of raw simulated quantiles.
   */
  calibrate?: ReplayOptions & {
    /** Which arrivals to learn from; default: every customer who was called. */
    include?: (row: HistoryRow) => boolean;
    /** Cap on learning samples (evenly thinned) to bound the time spent. */
    maxSamples?: number;
    runs?: number;
  };
}

/** Pseudo-observations pulling a thin hour towards its service's all-day fit. */
const SHRINK = 30;

/**
 * Learns service-time distributions per service and local hour (recency weighted), the
 * abandonment rate, priority arrival rates and, optionally, the calibration.
 * @example const model = learnModel(rows, { timeZone: 'Europe/Paris', calibrate: { rule } });
 */
export function learnModel(rows: readonly HistoryRow[], opts: LearnOptions): WaitModel {
  const now = opts.now ?? rows.reduce((m, r) => Math.max(m, r.issuedAt), 0);
  const halfLifeMs = (opts.halfLifeDays ?? 14) * 86_400_000;
  const byService = new Map<string, { all: Sample[]; byHour: Sample[][] }>();
  const everything: Sample[] = [];
  const days = new Set<number>();
  const priorityCounts = new Map<string, number[]>();
  for (const r of rows) {
    days.add(Math.floor(r.issuedAt / 86_400_000));
    const hour = localHour(r.issuedAt, opts.timeZone);
    if (r.priority) {
      const c = priorityCounts.get(r.serviceId) ?? new Array<number>(24).fill(0);
      c[hour]!++;
      priorityCounts.set(r.serviceId, c);
    }
    if (r.calledAt !== null && r.doneAt !== null && r.doneAt > r.calledAt) {
      const sample = {
        sec: (r.doneAt - r.calledAt) / 1000,
        weight: 0.5 ** (Math.max(0, now - r.calledAt) / halfLifeMs),
      };
      let s = byService.get(r.serviceId);
      if (!s) {
        s = { all: [], byHour: Array.from({ length: 24 }, () => []) };
        byService.set(r.serviceId, s);
      }
      s.all.push(sample);
      s.byHour[localHour(r.calledAt, opts.timeZone)]!.push(sample);
      everything.push(sample);
    }
  }
  const fallback = fitLogNormal(everything) ?? { mu: Math.log(180), sigma: 0.8 };
  const services: WaitModel['services'] = {};
  for (const [id, s] of byService) {
    const all = fitLogNormal(s.all) ?? fallback;
    services[id] = { all, byHour: s.byHour.map((h) => shrink(h, all)) };
  }
  const nDays = Math.max(1, days.size);
  const priorityArrivalsPerSec: WaitModel['priorityArrivalsPerSec'] = {};
  for (const [id, c] of priorityCounts) priorityArrivalsPerSec[id] = c.map((k) => k / nDays / 3600);
  const model: WaitModel = {
    timeZone: opts.timeZone,
    services,
    fallback,
    abandonPerSec: abandonRate(rows),
    priorityArrivalsPerSec,
    calibration: null,
  };
  return opts.calibrate ? { ...model, calibration: fitCalibration(rows, model, opts.calibrate) } : model;
}

type Sample = { sec: number; weight: number };

function shrink(samples: Sample[], all: LogNormal): LogNormal | null {
  const fit = fitLogNormal(samples);
  if (!fit) return null;
  const w = samples.reduce((a, s) => a + s.weight, 0);
  const k = w / (w + SHRINK);
  return { mu: k * fit.mu + (1 - k) * all.mu, sigma: k * fit.sigma + (1 - k) * all.sigma };
}

function fitCalibration(
  rows: readonly HistoryRow[],
  model: WaitModel,
  opts: NonNullable<LearnOptions['calibrate']>,
): WaitModel['calibration'] {
  const include = opts.include ?? ((r: HistoryRow) => r.calledAt !== null);
  const eligible = rows.filter(include).length;
  const every = Math.max(1, Math.ceil(eligible / (opts.maxSamples ?? 6000)));
  const X: number[][] = [];
  const y: number[] = [];
  let seen = 0;
  replayArrivals(rows, opts, (snap, row) => {
    if (!include(row) || seen++ % every !== 0) return;
    const wait = actualWaitSec(row);
    if (wait === null) return;
    const f = predictSnapshot(snap, model, [{ serviceId: row.serviceId, priority: row.priority }], opts.runs ?? 100)
      .features[snap.waiting.length];
    if (!f) return;
    X.push(f);
    y.push(wait);
  });
  return calibrationFrom(X, y);
}

/** Share of the (time-ordered) samples held out to choose the calibration's shape. */
const HOLD_OUT = 0.3;

/**
 * Fits the p50/p90 calibration from feature vectors (`predictSnapshot(...).features`) and the
 * waits that followed, in time order. Arrivals the simulation calls certain (a free counter,
 * p90 = 0) are left out: they are predicted 0. For p50 and p90 separately it chooses between the
 * raw simulated quantile, one linear quantile regression and one per people-ahead class, by the
 * loss on the last 30% of the samples (MAE for p50, pinball loss at 0.9 for p90), then refits
 * the choice on all of them. Null with fewer than 100 uncertain samples.
 */
export function calibrationFrom(features: readonly number[][], waits: readonly number[]): Calibration | null {
  const X: number[][] = [];
  const y: number[] = [];
  features.forEach((f, i) => {
    if (f[F.q90]! > 0) {
      X.push(f);
      y.push(waits[i]!);
    }
  });
  if (X.length < 100) return null;
  const cut = Math.floor(X.length * (1 - HOLD_OUT));
  const kinds: CalibrationKind[] = ['linear', 'byAhead'];
  const choose = (tau: number, raw: number) => {
    const loss = (pred: (f: number[]) => number) => {
      let l = 0;
      for (let i = cut; i < X.length; i++) {
        const r = y[i]! - Math.max(0, pred(X[i]!));
        l += r >= 0 ? tau * r : (tau - 1) * r;
      }
      return l;
    };
    let best: { kind: CalibrationKind | null; loss: number } = { kind: null, loss: loss((f) => f[raw]!) };
    for (const kind of kinds) {
      const D = X.map((f) => design(f, kind));
      const beta = quantileRegression(D.slice(0, cut), y.slice(0, cut), tau);
      const l = loss((f) => dot(design(f, kind), beta));
      if (l < best.loss) best = { kind, loss: l };
    }
    return best.kind;
  };
  const fitQuantile = (kind: CalibrationKind | null, tau: number): QuantileModel | null =>
    kind === null
      ? null
      : {
          kind,
          beta: quantileRegression(
            X.map((f) => design(f, kind)),
            y,
            tau,
          ),
        };
  return { p50: fitQuantile(choose(0.5, F.q50), 0.5), p90: fitQuantile(choose(0.9, F.q90), 0.9) };
}
