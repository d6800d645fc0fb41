import { type RawBuilder, sql } from 'kysely';
import {
  count,
  type FeedbackAggregates,
  feedbackFigures,
  NO_FEEDBACK,
  seconds,
  share,
} from '../../../reports/figures.ts';
import type { Measures } from '../../../reports/measures.ts';
import type { ReportScope } from '../../../reports/report-scope.ts';
import type { Db } from '../../database.ts';

/** How tickets are grouped: the same query serves overall, per day, per hour and per service. */
export type TicketGrouping = 'all' | 'day' | 'hour' | 'service';

/** Group key of a ticket, and of a service segment of it (a segment's own service, not the ticket's last). */
const TICKET_KEY: Record<TicketGrouping, RawBuilder<unknown>> = {
  all: sql`'all'`,
  day: sql`t.day`,
  hour: sql`t.hour`,
  service: sql`t.service_id`,
};
const SEGMENT_KEY: Record<TicketGrouping, RawBuilder<unknown>> = {
  all: sql`'all'`,
  day: sql`t.day`,
  hour: sql`t.hour`,
  service: sql`s.service_id`,
};

interface TicketRow extends FeedbackAggregates {
  k: string | number;
  issued: number;
  called: number;
  served: number | null;
  no_shows: number | null;
  cancelled: number | null;
  waiting: number | null;
  in_service: number | null;
  avg_wait_ms: number | null;
  max_wait_ms: number | null;
  p50_ms: number | null;
  p90_ms: number | null;
  avg_system_ms: number | null;
  sl_met: number | null;
  sl_missed_uncalled: number | null;
  fcr: number | null;
  active_hours: number;
}

interface SegmentRow {
  k: string | number;
  walk_up_ms: number | null;
  service_ms: number | null;
}

/**
 * Measures of the tickets issued on the range's days, per group key (as text, so hours and ids
 * look alike). Tickets are the population; walk-up and service times come from their segments.
 */
export async function ticketMeasures(
  db: Db,
  scope: ReportScope,
  grouping: TicketGrouping,
): Promise<Map<string, Measures>> {
  const [tickets, segments] = await Promise.all([ticketRows(db, scope, grouping), segmentRows(db, scope, grouping)]);
  const bySegmentKey = new Map(segments.map((r) => [String(r.k), r]));
  const keys = new Set([...tickets.map((r) => String(r.k)), ...bySegmentKey.keys()]);
  const byTicketKey = new Map(tickets.map((r) => [String(r.k), r]));
  const result = new Map<string, Measures>();
  for (const k of keys) result.set(k, toMeasures(byTicketKey.get(k), bySegmentKey.get(k)));
  return result;
}

/**
 * Service level: a called ticket is a hit when its wait ≤ target, a miss otherwise; a ticket never
 * called counts as a miss once it waited longer than the target (still waiting up to `untilMs`, or
 * until it was cancelled). Tickets that left or are still waiting within the target do not count.
 * Percentiles are nearest-rank: the smallest wait whose rank r (1-based, ascending) has r ≥ p·n.
 */
