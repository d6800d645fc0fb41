import type { WaitRange } from '../../../shared/domain.ts';
import type { StoreState } from '../../engine/state.ts';
import { hashSeed, rng } from '../prng.ts';
import { queueLength } from './baselines.ts';
import { design, F, features, holDelay, lesDelay, sinceLastCall } from './features.ts';
import type { WaitModel } from './model.ts';
import { simulateWaits, type Target } from './monte-carlo.ts';
import { dot } from './quantile-regression.ts';
import { canServe, countAhead, type LineSnapshot, snapshotFromState } from './snapshot.ts';

export interface Predictions {
  /** A customer taking a (normal-priority) ticket for this service now. Absent: no open counter serves it. */
  byService: Record<string, WaitRange>;
  /** Every waiting ticket: its total wait from joining. Absent: no open counter serves it. */
  byTicket: Record<string, WaitRange>;
}

export interface Arrival {
  serviceId: string;
  priority: boolean;
}

/** Monte Carlo runs per prediction: enough for stable p90s, cheap enough for a few per second. */
export const DEFAULT_RUNS = 200;

/**
 * Predicted waits for every waiting ticket and for "a customer arriving now" per service,
 * from the live line. Pure and deterministic (the Monte Carlo seed comes from the inputs).
 * @example predictWaits(state, model, Date.now()).byService.returns // { p50: 240, p90: 600 }
 */
export function predictWaits(state: StoreState, model: WaitModel, now: number, runs = DEFAULT_RUNS): Predictions {
  const snap = snapshotFromState(state, now);
  const services = Object.values(state.services).filter((s) => s.active);
  const r = predictSnapshot(
    snap,
    model,
    services.map((s) => ({ serviceId: s.id, priority: false })),
    runs,
  );
  const byService: Record<string, WaitRange> = {};
  services.forEach((s, i) => {
    const w = r.arrivals[i];
    if (w) byService[s.id] = w;
  });
  const byTicket: Record<string, WaitRange> = {};
  snap.waiting.forEach((w, i) => {
    const p = r.waiting[i];
    if (p) byTicket[w.id] = p;
  });
  return { byService, byTicket };
}

/**
 * Core predictor on a snapshot: raw simulated quantiles, then the learned calibration
 * (quantile regression on simulated quantiles, LES and HOL delays) when the model has one.
 */
export function predictSnapshot(
  snap: LineSnapshot,
  model: WaitModel,
  arrivals: Arrival[],
  runs = DEFAULT_RUNS,
): { waiting: Array<WaitRange | null>; arrivals: Array<WaitRange | null>; features: Array<number[] | null> } {
  const targets: Target[] = [
    ...snap.waiting.map((w, i) => ({
      serviceId: w.serviceId,
      priority: w.priority,
      joinedAt: w.joinedAt,
      waitingIndex: i,
    })),
    ...arrivals.map((a) => ({ ...a, joinedAt: snap.now, waitingIndex: -1 })),
  ];
  const samples = simulateWaits(
    snap,
    model,
    targets,
    runs,
    rng(hashSeed(snap.now, snap.waiting.length, targets.length)),
  );
  const feats: Array<number[] | null> = [];
  const since = sinceLastCall(snap);
  const ranges = targets.map((t, i) => {
    const s = samples[i]!;
    if (s.length === 0 || s[0] === Number.POSITIVE_INFINITY) {
      feats.push(null);
      return null;
    }
    const me = { id: i < snap.waiting.length ? snap.waiting[i]!.id : '\uffff', ...t };
    const ahead = countAhead(snap, me);
    const elapsed = (snap.now - t.joinedAt) / 1000;
    const f = features(s, {
      les: lesDelay(snap, t.serviceId),
      hol: holDelay(snap, t.serviceId),
      sinceLastCallSec: since,
      ahead,
      servers: snap.servers.filter((x) => canServe(x, t.serviceId)).length,
      priority: t.priority,
      // Total wait from joining, like the simulated quantiles.
      qlAbandon: elapsed + (queueLength(snap, model, me, ahead)?.qlAbandon ?? 0),
    });
    feats.push(f);
    return calibrated(f, model, elapsed);
  });
  return {
    waiting: ranges.slice(0, snap.waiting.length),
    arrivals: ranges.slice(snap.waiting.length),
    features: feats,
  };
}

/** Raw simulated quantiles, or the learned calibration of them; never below what has elapsed. */
export function calibrated(f: readonly number[], model: WaitModel, elapsedSec: number): WaitRange {
  const rawP50 = f[F.q50]!;
  const rawP90 = f[F.q90]!;
  const c = model.calibration;
  let p50 = rawP50;
  let p90 = rawP90;
  // Certain: a free counter and nobody ahead in every run (the simulation then says exactly 0).
  if (c && rawP90 > elapsedSec) {
    if (c.p50) p50 = dot(design(f, c.p50.kind), c.p50.beta);
    if (c.p90) p90 = dot(design(f, c.p90.kind), c.p90.beta);
  }
  // A wait already under way cannot be shorter than what has elapsed.
  p50 = Math.max(p50, elapsedSec, 0);
  p90 = Math.max(p90, p50);
  return { p50: Math.round(p50), p90: Math.round(p90) };
}
