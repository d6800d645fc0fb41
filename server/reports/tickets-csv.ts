import { localDateTime } from '../../shared/time.ts';
import type { StoreSettings } from '../engine/state.ts';
import { type CsvValue, csvLine } from './csv.ts';
import { reportRange } from './report-range.ts';
import type { CsvCursor, CsvRow, ReportSource } from './report-source.ts';

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

/**
 * The tickets issued on local days `from`…`to`, as CSV text in chunks: the header, then one
 * chunk per page of rows, each page its own short query. Service and counter are the ticket's
 * last (after transfers); `service_sec` is its completed service and `time_in_system_sec` is
 * given for done tickets only, as in the summary. Throws `ReportRangeError` for a bad range
 * before yielding anything.
 */
export async function* ticketsCsv(
  source: Pick<ReportSource, 'csvPage'>,
  settings: StoreSettings,
  from: string,
  to: string,
): AsyncGenerator<string> {
  reportRange(from, to, settings.timeZone, Date.now());
  const tz = settings.timeZone;
  yield csvLine(TICKET_CSV_COLUMNS);
  let after: CsvCursor = { issuedAt: -1, id: '' };
  for (;;) {
    const rows = await source.csvPage(settings.id, from, to, after, PAGE);
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
    r.status === 'done' ? secondsBetween(r.issued_at, r.done_at) : null,
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
