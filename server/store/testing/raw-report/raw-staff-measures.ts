import { type RawBuilder, sql } from 'kysely';
import {
  count,
  type FeedbackAggregates,
  feedbackFigures,
  NO_FEEDBACK,
  seconds,
  share,
} from '../../../reports/figures.ts';
import type { StaffMeasures } from '../../../reports/measures.ts';
import type { ReportScope } from '../../../reports/report-scope.ts';
import type { Db } from '../../database.ts';
import type { CounterTime } from './raw-counter-time.ts';

export type StaffGrouping = 'counter' | 'operator';

const KEY: Record<StaffGrouping, RawBuilder<unknown>> = { counter: sql`s.counter_id`, operator: sql`s.operator_id` };

interface StaffRow extends FeedbackAggregates {
  k: string | null;
  calls: number;
  served: number | null;
  no_shows: number | null;
  transferred: number | null;
  walk_up_ms: number | null;
  service_ms: number | null;
  wait_ms: number | null;
  fcr: number | null;
}

/**
 * Per counter or operator: the service segments called on the range's days (the work done in
 * the range), and the open/busy time from `counterTime`. Feedback and first-contact resolution
 * belong to the counter and operator that finished the ticket (its `done` segment); a wait to
 * the one that called the ticket first. The map's key is the id, or '' for "no operator".
 */
export async function staffMeasures(
  db: Db,
  s: ReportScope,
  grouping: StaffGrouping,
  times: CounterTime[],
): Promise<Map<string, StaffMeasures>> {
  const result = await sql<StaffRow>`
    SELECT ${KEY[grouping]} AS k,
      COUNT(*) AS calls,
      SUM(s.outcome = 'done') AS served,
      SUM(s.outcome = 'no_show') AS no_shows,
      SUM(s.outcome = 'transferred') AS transferred,
      AVG(CASE WHEN s.started_at IS NOT NULL THEN s.started_at - s.called_at END) AS walk_up_ms,
      AVG(CASE WHEN s.outcome = 'done' THEN s.ended_at - COALESCE(s.started_at, s.called_at) END) AS service_ms,
      AVG(CASE WHEN s.called_at = t.first_called_at THEN t.first_called_at - t.issued_at END) AS wait_ms,
      SUM(s.outcome = 'done' AND t.transfers = 0) AS fcr,
      AVG(CASE WHEN s.outcome = 'done' THEN f.csat END) AS csat,
      COUNT(CASE WHEN s.outcome = 'done' THEN f.csat END) AS csat_count,
      SUM(s.outcome = 'done' AND f.csat >= 4) AS csat_top,
      COUNT(CASE WHEN s.outcome = 'done' THEN f.nps END) AS nps_count,
      SUM(s.outcome = 'done' AND f.nps >= 9) AS promoters,
      SUM(s.outcome = 'done' AND f.nps <= 6) AS detractors,
      AVG(CASE WHEN s.outcome = 'done' THEN f.ces END) AS ces,
      COUNT(CASE WHEN s.outcome = 'done' THEN f.ces END) AS ces_count
    FROM service_segments s
    JOIN tickets t ON t.id = s.ticket_id
    LEFT JOIN feedback f ON f.ticket_id = s.ticket_id
    WHERE s.store_id = ${s.storeId} AND s.day BETWEEN ${s.from} AND ${s.to}
    GROUP BY 1
  `.execute(db);

  const timeByKey = new Map<string, { openMs: number; busyMs: number }>();
  for (const t of times) {
    const k = (grouping === 'counter' ? t.counterId : t.operatorId) ?? '';
    const sum = timeByKey.get(k) ?? { openMs: 0, busyMs: 0 };
    timeByKey.set(k, { openMs: sum.openMs + t.openMs, busyMs: sum.busyMs + t.busyMs });
  }
  const rows = new Map(result.rows.map((r) => [r.k ?? '', r]));
  const measures = new Map<string, StaffMeasures>();
  for (const k of new Set([...rows.keys(), ...timeByKey.keys()])) {
    measures.set(k, toStaffMeasures(rows.get(k), timeByKey.get(k)));
  }
  return measures;
}

function toStaffMeasures(r: StaffRow | undefined, time: { openMs: number; busyMs: number } | undefined): StaffMeasures {
  const served = count(r?.served);
  const openMs = time?.openMs ?? 0;
  const busyMs = time?.busyMs ?? 0;
  return {
    calls: count(r?.calls),
    served,
    noShows: count(r?.no_shows),
    transferred: count(r?.transferred),
    avgWalkUpSec: seconds(r?.walk_up_ms),
    avgServiceSec: seconds(r?.service_ms),
    avgWaitSec: seconds(r?.wait_ms),
    firstContactResolution: share(r?.fcr, served),
    openSec: openMs / 1000,
    busySec: busyMs / 1000,
    idleSec: (openMs - busyMs) / 1000,
    throughputPerHour: share(served, openMs / 3_600_000),
    ...feedbackFigures(r ?? NO_FEEDBACK),
  };
}
