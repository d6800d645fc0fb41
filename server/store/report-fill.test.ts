import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localParts } from '../../shared/time.ts';
import { seedDemoHistory } from '../demo/demo-history.ts';
import { demoStoreState } from '../demo/demo-store.ts';
import type { StoreSettings } from '../engine/state.ts';
import { LineService } from '../line/line-service.ts';
import type { DatabaseLocation } from './database.ts';
import { ReportService } from './report-service.ts';
import { Storage } from './storage.ts';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from './testing/test-databases.ts';

// The report worker keeps closed days' facts through its own connection(s) on whichever database
// the suite runs on (SQLite, or PostgreSQL with DATABASE_URL): the background fill keeps every
// closed day with tickets not kept yet, and a report from the kept facts equals one computed from
// the tickets.
// (That those equal the raw rows is `server/reports/summary-aggregates.test.ts`, on SQLite.)

const DAYS = 3;
let dir: string;
let database: TestDatabase | undefined;
let where: DatabaseLocation;
let storage: Storage;
let reports: ReportService;
let settings: StoreSettings;
const now = Date.now();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linecast-report-fill-'));
  const adminUrl = testDatabaseUrl();
  database = adminUrl ? await createTestDatabase(adminUrl) : undefined;
  where = { dataDir: dir, databaseUrl: database?.url };
  storage = await Storage.open(where);
  const lines = new LineService(storage.lines, () => now);
  await lines.createStore(demoStoreState(now));
  await seedDemoHistory(lines, 'demo', DAYS);
  settings = lines.state('demo')?.settings as StoreSettings;
  reports = new ReportService(where);
}, 120_000);
afterAll(async () => {
  await reports?.close();
  await storage?.close();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

const keptDays = async () =>
  (await storage.db.selectFrom('report_day_facts').select('day').where('store_id', '=', 'demo').execute())
    .map((r) => r.day)
    .sort();

describe('the background fill', () => {
  it('keeps every closed day with tickets not kept yet, and reports read them back unchanged', async () => {
    const today = localParts(now, settings.timeZone).day;
    const from = addDays(today, -DAYS - 1);
    const yesterday = addDays(today, -1);
    const computed = await reports.summary(settings, from, yesterday, now);
    expect(computed.overall.issued).toBeGreaterThan(0);
    await storage.db.deleteFrom('report_day_facts').execute();

    const marked = (await storage.db.selectFrom('report_day_marks').select('day').execute())
      .map((r) => r.day)
      .filter((day) => day < today)
      .sort();
    expect(marked).toContain(yesterday);
    // A day a report kept is not computed again by the fill.
    await reports.summary(settings, yesterday, yesterday, now);
    expect(await reports.fill([settings], now)).toBe(marked.length - 1);
    expect(await keptDays()).toEqual(marked);
    // Nothing left to do the second time.
    expect(await reports.fill([settings], now)).toBe(0);

    const restarted = new ReportService(where);
    try {
      expect(await restarted.summary(settings, from, yesterday, now)).toEqual(computed);
    } finally {
      await restarted.close();
    }
  }, 120_000);
});
