import { holDelay, lesDelay } from './features.ts';
import { lognormalMean } from './lognormal.ts';
import type { WaitModel } from './model.ts';
import { serviceDist } from './model.ts';
import { canServe, countAhead, type LineSnapshot, type WaitingEntry } from './snapshot.ts';

/** The classical single-number predictors (Ibrahim & Whitt) for a customer arriving now. */
export type BaselineName = 'ql' | 'ql-abandon' | 'les' | 'hol';
export const BASELINES: BaselineName[] = ['ql', 'ql-abandon', 'les', 'hol'];

/**
 * Predicted wait (seconds) of a customer joining now, by each baseline. `n` counts the
 * customers ahead under the priority rule; `s` the open counters that may serve this service.
 * Returns null when no open counter serves it.
 */
export function baselinePredictions(
  snap: LineSnapshot,
  model: WaitModel,
  arrival: { serviceId: string; priority: boolean },
): Record<BaselineName, number> | null {
  const me: WaitingEntry = { id: '\uffff', ...arrival, joinedAt: snap.now };
  const q = queueLength(snap, model, me, countAhead(snap, me));
  if (!q) return null;
  return {
    ql: q.ql,
    'ql-abandon': q.qlAbandon,
    les: lesDelay(snap, arrival.serviceId),
    hol: holDelay(snap, arrival.serviceId),
  };
}

/**
 * QL `(n+1)/(sμ)` and QL with abandonment `Σ_{i=0..n} 1/(sμ+iθ)` for `entry` with `n` ahead,
 * s = open counters that may serve its service, μ its learned service rate, θ the abandonment
 * rate. A free counter with nobody ahead means no wait. Null when no open counter serves it.
 */
export function queueLength(
  snap: LineSnapshot,
  model: WaitModel,
  entry: WaitingEntry,
  n: number,
): { ql: number; qlAbandon: number } | null {
  const mine = snap.servers.filter((x) => canServe(x, entry.serviceId));
  const s = mine.length;
  if (s === 0) return null;
  if (n === 0 && mine.some((x) => x.busy === null)) return { ql: 0, qlAbandon: 0 };
  const mu = 1 / lognormalMean(serviceDist(model, entry.serviceId, snap.now));
  const theta = model.abandonPerSec;
  let qlAbandon = 0;
  for (let i = 0; i <= n; i++) qlAbandon += 1 / (s * mu + i * theta);
  return { ql: (n + 1) / (s * mu), qlAbandon };
}
