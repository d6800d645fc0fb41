import type { WaitRange } from '../../shared/domain.ts';
import type { StoreState } from '../engine/state.ts';
import type { WaitModel } from './prediction/model.ts';
import { predictSnapshot } from './prediction/predict.ts';
import { type ServerEntry, snapshotFromState } from './prediction/snapshot.ts';
import { adviseCounters, type CounterAdvice, type LineFigures, type StaffingGoal } from './staffing.ts';

/** What the advice tells a manager to do now: nothing, open more counters, or more than the store has. */
export type StaffingVerdict = 'enough' | 'open_more' | 'beyond_store';

/** The wait predicted for someone arriving now: the longest of any service, as the store's screens show it. */
export interface PredictedNow {
  serviceId: string;
  wait: WaitRange;
}

export interface NowAdvice extends CounterAdvice {
  arrivalsPerHour: number;
  waiting: number;
  openCounters: number;
  /** Active counters the store has. */
  storeCounters: number;
  /** The one advice: Erlang C's counters, or one more than open while the predicted wait is over the target. */
  needed: number;
  verdict: StaffingVerdict;
  predicted: PredictedNow | null;
  /** With every counter of the store open, the wait of someone arriving now (set when `beyond_store`). */
  withAllCounters: WaitRange | null;
  /** Predicted wait of a customer arriving now (the `predicted` service) with one counter fewer, as now, and one more. */
  effect: { fewer: WaitRange | null; current: WaitRange | null; more: WaitRange | null };
}

/**
 * The longest predicted wait of any service for someone arriving now, from the live prediction
 * (`LiveWaits`) every screen shows; null when nothing is predicted.
 * @example worstWait({ pickup: { p50: 60, p90: 120 }, returns: { p50: 300, p90: 600 } })?.serviceId // 'returns'
 */
export function worstWait(byService: Record<string, WaitRange>): PredictedNow | null {
  let worst: PredictedNow | null = null;
  for (const [serviceId, wait] of Object.entries(byService)) {
    if (!worst || wait.p50 > worst.wait.p50) worst = { serviceId, wait };
  }
  return worst;
}

/**
 * Advice for right now, one answer for every screen: `adviseCounters` on the arrival rate of the
 * last `windowMin` minutes, raised while the live predicted wait is over the target (a backlog
 * the long-run formula does not see); the verdict compares it with the counters open and the
 * counters the store has. The effect of one counter more or fewer, and of every counter open, is
 * simulated on the live line.
 */
export function adviseNow(
  state: StoreState,
  model: WaitModel,
  now: number,
  line: LineFigures,
  goal: StaffingGoal,
  live: Record<string, WaitRange>,
  windowMin = 30,
): NowAdvice {
  const since = now - windowMin * 60_000;
  let arrivals = 0;
  for (const t of Object.values(state.tickets)) if (t.issuedAt > since && t.issuedAt <= now) arrivals++;
  const arrivalsPerHour = (arrivals * 60) / windowMin;
  const advice = adviseCounters(arrivalsPerHour, line, goal);
  const snap = snapshotFromState(state, now);
  const predicted = worstWait(live);
  const service = predicted?.serviceId ?? Object.values(state.services).find((s) => s.active)?.id;
  const arrival = service ? [{ serviceId: service, priority: false }] : [];
  const at = (servers: ServerEntry[]) =>
    service ? (predictSnapshot({ ...snap, servers }, model, arrival, 100).arrivals[0] ?? null) : null;
  // Extra counters serve every service and are free now. One fewer: drop the counter whose service began first.
  const extra = (n: number): ServerEntry[] =>
    Array.from({ length: n }, (_, i) => ({ id: `\uffffextra${i}`, serviceIds: null, busy: null }));
  const busiest = [...snap.servers].sort((a, b) => (a.busy?.since ?? now) - (b.busy?.since ?? now));
  const openCounters = snap.servers.length;
  const storeCounters = Object.values(state.counters).filter((c) => c.active).length;
  const overTarget = predicted !== null && predicted.wait.p50 > goal.targetSec;
  const needed = Math.max(advice.servers, overTarget ? openCounters + 1 : 0);
  // Every counter already open: the live prediction is that wait.
  const withAll = () =>
    storeCounters > openCounters
      ? at([...snap.servers, ...extra(storeCounters - openCounters)])
      : (predicted?.wait ?? at(snap.servers));
  const verdict: StaffingVerdict =
    needed > storeCounters ? 'beyond_store' : needed > openCounters ? 'open_more' : 'enough';
  return {
    ...advice,
    arrivalsPerHour,
    waiting: snap.waiting.length,
    openCounters,
    storeCounters,
    needed,
    verdict,
    predicted,
    withAllCounters: verdict === 'beyond_store' ? withAll() : null,
    effect: {
      fewer: openCounters > 1 ? at(busiest.slice(1)) : null,
      current: at(snap.servers),
      more: at([...snap.servers, ...extra(1)]),
    },
  };
}
