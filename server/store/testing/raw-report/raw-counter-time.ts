import { sql } from 'kysely';
import type { ReportScope } from '../../../reports/report-scope.ts';
import type { Db } from '../../database.ts';

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
 * Counter history comes from the `counter:updated` events: each holds the whole counter, so
 * each one starts a stretch with that status and operator that lasts until the counter's next
 * event (ordered by `at`, then `seq`). The stretch starts at the event's `at`, which equals the
 * counter's `statusSince` when the status changed and is later when only something else did
 * (the operator, say). The last event before the range gives the status the range starts with.
 *
 * Busy time is the overlap of open stretches with the counter's service segments (call → end,
 * or → now while still current). A counter has at most one current ticket, so its segments do
 * not overlap and summing pairwise overlaps counts no instant twice. Segments are those called
 * on the range's days; one running across the range's start is not counted.
 */
export async function counterTime(db: Db, s: ReportScope): Promise<CounterTime[]> {
  const result = await sql<{ counter_id: string; operator_id: string | null; open_ms: number; busy_ms: number | null }>`
    WITH changes AS (
      SELECT json_extract(payload_json, '$.counter.id') AS counter_id,
        json_extract(payload_json, '$.counter.status') AS status,
        json_extract(payload_json, '$.counter.operatorId') AS operator_id,
        at, seq
      FROM events
      WHERE store_id = ${s.storeId} AND type = 'counter:updated' AND at < ${s.untilMs}
    ),
    stretches AS (
      SELECT seq, counter_id, status, operator_id, at AS since,
        LEAD(at) OVER (PARTITION BY counter_id ORDER BY at, seq) AS until
      FROM changes
    ),
    clipped AS (
      SELECT seq, counter_id, operator_id, status,
        MAX(since, ${s.startMs}) AS a,
        MIN(COALESCE(until, ${s.untilMs}), ${s.untilMs}) AS b
      FROM stretches
    ),
    opened AS (SELECT seq, counter_id, operator_id, a, b FROM clipped WHERE status = 'open' AND b > a),
    segs AS (
      SELECT counter_id, called_at AS a, MIN(COALESCE(ended_at, ${s.untilMs}), ${s.untilMs}) AS b
      FROM service_segments
      WHERE store_id = ${s.storeId} AND day BETWEEN ${s.from} AND ${s.to}
    ),
    busy AS (
      SELECT o.seq, SUM(MIN(o.b, g.b) - MAX(o.a, g.a)) AS busy_ms
      FROM opened o JOIN segs g ON g.counter_id = o.counter_id AND g.a < o.b AND g.b > o.a
      GROUP BY o.seq
    )
    SELECT o.counter_id, o.operator_id, SUM(o.b - o.a) AS open_ms, SUM(bz.busy_ms) AS busy_ms
    FROM opened o LEFT JOIN busy bz ON bz.seq = o.seq
    GROUP BY o.counter_id, o.operator_id
  `.execute(db);
  return result.rows.map((r) => ({
    counterId: r.counter_id,
    operatorId: r.operator_id,
    openMs: Number(r.open_ms),
    busyMs: Number(r.busy_ms ?? 0),
  }));
}
