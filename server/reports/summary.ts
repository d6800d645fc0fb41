import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, localParts, zonedTime } from '../../shared/time.ts';
import type { StoreSettings } from '../engine/state.ts';
import { counterDays, counterTime } from './counter-time.ts';
import { type DayFacts, NO_FACTS } from './day-facts.ts';
import type { DayFactsCache } from './day-facts-cache.ts';
import type { Measures, StaffMeasures, Summary } from './measures.ts';
import { reportRange } from './report-range.ts';
import type { ReportScope } from './report-scope.ts';
import type { ReportSource } from './report-source.ts';
import { staffMeasures } from './staff-measures.ts';
import { ticketMeasures } from './ticket-measures.ts';
import { WAIT_BUCKET_EDGES_SEC, waitVsSatisfaction } from './wait-vs-satisfaction.ts';

export type { Measures, StaffMeasures, Summary, WaitSatisfactionBucket } from './measures.ts';

/** Days of missing facts read per query: bounded work between two checks for cancellation. */
const DAYS_PER_READ = 31;

export interface SummaryOptions {
  /** Facts of closed days from earlier reports; without one every day is read afresh. */
  cache?: DayFactsCache;
  /** Stops the work between reads (the client went away). */
  signal?: AbortSignal;
}

/**
 * Every measure of DESIGN "Measures" for a store over local dates `from`…`to` (inclusive),
 * overall and per day, hour, service, counter and operator, added up from per-day facts (see
 * `docs/reports.md`). Throws `ReportRangeError` for a bad range.
 * @example const summary = await summaryReport(queries, state.settings, '2026-03-01', '2026-03-31')
 */
export async function summaryReport(
  source: ReportSource,
  settings: StoreSettings,
  from: string,
  to: string,
  now: number = Date.now(),
  options: SummaryOptions = {},
): Promise<Summary> {
  const scope: ReportScope = {
    ...reportRange(from, to, settings.timeZone, now),
    storeId: settings.id,
    targetMs: settings.serviceLevelTargetSec * 1000,
  };
  const days = await factsOfDays(source, scope, settings.timeZone, now, options);
  const waitingMisses = (await source.waitingTickets(scope.storeId, from, to)).filter(
    (t) => scope.untilMs - t.issuedAt > scope.targetMs,
  );
  options.signal?.throwIfAborted();
  const times = counterTime(days, to);
  const measures = ticketMeasures(days, waitingMisses);
  const byCounter = staffMeasures(days, 'counter', times);
  const byOperator = staffMeasures(days, 'operator', times);
  const names = await source.names(
    scope.storeId,
    [...byOperator.keys()].filter((k) => k !== ''),
  );

  for (const c of names.counters) if (!byCounter.has(c.id)) byCounter.set(c.id, emptyStaffMeasures());
  return {
    from: scope.from,
    to: scope.to,
    timeZone: settings.timeZone,
    targetSec: settings.serviceLevelTargetSec,
    serviceLevelGoal: settings.serviceLevelGoal,
    generatedAt: new Date(now).toISOString(),
    overall: measures.all.get('all') ?? emptyMeasures(),
    byDay: sorted(measures.day).map(([day, m]) => ({ day, ...m })),
    byHour: [...measures.hour].map(([hour, m]) => ({ hour: Number(hour), ...m })).sort((a, b) => a.hour - b.hour),
    byService: sorted(measures.service).map(([serviceId, m]) => ({
      serviceId,
      code: names.services.get(serviceId)?.code ?? null,
      ...m,
    })),
    byCounter: sorted(byCounter).map(([counterId, m]) => ({
      counterId,
      name: names.counters.find((c) => c.id === counterId)?.name ?? null,
      ...m,
    })),
    byOperator: sorted(byOperator).map(([id, m]) => ({
      operatorId: id === '' ? null : id,
      username: names.users.get(id) ?? null,
      ...m,
    })),
    waitVsSatisfaction: waitVsSatisfaction(days),
  };
}

/**
 * The facts of each day of the range: closed days from the cache while their mark has not moved,
 * the others read in runs of consecutive days. Marks are read before the facts, so a change
 * committed in between leaves a cached day older than its mark, never newer: it is read again.
 */
async function factsOfDays(
  source: ReportSource,
  s: ReportScope,
  timeZone: string,
  now: number,
  { cache, signal }: SummaryOptions,
): Promise<Map<string, DayFacts>> {
  const today = localParts(now, timeZone).day;
  const marks = await source.dayMarks(s.storeId, s.from, s.to);
  const keyOf = (day: string) => `${s.storeId}\u0000${day}\u0000${timeZone}\u0000${s.targetMs}`;
  const days = new Map<string, DayFacts>();
  const missing: string[] = [];
  for (let day = s.from; day <= s.to; day = addDays(day, 1)) {
    const cached = day < today ? cache?.get(keyOf(day), marks.get(day) ?? 0) : undefined;
    if (cached) days.set(day, cached);
    else missing.push(day);
  }
  for (const run of runsOf(missing)) {
    await nextTurn();
    signal?.throwIfAborted();
    for (const [day, facts] of await readRun(source, s, timeZone, now, run)) {
      days.set(day, facts);
      if (day < today && facts.settled) cache?.set(keyOf(day), marks.get(day) ?? 0, facts);
    }
  }
  return days;
}

/**
 * The facts of consecutive days: the SQL aggregates, and the counters' open and busy time
 * worked out from their events and the days' segments, up to now.
 */
async function readRun(
  source: ReportSource,
  s: ReportScope,
  timeZone: string,
  now: number,
  run: string[],
): Promise<Map<string, DayFacts>> {
  const first = run[0] ?? s.from;
  const last = run.at(-1) ?? s.to;
  const queried = await source.dayFacts({
    storeId: s.storeId,
    from: first,
    to: last,
    targetMs: s.targetMs,
    bucketEdgesMs: WAIT_BUCKET_EDGES_SEC.map((e) => e * 1000),
  });
  const dayStarts = [...run, addDays(last, 1)].map((day) => zonedTime(day, '00:00', timeZone));
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

/** Consecutive days in runs of at most `DAYS_PER_READ`. */
function runsOf(days: string[]): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last !== undefined && addDays(last, 1) === day && run.length < DAYS_PER_READ) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

function sorted<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
export function emptyMeasures(): Measures {
  return {
    issued: 0,
    called: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    waiting: 0,
    inService: 0,
    avgWaitSec: null,
    p50WaitSec: null,
    p90WaitSec: null,
    maxWaitSec: null,
    avgWalkUpSec: null,
    avgServiceSec: null,
    avgTimeInSystemSec: null,
    serviceLevel: null,
    noShowRate: null,
    abandonmentRate: null,
    firstContactResolution: null,
    throughputPerHour: null,
    csat: null,
    csatSatisfied: null,
    csatCount: 0,
    nps: null,
    npsCount: 0,
    ces: null,
    cesCount: 0,
  };
}

export function emptyStaffMeasures(): StaffMeasures {
  return {
    calls: 0,
    served: 0,
    noShows: 0,
    transferred: 0,
    avgWalkUpSec: null,
    avgServiceSec: null,
    avgWaitSec: null,
    firstContactResolution: null,
    openSec: 0,
    busySec: 0,
    idleSec: 0,
    throughputPerHour: null,
    csat: null,
    csatCount: 0,
    nps: null,
    npsCount: 0,
    ces: null,
    cesCount: 0,
  };
}
