import type { StoreSettings } from '../../../engine/state.ts';
import type { Summary } from '../../../reports/measures.ts';
import { reportRange } from '../../../reports/report-range.ts';
import type { ReportScope } from '../../../reports/report-scope.ts';
import { emptyMeasures, emptyStaffMeasures } from '../../../reports/summary.ts';
import type { Db } from '../../database.ts';
import { counterTime } from './raw-counter-time.ts';
import { staffMeasures } from './raw-staff-measures.ts';
import { ticketMeasures } from './raw-ticket-measures.ts';
import { waitVsSatisfaction } from './raw-wait-vs-satisfaction.ts';

export type { Measures, StaffMeasures, Summary, WaitSatisfactionBucket } from '../../../reports/measures.ts';

/**
 * The summary computed straight from the raw rows over the whole range, as reports were before
 * per-day facts (SQLite-only SQL: `json_extract`, two-argument MAX/MIN): the reference that
 * tests hold the per-day figures to. The cancellation time comes from the events, not `done_at`.
 */
export async function rawSummaryReport(
  db: Db,
  settings: StoreSettings,
  from: string,
  to: string,
  now: number = Date.now(),
): Promise<Summary> {
  const scope: ReportScope = {
    ...reportRange(from, to, settings.timeZone, now),
    storeId: settings.id,
    targetMs: settings.serviceLevelTargetSec * 1000,
  };
  // One after another: the SQLite driver has a single connection, so parallel queries only queue.
  const overall = await ticketMeasures(db, scope, 'all');
  const byDay = await ticketMeasures(db, scope, 'day');
  const byHour = await ticketMeasures(db, scope, 'hour');
  const byService = await ticketMeasures(db, scope, 'service');
  const times = await counterTime(db, scope);
  const byCounter = await staffMeasures(db, scope, 'counter', times);
  const byOperator = await staffMeasures(db, scope, 'operator', times);
  const names = await namesOf(
    db,
    settings.id,
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
    overall: overall.get('all') ?? emptyMeasures(),
    byDay: sorted(byDay).map(([day, m]) => ({ day, ...m })),
    byHour: [...byHour].map(([hour, m]) => ({ hour: Number(hour), ...m })).sort((a, b) => a.hour - b.hour),
    byService: sorted(byService).map(([serviceId, m]) => ({
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
    waitVsSatisfaction: await waitVsSatisfaction(db, scope),
  };
}

function sorted<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Display names for ids: counters (all of the store's), service codes, operator usernames. */
async function namesOf(db: Db, storeId: string, userIds: string[]) {
  const counters = await db.selectFrom('counters').select(['id', 'name']).where('store_id', '=', storeId).execute();
  const services = await db.selectFrom('services').select(['id', 'code']).where('store_id', '=', storeId).execute();
  const users =
    userIds.length === 0
      ? []
      : await db.selectFrom('users').select(['id', 'username']).where('id', 'in', userIds).execute();
  return {
    counters,
    services: new Map(services.map((s) => [s.id, s])),
    users: new Map(users.map((u) => [u.id, u.username])),
  };
}
