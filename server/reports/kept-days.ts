import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, localParts, zonedTime } from '../../shared/time.ts';
import type { StoreSettings } from '../engine/state.ts';
import { counterDays } from './counter-time.ts';
import { type DayFacts, NO_FACTS } from './day-facts.ts';
import { MAX_RANGE_DAYS } from './report-range.ts';
import type { ReportSource } from './report-source.ts';
import { WAIT_BUCKET_EDGES_SEC } from './wait-vs-satisfaction.ts';

/** Raised whenever `DayFacts` or the way they are computed changes: facts kept before are then computed again. */
const FACTS_VERSION = 1;

/** Days of missing facts read per query: bounded work between two checks for cancellation. */
const DAYS_PER_READ = 31;

/** Days computed per step when filling kept facts in the background: short steps, so a report waits little. */
const DAYS_PER_FILL_STEP = 7;

/** What a store's day facts depend on besides its tickets: a day kept on another basis is computed again. */
export function factsBasis(timeZone: string, targetMs: number): string {
  return `v${FACTS_VERSION} ${timeZone} ${targetMs} ${WAIT_BUCKET_EDGES_SEC.join(',')}`;
}

/** The store and target the facts are read for. */
export interface FactsScope {
  storeId: string;
  timeZone: string;
  targetMs: number;
}

/**
 * The facts of each day of `from`…`to`: closed days as kept (see migration 009) while their
 * mark has not moved, the others read in runs of consecutive days and kept when closed and
 * settled. Marks are read before the facts, so a change committed in between leaves a kept day
 * older than its mark, never newer: it is read again next time.
 */
export async function factsOfDays(
  source: ReportSource,
  s: FactsScope,
  from: string,
  to: string,
  now: number,
  signal?: AbortSignal,
): Promise<Map<string, DayFacts>> {
  const today = localParts(now, s.timeZone).day;
  const basis = factsBasis(s.timeZone, s.targetMs);
  const marks = await source.dayMarks(s.storeId, from, to);
  const lastClosed = to < today ? to : addDays(today, -1);
  const kept = from <= lastClosed ? await source.keptDayFacts(s.storeId, from, lastClosed, basis) : new Map();
  const days = new Map<string, DayFacts>();
  const missing: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const found = day < today ? kept.get(day) : undefined;
    if (found && found.seq === marks.get(day)) days.set(day, found.facts);
    else missing.push(day);
  }
  for (const run of runsOf(missing, DAYS_PER_READ)) {
    await nextTurn();
    signal?.throwIfAborted();
    const read = await readRun(source, s, now, run);
    for (const [day, facts] of read) days.set(day, facts);
    await keep(source, s, basis, today, read, marks);
  }
  return days;
}

/**
 * Computes and keeps the facts of the store's closed days of the last `MAX_RANGE_DAYS` that
 * have tickets and no kept facts at their current mark, newest first, a few days per step;
 * `between` runs before each step (the worker waits there while a report runs). Returns how
 * many days it kept.
 */
export async function fillKeptDays(
  source: ReportSource,
  settings: StoreSettings,
  now: number,
  between: () => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  const s = { storeId: settings.id, timeZone: settings.timeZone, targetMs: settings.serviceLevelTargetSec * 1000 };
  const basis = factsBasis(s.timeZone, s.targetMs);
  const today = localParts(now, s.timeZone).day;
  const [from, to] = [addDays(today, -MAX_RANGE_DAYS), addDays(today, -1)];
  const marks = await source.dayMarks(s.storeId, from, to);
  const kept = await source.keptDaySeqs(s.storeId, from, to, basis);
  const missing = [...marks].filter(([day, seq]) => kept.get(day) !== seq).map(([day]) => day);
  missing.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  let count = 0;
  for (const newestFirst of runsOf(missing, DAYS_PER_FILL_STEP, -1)) {
    await between();
    signal?.throwIfAborted();
    const run = [...newestFirst].reverse();
    const [first, last] = [run[0] ?? from, run.at(-1) ?? to];
    // Marks and kept rows read again just before the step: a day changed since the list was made
    // is kept at its new mark, and one a report kept meanwhile is not computed twice.
    const fresh = await source.dayMarks(s.storeId, first, last);
    const keptNow = await source.keptDaySeqs(s.storeId, first, last, basis);
    const todo = run.filter((day) => fresh.has(day) && keptNow.get(day) !== fresh.get(day));
    for (const part of runsOf(todo, DAYS_PER_FILL_STEP))
      count += await keep(source, s, basis, today, await readRun(source, s, now, part), fresh);
  }
  return count;
}

/**
 * Keeps the closed, settled days of `read` at the marks read before them; returns how many. A
 * day with no mark has had no ticket: it costs next to nothing to read, so no row is kept for it
 * (a year-long report over an empty stretch writes nothing).
 */
async function keep(
  source: ReportSource,
  s: FactsScope,
  basis: string,
  today: string,
  read: Map<string, DayFacts>,
  marks: Map<string, number>,
): Promise<number> {
  const closed = [...read].flatMap(([day, facts]) => {
    const seq = marks.get(day);
    return day < today && facts.settled && seq !== undefined ? [{ day, seq, facts }] : [];
  });
  if (closed.length > 0) await source.keepDayFacts(s.storeId, basis, closed);
  return closed.length;
}

/**
 * The facts of consecutive days: the SQL aggregates, and the counters' open and busy time
 * worked out from their events and the days' segments, up to now.
 */
async function readRun(
  source: ReportSource,
  s: FactsScope,
  now: number,
  run: string[],
): Promise<Map<string, DayFacts>> {
  const first = run[0];
  const last = run.at(-1);
  if (first === undefined || last === undefined) return new Map();
  const queried = await source.dayFacts({
    storeId: s.storeId,
    from: first,
    to: last,
    targetMs: s.targetMs,
    bucketEdgesMs: WAIT_BUCKET_EDGES_SEC.map((e) => e * 1000),
  });
  const dayStarts = [...run, addDays(last, 1)].map((day) => zonedTime(day, '00:00', s.timeZone));
  const segments = await source.busySegments(s.storeId, first, last);
  // Counter history as far as the run's segments reach (one may run past its last midnight).
  let reach = dayStarts.at(-1) ?? now;
  const current = new Set<string>();
  for (const g of segments) {
    if (g.endedAt === null) current.add(g.day);
    reach = Math.max(reach, g.endedAt ?? now);
  }
  const changes = await source.counterChanges(s.storeId, dayStarts[0] ?? now, Math.min(reach, now));
  const counters = counterDays(run, dayStarts, now, changes, segments);
  return new Map(
    run.map((day) => [
      day,
      {
        ...(queried.get(day) ?? NO_FACTS),
        counters: counters.get(day) ?? { open: [], busy: [] },
        settled: !current.has(day),
      },
    ]),
  );
}

/** Consecutive days (`step` apart: 1 ascending, -1 descending) in runs of at most `max`. */
function runsOf(days: string[], max: number, step = 1): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last !== undefined && addDays(last, step) === day && run.length < max) run.push(day);
    else runs.push([day]);
  }
  return runs;
}
