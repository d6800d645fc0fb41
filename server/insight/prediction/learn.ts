import { actualWaitSec, type HistoryRow } from './history.ts';
import { fitLogNormal, type LogNormal } from './lognormal.ts';
import { localHour, type WaitModel } from './model.ts';
import { predictSnapshot } from './predict.ts';
import { quantileRegression } from './quantile-regression.ts';
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
  let left = 0;
  let exposureSec = 0;
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
    const end = r.calledAt ?? r.leftAt;
    if (end !== null && end > r.issuedAt) exposureSec += (end - r.issuedAt) / 1000;
    if (r.calledAt === null && r.leftAt !== null) left++;
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
    abandonPerSec: exposureSec > 0 ? left / exposureSec : 0,
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
  if (X.length < 50) return null;
  return { p50: quantileRegression(X, y, 0.5), p90: quantileRegression(X, y, 0.9) };
}
