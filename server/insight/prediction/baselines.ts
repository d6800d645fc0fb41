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
  const s = snap.servers.filter((x) => canServe(x, arrival.serviceId)).length;
  if (s === 0) return null;
  const me: WaitingEntry = { id: '\uffff', ...arrival, joinedAt: snap.now };
  const n = countAhead(snap, me);
  const mu = 1 / lognormalMean(serviceDist(model, arrival.serviceId, snap.now));
  const theta = model.abandonPerSec;
  // A free counter means no wait for the QL family.
  const idle = snap.servers.some((x) => x.busy === null && canServe(x, arrival.serviceId));
  let qlAbandon = 0;
  for (let i = 0; i <= n; i++) qlAbandon += 1 / (s * mu + i * theta);
  return {
    ql: idle && n === 0 ? 0 : (n + 1) / (s * mu),
    'ql-abandon': idle && n === 0 ? 0 : qlAbandon,
    les: lesDelay(snap, arrival.serviceId),
    hol: holDelay(snap, arrival.serviceId),
  };
}
