import type { LineSnapshot } from './snapshot.ts';

/** What the line says about one customer besides the simulated wait distribution. */
export interface FeatureContext {
  /** Wait of the last customer to enter service (LES), seconds. */
  les: number;
  /** How long the head of the line has waited (HOL), seconds. */
  hol: number;
  sinceLastCallSec: number;
  /** People ahead under the priority rule. */
  ahead: number;
  /** Open counters that may serve this customer. */
  servers: number;
  priority: boolean;
  /** The queue-length-with-abandonment baseline for this customer, seconds. */
  qlAbandon: number;
}

/** Positions in the feature vector (see `features`). */
export const F = {
  one: 0,
  mean: 1,
  q25: 2,
  q50: 3,
  q75: 4,
  q90: 5,
  les: 6,
  hol: 7,
  since: 8,
  aheadPerServer: 9,
  qlAbandon: 10,
  ahead: 11,
  servers: 12,
  perServer: 13,
  priority: 14,
} as const;

/**
 * Features the calibration maps to p50/p90: the simulated wait distribution (mean and
 * quartiles, uncapped), the two delay signals the literature finds strongest in many-server
 * lines — the wait of the last customer to enter service (LES) and how long the head of the
 * line has waited (HOL) — the queue-length predictor and the plain line counts.
 */
export function features(samples: readonly number[], ctx: FeatureContext): number[] {
  const n = samples.length;
  let sum = 0;
  for (const s of samples) sum += s;
  const q = (p: number) => samples[Math.min(n - 1, Math.floor(p * n))] ?? 0;
  const servers = Math.max(1, ctx.servers);
  return [
    1,
    n ? sum / n : 0,
    q(0.25),
    q(0.5),
    q(0.75),
    q(0.9),
    ctx.les,
    ctx.hol,
    ctx.sinceLastCallSec,
    (ctx.ahead + 1) / servers,
    ctx.qlAbandon,
    ctx.ahead,
    ctx.servers,
    1 / servers,
    ctx.priority ? 1 : 0,
  ];
}

/** Seconds features are capped at before calibration: a 4-hour "hopeless" run must not swing a linear fit. */
const CAP_SEC = 1800;

/** How the calibration shapes the features: one linear model, or one per people-ahead class (0, 1–2, 3+). */
export type CalibrationKind = 'linear' | 'byAhead';

/** The regression's design row for a feature vector. */
export function design(f: readonly number[], kind: CalibrationKind): number[] {
  const x = f.map((v, i) => (i >= F.mean && i <= F.qlAbandon ? Math.min(v, CAP_SEC) : v));
  if (kind === 'linear') return x;
  const ahead = f[F.ahead] ?? 0;
  const none = ahead === 0 ? 1 : 0;
  const few = ahead >= 1 && ahead <= 2 ? 1 : 0;
  return [...x, ...x.map((v) => v * none), ...x.map((v) => v * few)];
}

/** Wait of the last customer called for this service (or any service), seconds; 0 if none. */
export function lesDelay(snap: LineSnapshot, serviceId: string): number {
  let any: number | null = null;
  for (let i = snap.recentCalls.length - 1; i >= 0; i--) {
    const c = snap.recentCalls[i]!;
    if (any === null) any = (c.calledAt - c.joinedAt) / 1000;
    if (c.serviceId === serviceId) return (c.calledAt - c.joinedAt) / 1000;
  }
  return any ?? 0;
}

/** How long the longest-waiting customer for this service (or any) has waited, seconds. */
export function holDelay(snap: LineSnapshot, serviceId: string): number {
  let any: number | null = null;
  for (const w of snap.waiting) {
    if (any === null) any = (snap.now - w.joinedAt) / 1000;
    if (w.serviceId === serviceId) return (snap.now - w.joinedAt) / 1000;
  }
  return any ?? 0;
}

/** Seconds since anyone was last called: a long silence means counters are stuck or away. */
export function sinceLastCall(snap: LineSnapshot): number {
  const last = snap.recentCalls[snap.recentCalls.length - 1];
  return last ? (snap.now - last.calledAt) / 1000 : 0;
}
