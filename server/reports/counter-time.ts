import type { CounterDay } from './day-facts.ts';
import type { BusySegment, CounterChange } from './report-source.ts';

/** Open and busy time of one counter while one operator (or nobody) was signed in at it. */
export interface CounterTime {
  counterId: string;
  operatorId: string | null;
  openMs: number;
  busyMs: number;
}

/**
 * Open and busy time of a run of consecutive days, per day, up to `untilMs` (now).
 *
 * Each `counter:updated` event starts a stretch with that status and operator that lasts until
 * the counter's next event (ordered by `at`, then `seq`). The stretch starts at the event's
 * `at`, which equals the counter's `statusSince` when the status changed and is later when only
 * something else did (the operator, say). `changes` holds each counter's last event before the
 * run, which gives the status the run starts with.
 *
 * Open time is the open stretches cut at each local midnight (`dayStarts`: the start of each day
 * of the run, then the end of the run). Busy time is the overlap of open stretches with the
 * segments called on the run's days (call → end, or → now while still current), kept under the
 * day the segment was called and the day the time fell on: a report adds up the rows whose two
 * days are both in its range, so a segment running across the range's start is not counted and
 * one running past its end is cut at midnight. A counter has at most one current ticket, so its
 * segments do not overlap and summing pairwise overlaps counts no instant twice.
 */
export function counterDays(
  days: readonly string[],
  dayStarts: readonly number[],
  untilMs: number,
  changes: CounterChange[],
  segments: BusySegment[],
): Map<string, CounterDay> {
  const result = new Map(days.map((d) => [d, { open: [], busy: [] } as CounterDay]));
  const runStart = dayStarts[0] ?? 0;
  const runEnd = Math.min(dayStarts[days.length] ?? untilMs, untilMs);
  const dayAt = (ms: number) => Math.max(0, lastAtOrBelow(dayStarts, ms));
  const stretches = openStretches(changes, untilMs);
  for (const [counterId, list] of stretches) {
    for (const s of list) {
      // Open time on each day of the run the stretch covers.
      for (let d = dayAt(Math.max(s.from, runStart)); d < days.length; d++) {
        const a = Math.max(s.from, dayStarts[d] ?? 0, runStart);
        const b = Math.min(s.to, dayStarts[d + 1] ?? runEnd, runEnd);
        if (b <= a) break;
        const day = result.get(days[d] ?? '');
        if (day) addOpen(day.open, counterId, s.operatorId, b - a);
      }
    }
  }
  for (const g of segments) {
    const list = stretches.get(g.counterId);
    const day = result.get(g.day);
    if (!list || !day) continue;
    const end = Math.min(g.endedAt ?? untilMs, untilMs);
    for (const s of list) {
      let a = Math.max(s.from, g.calledAt);
      const b = Math.min(s.to, end);
      // Cut at each midnight, so the time is kept under the day it fell on.
      for (let d = dayAt(a); a < b; d++) {
        const cut = Math.min(b, dayStarts[d + 1] ?? b);
        addBusy(day.busy, g.counterId, s.operatorId, days[d] ?? g.day, cut - a);
        a = cut;
      }
    }
  }
  return result;
}

interface Stretch {
  from: number;
  to: number;
  operatorId: string | null;
}

/** Open stretches per counter, in order, each until the counter's next event or `untilMs`. */
function openStretches(changes: CounterChange[], untilMs: number): Map<string, Stretch[]> {
  const byCounter = new Map<string, CounterChange[]>();
  for (const c of changes) {
    const list = byCounter.get(c.counterId);
    if (list) list.push(c);
    else byCounter.set(c.counterId, [c]);
  }
  const result = new Map<string, Stretch[]>();
  for (const [counterId, events] of byCounter) {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const open: Stretch[] = [];
    for (const [i, e] of events.entries()) {
      const to = Math.min(events[i + 1]?.at ?? untilMs, untilMs);
      if (e.status === 'open' && to > e.at) open.push({ from: e.at, to, operatorId: e.operatorId });
    }
    result.set(counterId, open);
  }
  return result;
}

function addOpen(rows: CounterDay['open'], counterId: string, operatorId: string | null, ms: number) {
  const found = rows.find((r) => r.counterId === counterId && r.operatorId === operatorId);
  if (found) found.ms += ms;
  else if (ms > 0) rows.push({ counterId, operatorId, ms });
}

function addBusy(rows: CounterDay['busy'], counterId: string, operatorId: string | null, day: string, ms: number) {
  const found = rows.find((r) => r.counterId === counterId && r.operatorId === operatorId && r.day === day);
  if (found) found.ms += ms;
  else if (ms > 0) rows.push({ counterId, operatorId, day, ms });
}

/** Index of the last value ≤ `x` in ascending `values`, or -1. */
function lastAtOrBelow(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Open and busy time of a range from its days' counter facts (busy time that fell inside the range). */
export function counterTime(days: ReadonlyMap<string, { counters: CounterDay }>, to: string): CounterTime[] {
  const totals = new Map<string, CounterTime>();
  const total = (counterId: string, operatorId: string | null) => {
    const key = `${counterId}\u0000${operatorId ?? ''}`;
    const found = totals.get(key);
    if (found) return found;
    const t: CounterTime = { counterId, operatorId, openMs: 0, busyMs: 0 };
    totals.set(key, t);
    return t;
  };
  for (const { counters } of days.values()) {
    for (const r of counters.open) total(r.counterId, r.operatorId).openMs += r.ms;
    for (const r of counters.busy) if (r.day <= to) total(r.counterId, r.operatorId).busyMs += r.ms;
  }
  return [...totals.values()];
}
