import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportService } from '../../server/store/report-service.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// Reports run in a worker thread: a long one must not hold the line, a client that goes away
// stops it, and a range past the maximum is refused. The history is written straight into the
// tickets table (as the CSV paging test does): enough rows that a year's report takes a while.
// The tests check what answers, never how fast.

let s: TestServer;
let manager: string;
const today = localParts(Date.now(), 'Asia/Shanghai').day;
const YEAR_AGO = addDays(today, -365);

beforeAll(async () => {
  s = await startTestServer();
  const { db } = s.server.storage;
  // Two years of 100 tickets a day: each test reads its own year, neither from the other's cache.
  for (let d = 1; d <= 732; d += 20) {
    const rows = [];
    for (let day = d; day < d + 20 && day <= 732; day++) {
      const date = addDays(today, -day);
      const base = Date.parse(`${date}T02:00:00Z`);
      for (let i = 0; i < 100; i++) {
        const issuedAt = base + i * 240_000;
        rows.push({
          id: randomUUID(),
          store_id: 'demo',
          token: randomUUID(),
          number: `A${i}`,
          service_id: 'pickup',
          priority: 0,
          language: 'en',
          status: 'done',
          day: date,
          hour: 10 + Math.floor(i / 15),
          issued_at: issuedAt,
          joined_at: issuedAt,
          first_called_at: issuedAt + 60_000,
          called_at: issuedAt + 60_000,
          started_at: null,
          done_at: issuedAt + 300_000,
          counter_id: 'c1',
          operator_id: null,
          recalls: 0,
          transfers: 0,
          source: 'kiosk',
          idempotency_key: null,
          feedback_given: 0,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('tickets')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  // Signed in after the long insert, so no idle keep-alive connection is reused as it closes.
  manager = await s.cookieFor('manager');
}, 240_000);
afterAll(() => s?.close());

const summaryPath = (from: string, to: string) => `/api/stores/demo/reports/summary?from=${from}&to=${to}`;

describe('reports in the worker', () => {
  it('leave the line free: tickets are issued while a year-long report runs', async () => {
    let reportDone = false;
    const report = s.api('GET', summaryPath(YEAR_AGO, today), undefined, manager).finally(() => {
      reportDone = true;
    });
    const answeredDuringReport: number[] = [];
    for (let i = 0; i < 200 && !reportDone; i++) {
      const res = await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' }, manager);
      if (!reportDone) answeredDuringReport.push(res.status);
    }
    const summary = await report;
    expect(summary.status).toBe(200);
    // The year before today holds 365 days of history; today has what was issued before the report read it.
    expect(summary.body.overall.issued).toBeGreaterThanOrEqual(365 * 100);
    expect(summary.body.overall.issued).toBeLessThanOrEqual(365 * 100 + 200);
    expect(answeredDuringReport.length).toBeGreaterThan(0);
    expect(answeredDuringReport.every((status) => status === 201)).toBe(true);
  }, 240_000);

  it('stop in the worker when the client goes away', async () => {
    const reports = s.server.deps.reports as ReportService;
    const before = reports.cancelledInWorker;
    const controller = new AbortController();
    const request = fetch(s.url + summaryPath(addDays(YEAR_AGO, -365), addDays(YEAR_AGO, -1)), {
      headers: { cookie: manager },
      signal: controller.signal,
    }).catch((err: unknown) => err);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await request;
    for (let i = 0; i < 600 && reports.cancelledInWorker === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(reports.cancelledInWorker).toBeGreaterThan(before);
  }, 120_000);

  it('refuse a range past the maximum with a 422 that names it', async () => {
    const res = await s.api('GET', summaryPath(addDays(YEAR_AGO, -1), today), undefined, manager);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_query');
    expect(res.body.error.message).toContain('366 days');
    expect(res.body.error.details).toEqual({ maxDays: 366 });
    const csv = await s.api(
      'GET',
      `/api/stores/demo/reports/tickets.csv?from=${addDays(YEAR_AGO, -1)}&to=${today}`,
      undefined,
      manager,
    );
    expect(csv.status).toBe(422);
  });
});
