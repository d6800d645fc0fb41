import { sql } from 'kysely';
import type { FeedbackSums, QueriedFacts } from '../reports/day-facts.ts';
import type { DayFactsQuery } from '../reports/report-source.ts';
import type { Db } from './database.ts';
import { countWhere as when } from './dialect-sql.ts';

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

/**
 * The facts of each day of a range (see `DayFacts`), grouped by day in five queries so that a
 * range of missing days costs one pass over its tickets, not one query per day.
 */
export async function queryDayFacts(db: Db, q: DayFactsQuery): Promise<Map<string, QueriedFacts>> {
  const byDay = new Map<string, QueriedFacts>();
  const day = (r: Row) => {
    const key = String(r.day);
    const found = byDay.get(key);
    if (found) return found;
    const facts: QueriedFacts = { tickets: [], segments: [], staff: [], satisfaction: [], waits: [] };
    byDay.set(key, facts);
    return facts;
  };
  for (const r of await ticketCells(db, q)) {
    day(r).tickets.push({
      hour: n(r.hour),
      serviceId: String(r.service_id),
      issued: n(r.issued),
      called: n(r.called),
      served: n(r.served),
      noShows: n(r.no_shows),
      cancelled: n(r.cancelled),
      waiting: n(r.waiting),
      inService: n(r.in_service),
      waitSum: n(r.wait_sum),
      waitN: n(r.wait_n),
      waitMax: r.wait_max === null ? null : n(r.wait_max),
      systemSum: n(r.system_sum),
      systemN: n(r.system_n),
      slMet: n(r.sl_met),
      slMissedCancelled: n(r.sl_missed_cancelled),
      fcr: n(r.fcr),
      ...feedbackSums(r),
    });
  }
  for (const r of await waitSamples(db, q))
    day(r).waits.push({ hour: n(r.hour), serviceId: String(r.service_id), waitMs: n(r.wait_ms) });
  for (const r of await segmentCells(db, q)) {
    day(r).segments.push({
      hour: n(r.hour),
      serviceId: String(r.service_id),
      walkUpSum: n(r.walk_sum),
      walkUpN: n(r.walk_n),
      serviceSum: n(r.service_sum),
      serviceN: n(r.service_n),
    });
  }
  for (const r of await staffCells(db, q)) {
    day(r).staff.push({
      counterId: String(r.counter_id),
      operatorId: r.operator_id === null ? null : String(r.operator_id),
      calls: n(r.calls),
      served: n(r.served),
      noShows: n(r.no_shows),
      transferred: n(r.transferred),
      walkUpSum: n(r.walk_sum),
      walkUpN: n(r.walk_n),
      serviceSum: n(r.service_sum),
      serviceN: n(r.service_n),
      waitSum: n(r.wait_sum),
      waitN: n(r.wait_n),
      fcr: n(r.fcr),
      ...feedbackSums(r),
    });
  }
  for (const r of await satisfactionCells(db, q)) {
    day(r).satisfaction.push({
      bucket: n(r.bucket),
      n: n(r.n),
      csatSum: n(r.csat_sum),
      npsSum: n(r.nps_sum),
      npsN: n(r.nps_n),
      cesSum: n(r.ces_sum),
      cesN: n(r.ces_n),
    });
  }
  return byDay;
}

function feedbackSums(r: Row): FeedbackSums {
  return {
    csatSum: n(r.csat_sum),
    csatN: n(r.csat_n),
    csatTop: n(r.csat_top),
    npsN: n(r.nps_n),
    promoters: n(r.promoters),
    detractors: n(r.detractors),
    cesSum: n(r.ces_sum),
    cesN: n(r.ces_n),
  };
}

const WAIT = sql`(t.first_called_at - t.issued_at)`;

/** Tickets per day, hour of issue and last service; a ticket with a wait was called. */
async function ticketCells(db: Db, q: DayFactsQuery): Promise<Row[]> {
  const done = sql`t.status = 'done'`;
  const { rows } = await sql<Row>`
    SELECT t.day, t.hour, t.service_id,
      COUNT(*) AS issued,
      COUNT(t.first_called_at) AS called,
      ${when(done)} AS served,
      ${when(sql`t.status = 'no_show'`)} AS no_shows,
      ${when(sql`t.status = 'cancelled'`)} AS cancelled,
      ${when(sql`t.status = 'waiting'`)} AS waiting,
      ${when(sql`t.status IN ('called', 'serving')`)} AS in_service,
      SUM(${WAIT}) AS wait_sum, COUNT(${WAIT}) AS wait_n, MAX(${WAIT}) AS wait_max,
      SUM(CASE WHEN ${done} THEN t.done_at - t.issued_at END) AS system_sum,
      COUNT(CASE WHEN ${done} THEN t.done_at - t.issued_at END) AS system_n,
      ${when(sql`${WAIT} <= ${q.targetMs}`)} AS sl_met,
      ${when(sql`t.first_called_at IS NULL AND t.status = 'cancelled' AND t.done_at - t.issued_at > ${q.targetMs}`)}
        AS sl_missed_cancelled,
      ${when(sql`${done} AND t.transfers = 0`)} AS fcr,
      SUM(f.csat) AS csat_sum, COUNT(f.csat) AS csat_n, ${when(sql`f.csat >= 4`)} AS csat_top,
      COUNT(f.nps) AS nps_n, ${when(sql`f.nps >= 9`)} AS promoters, ${when(sql`f.nps <= 6`)} AS detractors,
      SUM(f.ces) AS ces_sum, COUNT(f.ces) AS ces_n
    FROM tickets t
    LEFT JOIN feedback f ON f.ticket_id = t.id
    WHERE t.store_id = ${q.storeId} AND t.day BETWEEN ${q.from} AND ${q.to}
    GROUP BY t.day, t.hour, t.service_id
  `.execute(db);
  return rows;
}

