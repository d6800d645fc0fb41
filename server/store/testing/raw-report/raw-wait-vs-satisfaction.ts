import { sql } from 'kysely';
import { average, count } from '../../../reports/figures.ts';
import type { WaitSatisfactionBucket } from '../../../reports/measures.ts';
import type { ReportScope } from '../../../reports/report-scope.ts';
import type { Db } from '../../database.ts';

/** Bucket edges in seconds: 0–2, 2–5, 5–10, 10–20 and 20+ minutes (short waits in finer steps). */
export const WAIT_BUCKET_EDGES_SEC = [120, 300, 600, 1200] as const;

/**
 * How satisfaction changes with the wait: tickets of the range that were called and rated with a
 * CSAT score, grouped by their wait. Every bucket is listed, empty ones with n = 0.
 */
export async function waitVsSatisfaction(db: Db, s: ReportScope): Promise<WaitSatisfactionBucket[]> {
  const [e0, e1, e2, e3] = WAIT_BUCKET_EDGES_SEC.map((e) => e * 1000);
  const result = await sql<{ b: number; n: number; csat: number | null; nps: number | null; ces: number | null }>`
    SELECT CASE
        WHEN w < ${e0} THEN 0 WHEN w < ${e1} THEN 1 WHEN w < ${e2} THEN 2 WHEN w < ${e3} THEN 3 ELSE 4
      END AS b,
      COUNT(*) AS n, AVG(csat) AS csat, AVG(nps) AS nps, AVG(ces) AS ces
    FROM (
      SELECT t.first_called_at - t.issued_at AS w, f.csat, f.nps, f.ces
      FROM tickets t JOIN feedback f ON f.ticket_id = t.id
      WHERE t.store_id = ${s.storeId} AND t.day BETWEEN ${s.from} AND ${s.to}
        AND t.first_called_at IS NOT NULL AND f.csat IS NOT NULL
    )
    GROUP BY 1
  `.execute(db);
  const byBucket = new Map(result.rows.map((r) => [Number(r.b), r]));
  const edges = [0, ...WAIT_BUCKET_EDGES_SEC];
  return edges.map((fromSec, i) => {
    const toSec = WAIT_BUCKET_EDGES_SEC[i] ?? null;
    const row = byBucket.get(i);
    return {
      waitBucket: toSec === null ? `${fromSec / 60}+ min` : `${fromSec / 60}-${toSec / 60} min`,
      fromSec,
      toSec,
      n: count(row?.n),
      avgCsat: average(row?.csat),
      avgNpsScore: average(row?.nps),
      avgCes: average(row?.ces),
    };
  });
}
