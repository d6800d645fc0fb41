import { sql } from 'kysely';
import { localDateTime } from '../../shared/time.ts';
import type { StoreSettings } from '../engine/state.ts';
import type { Db } from '../store/database.ts';
import { type CsvValue, csvLine } from './csv.ts';
import { reportRange } from './report-range.ts';

/** Columns of the tickets export, in order. Times come twice: ISO-8601 UTC and local wall clock. */
export const TICKET_CSV_COLUMNS = [
  'ticket_id',
  'number',
  'day',
  'hour',
  'service_code',
  'service_id',
  'priority',
  'status',
  'source',
  'issued_at',
  'issued_local',
  'first_called_at',
  'first_called_local',
  'started_at',
  'started_local',
  'done_at',
  'done_local',
  'wait_sec',
  'service_sec',
  'time_in_system_sec',
  'counter_id',
  'counter_name',
  'operator_id',
  'operator',
  'transfers',
  'recalls',
  'csat',
  'nps',
  'ces',
  'comment',
] as const;

const PAGE = 1000;

interface CsvRow {
  id: string;
  number: string;
  day: string;
  hour: number;
  service_code: string | null;
  service_id: string;
  priority: number;
  status: string;
  source: string;
  issued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  done_at: number | null;
  service_ms: number | null;
  counter_id: string | null;
  counter_name: string | null;
  operator_id: string | null;
  username: string | null;
  transfers: number;
  recalls: number;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string | null;
}

/**
 * The tickets issued on local days `from`…`to`, as CSV text in chunks: the header, then one
 * chunk per page of rows. Pages are read by keyset (issued_at, id), each its own short query,
 * so a long export never holds the database's only connection. Service and counter are the
 * ticket's last (after transfers); `service_sec` is its completed service, as in the summary.
 * Throws `ReportRangeError` for a bad range before yielding anything.
 */
export async function* ticketsCsv(db: Db, settings: StoreSettings, from: string, to: string): AsyncGenerator<string> {
  reportRange(from, to, settings.timeZone, Date.now());
  const tz = settings.timeZone;
  yield csvLine(TICKET_CSV_COLUMNS);
  let after = { issuedAt: -1, id: '' };
  for (;;) {
    const { rows } = await sql<CsvRow>`
      SELECT t.id, t.number, t.day, t.hour, sv.code AS service_code, t.service_id, t.priority, t.status, t.source,
        t.issued_at, t.first_called_at, t.started_at, t.done_at,
        s.ended_at - COALESCE(s.started_at, s.called_at) AS service_ms,
        t.counter_id, c.name AS counter_name, t.operator_id, u.username,
        t.transfers, t.recalls, f.csat, f.nps, f.ces, f.comment
      FROM tickets t
      LEFT JOIN services sv ON sv.store_id = t.store_id AND sv.id = t.service_id
      LEFT JOIN counters c ON c.store_id = t.store_id AND c.id = t.counter_id
      LEFT JOIN users u ON u.id = t.operator_id
      LEFT JOIN feedback f ON f.ticket_id = t.id
      LEFT JOIN service_segments s ON s.ticket_id = t.id AND s.outcome = 'done'
      WHERE t.store_id = ${settings.id} AND t.day BETWEEN ${from} AND ${to}
        AND (t.issued_at > ${after.issuedAt} OR (t.issued_at = ${after.issuedAt} AND t.id > ${after.id}))
      ORDER BY t.issued_at, t.id
      LIMIT ${PAGE}
    `.execute(db);
    if (rows.length > 0) yield rows.map((r) => csvLine(toValues(r, tz))).join('');
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { issuedAt: Number(last.issued_at), id: last.id };
  }
}

function toValues(r: CsvRow, tz: string): CsvValue[] {
  const time = (at: number | null): [CsvValue, CsvValue] =>
    at === null ? [null, null] : [new Date(Number(at)).toISOString(), localDateTime(Number(at), tz)];
  const secondsBetween = (a: number | null, b: number | null) =>
    a === null || b === null ? null : (Number(b) - Number(a)) / 1000;
  return [
    r.id,
    r.number,
    r.day,
    r.hour,
    r.service_code,
    r.service_id,
    r.priority,
    r.status,
    r.source,
    ...time(r.issued_at),
    ...time(r.first_called_at),
    ...time(r.started_at),
    ...time(r.done_at),
    secondsBetween(r.issued_at, r.first_called_at),
    r.service_ms === null ? null : Number(r.service_ms) / 1000,
    secondsBetween(r.issued_at, r.done_at),
    r.counter_id,
    r.counter_name,
    r.operator_id,
    r.username,
    r.transfers,
    r.recalls,
    r.csat,
    r.nps,
    r.ces,
    r.comment,
  ];
}
