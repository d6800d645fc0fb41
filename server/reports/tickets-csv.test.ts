import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/support/reports/csv-parse.ts';
import { DAY, NOW, SETTINGS } from '../../test/support/reports/fixture-day.ts';
import type { ReportService } from '../store/report-service.ts';
import { type FixtureDb, openFixtureDb } from '../store/testing/report-fixture-db.ts';
import { csvCell, csvLine } from './csv.ts';
import { TICKET_CSV_COLUMNS } from './tickets-csv.ts';

let reports: ReportService;
let insertTickets: FixtureDb['insertTickets'];
let close: () => Promise<void>;
let records: Array<Record<string, string>>;
let header: string[];

async function exportText(from: string, to: string): Promise<string> {
  let text = '';
  for await (const chunk of reports.ticketsCsv(SETTINGS, from, to)) text += chunk;
  return text;
}

beforeAll(async () => {
  ({ insertTickets, reports, close } = await openFixtureDb());
  const [head = [], ...rows] = parseCsv(await exportText(DAY, DAY));
  header = head;
  records = rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
});
afterAll(() => close());

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
const sum = (column: string) => records.reduce((n, r) => n + (num(r[column]) ?? 0), 0);
const avg = (column: string) => {
  const values = records.map((r) => num(r[column])).filter((v): v is number => v !== null);
  return values.reduce((a, b) => a + b, 0) / values.length;
};

describe('tickets CSV', () => {
  it('parses as RFC 4180 with a header and one row per ticket of the range', () => {
    expect(header).toEqual([...TICKET_CSV_COLUMNS]);
    expect(records.map((r) => r.ticket_id).sort()).toEqual(
      ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T13'].sort(),
    );
    expect(records.every((r) => Object.keys(r).length === TICKET_CSV_COLUMNS.length)).toBe(true);
  });

  it('has totals equal to the summary', async () => {
    const { overall } = await reports.summary(SETTINGS, DAY, DAY, NOW);
    const status = (s: string) => records.filter((r) => r.status === s).length;
    expect(records.length).toBe(overall.issued);
    expect(records.filter((r) => r.first_called_at !== '').length).toBe(overall.called);
    expect(status('done')).toBe(overall.served);
    expect(status('no_show')).toBe(overall.noShows);
    expect(status('cancelled')).toBe(overall.cancelled);
    expect(status('waiting')).toBe(overall.waiting);
    expect(avg('wait_sec')).toBeCloseTo(overall.avgWaitSec ?? Number.NaN, 6);
    expect(avg('service_sec')).toBeCloseTo(overall.avgServiceSec ?? Number.NaN, 6);
    expect(avg('time_in_system_sec')).toBeCloseTo(overall.avgTimeInSystemSec ?? Number.NaN, 6);
    expect(avg('csat')).toBeCloseTo(overall.csat ?? Number.NaN, 6);
    expect(avg('ces')).toBeCloseTo(overall.ces ?? Number.NaN, 6);
    expect(records.filter((r) => r.nps !== '').length).toBe(overall.npsCount);
    expect(records.filter((r) => r.status === 'done' && r.transfers === '0').length / overall.served).toBeCloseTo(
      overall.firstContactResolution ?? Number.NaN,
      6,
    );
    expect(sum('recalls')).toBe(1); // T4
    expect(sum('transfers')).toBe(1); // T3
  });

  it('writes times as ISO and as the store’s wall clock, and names counters and operators', () => {
    const t3 = records.find((r) => r.ticket_id === 'T3');
    expect(t3).toMatchObject({
      number: 'B001',
      service_code: 'C',
      service_id: 'C',
      status: 'done',
      issued_at: '2026-03-02T02:05:00.000Z',
      issued_local: '2026-03-02 10:05:00',
      first_called_local: '2026-03-02 10:08:00',
      started_local: '2026-03-02 10:21:00',
      done_local: '2026-03-02 10:31:00',
      wait_sec: '180',
      service_sec: '600',
      time_in_system_sec: '1560',
      counter_name: 'Counter 2',
      operator: 'bob',
      transfers: '1',
      comment: 'Sent to "another" desk, twice',
    });
    expect(records.find((r) => r.ticket_id === 'T8')?.priority).toBe('1');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(records.find((r) => r.ticket_id === 'T7')?.comment).toBe(`'=HYPERLINK("http://evil")`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
    expect(csvLine(['a,b', 'x"y', 'line\nbreak', null, 3])).toBe('"a,b","x""y","line\nbreak",,3\r\n');
  });

  it('pages through more tickets than one query returns', async () => {
    const rows = Array.from({ length: 2501 }, (_, i) => ({
      id: `P${i}`,
      store_id: SETTINGS.id,
      token: `paging-${i}`,
      number: `Z${i}`,
      service_id: 'A',
      priority: 0,
      language: 'en',
      status: 'waiting',
      day: '2026-03-05',
      hour: 10,
      issued_at: Date.UTC(2026, 2, 5, 2) + Math.floor(i / 3), // ties on issued_at: the id breaks them
      joined_at: 0,
      first_called_at: null,
      called_at: null,
      started_at: null,
      done_at: null,
      counter_id: null,
      operator_id: null,
      recalls: 0,
      transfers: 0,
      source: 'kiosk',
      idempotency_key: null,
      feedback_given: 0,
    }));
    await insertTickets(rows);
    const exported = parseCsv(await exportText('2026-03-05', '2026-03-05')).slice(1);
    expect(exported.length).toBe(2501);
    expect(new Set(exported.map((r) => r[0])).size).toBe(2501);
  });
});
