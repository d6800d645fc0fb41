import type { StoreSettings } from '../engine/state.ts';
import { counterTime } from './counter-time.ts';
import { factsOfDays } from './kept-days.ts';
import type { Measures, StaffMeasures, Summary } from './measures.ts';
import { reportRange } from './report-range.ts';
import type { ReportScope } from './report-scope.ts';
import type { ReportSource } from './report-source.ts';
import { staffMeasures } from './staff-measures.ts';
import { ticketMeasures } from './ticket-measures.ts';
import { waitVsSatisfaction } from './wait-vs-satisfaction.ts';

export type { Measures, StaffMeasures, Summary, WaitSatisfactionBucket } from './measures.ts';

export interface SummaryOptions {
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
  const days = await factsOfDays(
    source,
    { storeId: scope.storeId, timeZone: settings.timeZone, targetMs: scope.targetMs },
    from,
    to,
    now,
    options.signal,
  );
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