async function ticketRows(db: Db, s: ReportScope, grouping: TicketGrouping): Promise<TicketRow[]> {
  const result = await sql<TicketRow>`
    WITH cancels AS (
      SELECT json_extract(payload_json, '$.ticketId') AS ticket_id, MAX(at) AS at
      FROM events
      WHERE store_id = ${s.storeId} AND type = 'ticket:cancelled' AND at >= ${s.startMs}
      GROUP BY 1
    ),
    base AS (
      SELECT ${TICKET_KEY[grouping]} AS k, t.status, t.day, t.hour, t.issued_at, t.first_called_at, t.done_at,
        t.transfers, t.first_called_at - t.issued_at AS wait_ms,
        CASE WHEN t.first_called_at IS NULL AND (
          (t.status = 'waiting' AND ${s.untilMs} - t.issued_at > ${s.targetMs})
          OR (t.status = 'cancelled' AND c.at - t.issued_at > ${s.targetMs})
        ) THEN 1 ELSE 0 END AS missed_uncalled,
        f.csat, f.nps, f.ces
      FROM tickets t
      LEFT JOIN cancels c ON c.ticket_id = t.id
      LEFT JOIN feedback f ON f.ticket_id = t.id
      WHERE t.store_id = ${s.storeId} AND t.day BETWEEN ${s.from} AND ${s.to}
    ),
    ranked AS (
      SELECT k, wait_ms, ROW_NUMBER() OVER (PARTITION BY k ORDER BY wait_ms) AS rn, COUNT(*) OVER (PARTITION BY k) AS n
      FROM base WHERE wait_ms IS NOT NULL
    ),
    pct AS (
      SELECT k, MIN(CASE WHEN rn * 100 >= 50 * n THEN wait_ms END) AS p50_ms,
        MIN(CASE WHEN rn * 100 >= 90 * n THEN wait_ms END) AS p90_ms
      FROM ranked GROUP BY k
    )
    SELECT b.k,
      COUNT(*) AS issued,
      COUNT(b.first_called_at) AS called,
      SUM(b.status = 'done') AS served,
      SUM(b.status = 'no_show') AS no_shows,
      SUM(b.status = 'cancelled') AS cancelled,
      SUM(b.status = 'waiting') AS waiting,
      SUM(b.status IN ('called', 'serving')) AS in_service,
      AVG(b.wait_ms) AS avg_wait_ms,
      MAX(b.wait_ms) AS max_wait_ms,
      MAX(p.p50_ms) AS p50_ms,
      MAX(p.p90_ms) AS p90_ms,
      AVG(CASE WHEN b.status = 'done' THEN b.done_at - b.issued_at END) AS avg_system_ms,
      SUM(b.wait_ms <= ${s.targetMs}) AS sl_met,
      SUM(b.missed_uncalled) AS sl_missed_uncalled,
      SUM(b.status = 'done' AND b.transfers = 0) AS fcr,
      COUNT(DISTINCT b.day || ' ' || b.hour) AS active_hours,
      AVG(b.csat) AS csat, COUNT(b.csat) AS csat_count, SUM(b.csat >= 4) AS csat_top,
      COUNT(b.nps) AS nps_count, SUM(b.nps >= 9) AS promoters, SUM(b.nps <= 6) AS detractors,
      AVG(b.ces) AS ces, COUNT(b.ces) AS ces_count
    FROM base b LEFT JOIN pct p ON p.k = b.k
    GROUP BY b.k
  `.execute(db);
  return result.rows;
}

/** Walk-up: call → start, for segments with a start. Service: start (or call) → done, for segments that ended done. */
async function segmentRows(db: Db, s: ReportScope, grouping: TicketGrouping): Promise<SegmentRow[]> {
  const result = await sql<SegmentRow>`
    SELECT ${SEGMENT_KEY[grouping]} AS k,
      AVG(CASE WHEN s.started_at IS NOT NULL THEN s.started_at - s.called_at END) AS walk_up_ms,
      AVG(CASE WHEN s.outcome = 'done' THEN s.ended_at - COALESCE(s.started_at, s.called_at) END) AS service_ms
    FROM tickets t JOIN service_segments s ON s.ticket_id = t.id
    WHERE t.store_id = ${s.storeId} AND t.day BETWEEN ${s.from} AND ${s.to}
    GROUP BY 1
  `.execute(db);
  return result.rows;
}

function toMeasures(t: TicketRow | undefined, s: SegmentRow | undefined): Measures {
  const issued = count(t?.issued);
  const called = count(t?.called);
  const served = count(t?.served);
  const noShows = count(t?.no_shows);
  const cancelled = count(t?.cancelled);
  return {
    issued,
    called,
    served,
    noShows,
    cancelled,
    waiting: count(t?.waiting),
    inService: count(t?.in_service),
    avgWaitSec: seconds(t?.avg_wait_ms),
    p50WaitSec: seconds(t?.p50_ms),
    p90WaitSec: seconds(t?.p90_ms),
    maxWaitSec: seconds(t?.max_wait_ms),
    avgWalkUpSec: seconds(s?.walk_up_ms),
    avgServiceSec: seconds(s?.service_ms),
    avgTimeInSystemSec: seconds(t?.avg_system_ms),
    serviceLevel: share(t?.sl_met, called + count(t?.sl_missed_uncalled)),
    noShowRate: share(noShows, called),
    abandonmentRate: share(cancelled, issued),
    firstContactResolution: share(t?.fcr, served),
    throughputPerHour: share(served, t?.active_hours),
    csatSatisfied: share(t?.csat_top, t?.csat_count),
    ...feedbackFigures(t ?? NO_FEEDBACK),
  };
}
