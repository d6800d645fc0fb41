import type { ReportScope } from './report-scope.ts';
import type { BusySegment, CounterChange } from './report-source.ts';

/** Open and busy time of one counter while one operator (or nobody) was signed in at it. */
export interface CounterTime {
  counterId: string;
  operatorId: string | null;
  openMs: number;
  busyMs: number;
}

/**
 * Open and busy time per counter and operator, clipped to the range and to now.
 *
 * Each `counter:updated` event starts a stretch with that status and operator that lasts until
 * the counter's next event (ordered by `at`, then `seq`). The stretch starts at the event's
 * `at`, which equals the counter's `statusSince` when the status changed and is later when only
 * something else did (the operator, say). The last event before the range gives the status the
 * range starts with, so `changes` holds it along with the range's own events.
 *
 * Busy time is the overlap of open stretches with the counter's service segments (call → end,
 * or → now while still current): the segments called on the range's days, so one running across
 * the range's start is not counted. A counter has at most one current ticket, so its segments do
 * not overlap and summing pairwise overlaps counts no instant twice.
 */
export function counterTime(s: ReportScope, changes: CounterChange[], segments: BusySegment[]): CounterTime[] {
  const busy = busyIndex(s, segments);
  const totals = new Map<string, CounterTime>();
  for (const [counterId, events] of groupBy(changes, (c) => c.counterId)) {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    events.forEach((e, i) => {
      if (e.status !== 'open') return;
      const a = Math.max(e.at, s.startMs);
      const b = Math.min(events[i + 1]?.at ?? s.untilMs, s.untilMs);
      if (b <= a) return;
      const key = `${counterId}\u0000${e.operatorId ?? ''}`;
      const total = totals.get(key) ?? { counterId, operatorId: e.operatorId, openMs: 0, busyMs: 0 };
      total.openMs += b - a;
      total.busyMs += busy(counterId, a, b);
      totals.set(key, total);
    });
  }
  return [...totals.values()];
}

/**
 * Overlap of [a, b) with a counter's segments. Segments sorted by call, with the running maximum
 * of their ends: walking back from the last call before `b` can stop once no earlier segment
 * reaches past `a`, so each stretch looks only at the segments near it.
 */
function busyIndex(s: ReportScope, segments: BusySegment[]) {
  const byCounter = new Map<string, { from: number[]; to: number[]; maxTo: number[] }>();
  for (const [counterId, list] of groupBy(segments, (g) => g.counterId)) {
    list.sort((x, y) => x.calledAt - y.calledAt);
    const from = list.map((g) => g.calledAt);
    const to = list.map((g) => Math.min(g.endedAt ?? s.untilMs, s.untilMs));
    const maxTo: number[] = [];
    for (const [i, t] of to.entries()) maxTo.push(Math.max(t, maxTo[i - 1] ?? t));
    byCounter.set(counterId, { from, to, maxTo });
  }
  return (counterId: string, a: number, b: number): number => {
    const c = byCounter.get(counterId);
    if (!c) return 0;
    let sum = 0;
    for (let i = lastBelow(c.from, b); i >= 0 && (c.maxTo[i] ?? 0) > a; i--) {
      const to = c.to[i] ?? 0;
      if (to > a) sum += Math.min(b, to) - Math.max(a, c.from[i] ?? 0);
    }
    return sum;
  };
}

/** Index of the last value < `limit` in ascending `values`, or -1. */
function lastBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
