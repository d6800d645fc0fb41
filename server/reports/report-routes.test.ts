import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/support/reports/csv-parse.ts';
import { DAY, SETTINGS, STORE_ID } from '../../test/support/reports/fixture-day.ts';
import type { StoreState } from '../engine/state.ts';
import { ApiRouter } from '../http/api-router.ts';
import type { AppEnv, Deps } from '../http/deps.ts';
import { HttpError } from '../http/http-error.ts';
import { reportRoutes } from '../http/routes/reports.ts';
import type { ReportService } from '../store/report-service.ts';
import { openFixtureDb } from '../store/testing/report-fixture-db.ts';
import type { UserRecord } from '../store/user-repository.ts';

// The report routes on a bare Hono app: the real database and route code, with the store
// lookup and the signed-in user (normally the line service and session middleware) stubbed.

let reports: ReportService;
let close: () => Promise<void>;
let app: Hono<AppEnv>;

const USERS: Record<string, UserRecord> = {
  manager: { id: 'm', username: 'm', role: 'manager', storeIds: [STORE_ID], active: true, passwordHash: '' },
  elsewhere: { id: 'e', username: 'e', role: 'manager', storeIds: ['other'], active: true, passwordHash: '' },
  operator: { id: 'o', username: 'o', role: 'operator', storeIds: [STORE_ID], active: true, passwordHash: '' },
};

beforeAll(async () => {
  ({ reports, close } = await openFixtureDb());
  const lines = {
    resolveStore: (idOrSlug: string) => (idOrSlug === STORE_ID ? STORE_ID : undefined),
    state: (id: string) => (id === STORE_ID ? ({ settings: SETTINGS } as StoreState) : undefined),
    now: () => Date.now(),
  };
  app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', { reports, lines } as unknown as Deps);
    c.set('user', USERS[c.req.header('x-test-user') ?? '']);
    await next();
  });
  reportRoutes(new ApiRouter(app.basePath('/api')));
  app.onError((err, c) =>
    err instanceof HttpError
      ? c.json({ error: { code: err.code, message: err.message } }, err.status)
      : c.json({ error: { code: 'internal', message: String(err) } }, 500),
  );
});
afterAll(() => close());

const get = (path: string, user?: string) =>
  app.request(`/api/stores/${path}`, { headers: user ? { 'x-test-user': user } : {} });

describe('report routes', () => {
  it('serve the summary to a manager of the store', async () => {
    const res = await get(`st/reports/summary?from=${DAY}&to=${DAY}`, 'manager');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { overall: { issued: number }; from: string };
    expect(body.from).toBe(DAY);
    expect(body.overall.issued).toBe(13);
  });

  it('serve the tickets as a CSV download', async () => {
    const res = await get(`st/reports/tickets.csv?from=${DAY}&to=${DAY}`, 'manager');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="linecast-st-tickets-${DAY}-to-${DAY}.csv"`,
    );
    expect(parseCsv(await res.text()).length).toBe(1 + 13);
  });

  it('refuse strangers, operators and managers of other stores', async () => {
    expect((await get(`st/reports/summary?from=${DAY}&to=${DAY}`)).status).toBe(401);
    expect((await get(`st/reports/summary?from=${DAY}&to=${DAY}`, 'operator')).status).toBe(403);
    expect((await get(`st/reports/tickets.csv?from=${DAY}&to=${DAY}`, 'elsewhere')).status).toBe(403);
    expect((await get(`nope/reports/summary?from=${DAY}&to=${DAY}`, 'manager')).status).toBe(404);
  });

  it('answer 422 to a bad range', async () => {
    for (const query of [
      '',
      'from=2026-03-02',
      'from=yesterday&to=today',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-02&to=2026-03-01',
      'from=2025-01-01&to=2026-03-02',
    ]) {
      for (const report of ['summary', 'tickets.csv']) {
        const res = await get(`st/reports/${report}?${query}`, 'manager');
        expect(res.status, `${report}?${query}`).toBe(422);
        expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^invalid_query$/);
      }
    }
  });
});
