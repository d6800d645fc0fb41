import type { WaitRange } from '../../shared/domain.ts';
import type { StoreState } from '../engine/state.ts';
import { type ErlangResult, smallestServers } from './erlang.ts';
import type { SlotForecast } from './forecast.ts';
import type { WaitModel } from './prediction/model.ts';
import { predictSnapshot } from './prediction/predict.ts';
import { snapshotFromState } from './prediction/snapshot.ts';

export interface StaffingGoal {
  /** Service-level target: share `goal` called within `targetSec`. */
  targetSec: number;
  goal: number;
}

export interface IntervalAdvice extends ErlangResult {
  start: number;
  arrivalsPerHour: number;
  meanServiceSec: number;
}

/**
 * Smallest number of counters per forecast interval meeting the goal (Erlang C). Intervals
 * without their own service-time figure use `fallbackServiceSec`.
 * @example adviseIntervals(forecastDay(rows, {...}), 240, { targetSec: 300, goal: 0.8 })
 */
export function adviseIntervals(
  forecast: readonly SlotForecast[],
  fallbackServiceSec: number,
  goal: StaffingGoal,
): IntervalAdvice[] {
  return forecast.map((f) => {
    const meanServiceSec = f.meanServiceSec ?? fallbackServiceSec;
    const r = smallestServers({ arrivalRate: f.arrivalsPerHour / 3600, meanServiceSec }, goal.targetSec, goal.goal);
    return { ...r, start: f.start, arrivalsPerHour: f.arrivalsPerHour, meanServiceSec };
  });
}

export interface NowAdvice extends ErlangResult {
  arrivalsPerHour: number;
  waiting: number;
  openCounters: number;
  /** Predicted wait of a customer arriving now (first service) with one counter fewer, as now, and one more. */
  effect: { fewer: WaitRange | null; current: WaitRange | null; more: WaitRange | null };
}

/**
 * Advice for right now: Erlang C on the arrival rate of the last `windowMin` minutes, and the
 * simulated effect of one counter more or fewer on the wait of someone arriving now.
 */
export function adviseNow(
  state: StoreState,
  model: WaitModel,
  now: number,
  meanServiceSec: number,
  goal: StaffingGoal,
  windowMin = 30,
): NowAdvice {
  const since = now - windowMin * 60_000;
  const tickets = Object.values(state.tickets);
  const arrivalsPerHour = (tickets.filter((t) => t.issuedAt > since && t.issuedAt <= now).length * 60) / windowMin;
  const erlang = smallestServers({ arrivalRate: arrivalsPerHour / 3600, meanServiceSec }, goal.targetSec, goal.goal);
  const snap = snapshotFromState(state, now);
  const service = Object.values(state.services).find((s) => s.active);
  const arrival = service ? [{ serviceId: service.id, priority: false }] : [];
  const at = (servers: typeof snap.servers) =>
    service ? (predictSnapshot({ ...snap, servers }, model, arrival, 100).arrivals[0] ?? null) : null;
  // One more: a counter serving every service, free now. One fewer: drop the counter whose service began first.
  const extra = { id: '\uffffextra', serviceIds: null, busy: null };
  const busiest = [...snap.servers].sort((a, b) => (a.busy?.since ?? now) - (b.busy?.since ?? now));
  return {
    ...erlang,
    arrivalsPerHour,
    waiting: snap.waiting.length,
    openCounters: snap.servers.length,
    effect: {
      fewer: snap.servers.length > 1 ? at(busiest.slice(1)) : null,
      current: at(snap.servers),
      more: at([...snap.servers, extra]),
    },
  };
}