async function waitSamples(db: Db, q: DayFactsQuery): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT t.day, t.hour, t.service_id, ${WAIT} AS wait_ms
    FROM tickets t
    WHERE t.store_id = ${q.storeId} AND t.day BETWEEN ${q.from} AND ${q.to} AND t.first_called_at IS NOT NULL
  `.execute(db);
  return rows;
}

const WALK_UP = sql`CASE WHEN s.started_at IS NOT NULL THEN s.started_at - s.called_at END`;
const SERVICE = sql`CASE WHEN s.outcome = 'done' THEN s.ended_at - COALESCE(s.started_at, s.called_at) END`;

/** Segments of the day's tickets, per the ticket's day and hour and the segment's own service. */
async function segmentCells(db: Db, q: DayFactsQuery): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT t.day, t.hour, s.service_id,
      SUM(${WALK_UP}) AS walk_sum, COUNT(${WALK_UP}) AS walk_n,
      SUM(${SERVICE}) AS service_sum, COUNT(${SERVICE}) AS service_n
    FROM tickets t
    JOIN service_segments s ON s.ticket_id = t.id
    WHERE t.store_id = ${q.storeId} AND t.day BETWEEN ${q.from} AND ${q.to}
    GROUP BY t.day, t.hour, s.service_id
  `.execute(db);
  return rows;
}

/**
 * Segments called on the day, per counter and operator. Feedback and first-contact resolution go
 * to the segment that finished the ticket; a wait to the segment of its first call.
 */
async function staffCells(db: Db, q: DayFactsQuery): Promise<Row[]> {
  const done = sql`s.outcome = 'done'`;
  const firstWait = sql`CASE WHEN s.called_at = t.first_called_at THEN ${WAIT} END`;
  const { rows } = await sql<Row>`
    SELECT s.day, s.counter_id, s.operator_id,
      COUNT(*) AS calls,
      ${when(done)} AS served,
      ${when(sql`s.outcome = 'no_show'`)} AS no_shows,
      ${when(sql`s.outcome = 'transferred'`)} AS transferred,
      SUM(${WALK_UP}) AS walk_sum, COUNT(${WALK_UP}) AS walk_n,
      SUM(${SERVICE}) AS service_sum, COUNT(${SERVICE}) AS service_n,
      SUM(${firstWait}) AS wait_sum, COUNT(${firstWait}) AS wait_n,
      ${when(sql`${done} AND t.transfers = 0`)} AS fcr,
      SUM(CASE WHEN ${done} THEN f.csat END) AS csat_sum,
      COUNT(CASE WHEN ${done} THEN f.csat END) AS csat_n,
      ${when(sql`${done} AND f.csat >= 4`)} AS csat_top,
      COUNT(CASE WHEN ${done} THEN f.nps END) AS nps_n,
      ${when(sql`${done} AND f.nps >= 9`)} AS promoters,
      ${when(sql`${done} AND f.nps <= 6`)} AS detractors,
      SUM(CASE WHEN ${done} THEN f.ces END) AS ces_sum,
      COUNT(CASE WHEN ${done} THEN f.ces END) AS ces_n
    FROM service_segments s
    JOIN tickets t ON t.id = s.ticket_id
    LEFT JOIN feedback f ON f.ticket_id = s.ticket_id
    WHERE s.store_id = ${q.storeId} AND s.day BETWEEN ${q.from} AND ${q.to}
    GROUP BY s.day, s.counter_id, s.operator_id
  `.execute(db);
  return rows;
}

/** Called tickets with a CSAT answer, per day and wait bucket. */
async function satisfactionCells(db: Db, q: DayFactsQuery): Promise<Row[]> {
  const bucket = sql.join(
    q.bucketEdgesMs.map((edge, i) => sql`WHEN ${WAIT} < ${edge} THEN ${i}`),
    sql` `,
  );
  const { rows } = await sql<Row>`
    SELECT rated.day, rated.bucket, COUNT(*) AS n, SUM(rated.csat) AS csat_sum,
      SUM(rated.nps) AS nps_sum, COUNT(rated.nps) AS nps_n, SUM(rated.ces) AS ces_sum, COUNT(rated.ces) AS ces_n
    FROM (
      SELECT t.day, CASE ${bucket} ELSE ${q.bucketEdgesMs.length} END AS bucket, f.csat, f.nps, f.ces
      FROM tickets t JOIN feedback f ON f.ticket_id = t.id
      WHERE t.store_id = ${q.storeId} AND t.day BETWEEN ${q.from} AND ${q.to}
        AND t.first_called_at IS NOT NULL AND f.csat IS NOT NULL
    ) AS rated
    GROUP BY rated.day, rated.bucket
  `.execute(db);
  return rows;
}
