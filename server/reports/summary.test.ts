import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFigures } from '../../test/support/reports/expect-figures.ts';
import { DAY, NOW, SETTINGS } from '../../test/support/reports/fixture-day.ts';
import type { ReportService } from '../store/report-service.ts';
import { openFixtureDb } from '../store/testing/report-fixture-db.ts';
import { ReportRangeError } from './report-range.ts';
import type { Summary } from './summary.ts';

// The fixture day is drawn as a table in fixture-day.ts; the arithmetic below reads from it.
// Waits (first call − issue, s): T1 120, T2 120, T3 180, T4 240, T6 240, T7 600, T8 60, T9 300, T10 60.
// Walk-ups (start − call per segment): T1 60, T2 30, T3@c1 60, T3@c2 60, T7 60, T8 60, T10 60.
// Service (done − start, or done − call): T1 300, T2 240, T3@c2 600, T6 240 (no start), T7 600, T8 360, T9 180 (no start).
// Time in system (done − issue): T1 480, T2 390, T3 1560, T6 480, T7 1260, T8 480, T9 480.

let reports: ReportService;
let close: () => Promise<void>;
let summary: Summary;

beforeAll(async () => {
  ({ reports, close } = await openFixtureDb());
  summary = await reports.summary(SETTINGS, DAY, DAY, NOW);
});
afterAll(() => close());

describe('summary of the fixture day', () => {
  it('states its range, time zone and target', () => {
    expect(summary).toMatchObject({
      from: DAY,
      to: DAY,
      timeZone: 'Asia/Shanghai',
      targetSec: 300,
      serviceLevelGoal: 0.8,
    });
    expect(summary.generatedAt).toBe(new Date(NOW).toISOString());
  });

  it('computes every measure overall', () => {
    expectFigures(summary.overall, {
      issued: 13, // T1–T13 (Y1 is the day before, X1 another store)
      called: 9, // all but T5, T11, T12, T13
      served: 7, // T1 T2 T3 T6 T7 T8 T9
      noShows: 1, // T4
      cancelled: 2, // T5 T13
      waiting: 2, // T11 T12
      inService: 1, // T10; 7 + 1 + 2 + 2 + 1 = 13
      avgWaitSec: 1920 / 9, // 120+120+180+240+240+600+60+300+60 = 1920
      p50WaitSec: 180, // sorted 60 60 120 120 180 240 240 300 600; rank ceil(0.5·9) = 5
      p90WaitSec: 600, // rank ceil(0.9·9) = 9
      maxWaitSec: 600,
      avgWalkUpSec: 390 / 7, // 60+30+60+60+60+60+60
      avgServiceSec: 360, // (300+240+600+240+600+360+180) / 7 = 2520 / 7
      avgTimeInSystemSec: 5130 / 7, // 480+390+1560+480+1260+480+480
      // hits: 8 called within 300 s (T9's 300 counts, T7's 600 misses); misses not called:
      // T5 left after 480 s, T11 waiting 600 s by 11:50; T13 (left after 120 s) and T12 (180 s) don't count.
      serviceLevel: 8 / 11,
      noShowRate: 1 / 9, // no-shows / called
      abandonmentRate: 2 / 13, // cancelled / issued
      firstContactResolution: 6 / 7, // done and never transferred: all but T3
      throughputPerHour: 7 / 2, // 7 done / 2 hours with arrivals (10 and 11)
      csat: 23 / 6, // 5+4+3+4+2+5
      csatSatisfied: 4 / 6, // 5 4 4 5
      csatCount: 6,
      nps: (100 * (3 - 2)) / 6, // 10 8 6 10 3 9: promoters 10 10 9, detractors 6 3
      npsCount: 6,
      ces: 17 / 5, // 2+3+5+6+1 (T6 gave none)
      cesCount: 5,
    });
  });

  it('has one row per day, equal to the overall for a one-day range', () => {
    expect(summary.byDay.map((d) => d.day)).toEqual([DAY]);
    expect(summary.byDay[0]).toEqual({ day: DAY, ...summary.overall });
  });

  it('computes every measure per hour of issue', () => {
    expect(summary.byHour.map((h) => h.hour)).toEqual([10, 11]);
    expectFigures(summary.byHour[0], {
      hour: 10,
      issued: 6, // T1–T6
      called: 5,
      served: 4, // T1 T2 T3 T6
      noShows: 1,
      cancelled: 1, // T5
      waiting: 0,
      inService: 0,
      avgWaitSec: 180, // (120+120+180+240+240) / 5
      p50WaitSec: 180, // rank ceil(2.5) = 3
      p90WaitSec: 240, // rank ceil(4.5) = 5
      maxWaitSec: 240,
      avgWalkUpSec: 52.5, // (60+30+60+60) / 4
      avgServiceSec: 345, // (300+240+600+240) / 4
      avgTimeInSystemSec: 727.5, // (480+390+1560+480) / 4
      serviceLevel: 5 / 6, // 5 hits; T5 a miss
      noShowRate: 1 / 5,
      abandonmentRate: 1 / 6,
      firstContactResolution: 3 / 4,
      throughputPerHour: 4,
      csat: 4, // (5+4+3+4) / 4
      csatSatisfied: 3 / 4,
      csatCount: 4,
      nps: 25, // 10 8 6 10: (2 − 1) / 4
      npsCount: 4,
      ces: 10 / 3, // 2+3+5
      cesCount: 3,
    });
    expectFigures(summary.byHour[1], {
      hour: 11,
      issued: 7, // T7–T13
      called: 4, // T7 T8 T9 T10
      served: 3,
      noShows: 0,
      cancelled: 1, // T13
      waiting: 2,
      inService: 1,
      avgWaitSec: 255, // (600+60+300+60) / 4
      p50WaitSec: 60, // sorted 60 60 300 600, rank 2
      p90WaitSec: 600, // rank ceil(3.6) = 4
      maxWaitSec: 600,
      avgWalkUpSec: 60, // T7 T8 T10
      avgServiceSec: 380, // (600+360+180) / 3
      avgTimeInSystemSec: 740, // (1260+480+480) / 3
      serviceLevel: 3 / 5, // hits T8 T9 T10; misses T7 and T11 (T12, T13 don't count)
      noShowRate: 0,
      abandonmentRate: 1 / 7,
      firstContactResolution: 1,
      throughputPerHour: 3,
      csat: 3.5, // 2, 5
      csatSatisfied: 1 / 2,
      csatCount: 2,
      nps: 0, // 3 and 9: one detractor, one promoter
      npsCount: 2,
      ces: 3.5, // 6, 1
      cesCount: 2,
    });
  });

  it('relates waits to satisfaction in buckets', () => {
    // Rated and called: T8 60 s | T1 120, T2 120, T3 180, T6 240 | – | T7 600 | –
    expect(summary.waitVsSatisfaction.map((b) => [b.waitBucket, b.fromSec, b.toSec, b.n])).toEqual([
      ['0-2 min', 0, 120, 1],
      ['2-5 min', 120, 300, 4],
      ['5-10 min', 300, 600, 0],
      ['10-20 min', 600, 1200, 1],
      ['20+ min', 1200, null, 0],
    ]);
    expectFigures(summary.waitVsSatisfaction[1], {
      waitBucket: '2-5 min',
      fromSec: 120,
      toSec: 300,
      n: 4,
      avgCsat: 4, // (5+4+3+4) / 4
      avgNpsScore: 8.5, // (10+8+6+10) / 4
      avgCes: 10 / 3, // 2, 3, 5
    });
    expect(summary.waitVsSatisfaction[2]).toMatchObject({ avgCsat: null, avgNpsScore: null, avgCes: null });
    expect(summary.waitVsSatisfaction[3]).toMatchObject({ avgCsat: 2, avgNpsScore: 3, avgCes: 6 });
  });
});

describe('report ranges', () => {
  it('a two-day range adds the day before as its own row', async () => {
    const two = await reports.summary(SETTINGS, '2026-03-01', DAY, NOW);
    expect(two.byDay.map((d) => [d.day, d.issued, d.served])).toEqual([
      ['2026-03-01', 1, 1], // Y1
      [DAY, 13, 7],
    ]);
    expect(two.overall.issued).toBe(14);
    expect(two.byHour.map((h) => h.hour)).toEqual([10, 11, 21]);
  });

  it('a day without tickets gives zeros and nulls, not errors', async () => {
    const empty = await reports.summary(SETTINGS, '2026-04-01', '2026-04-01', NOW);
    expect(empty.overall).toMatchObject({ issued: 0, avgWaitSec: null, serviceLevel: null, nps: null, csatCount: 0 });
    expect(empty.byDay).toEqual([]);
    expect(empty.byCounter.map((c) => [c.counterId, c.calls, c.openSec])).toEqual([
      ['c1', 0, 0],
      ['c2', 0, 0],
      ['c3', 0, 0],
      ['c4', 0, 0],
    ]);
  });

  it('refuses impossible dates, reversed ranges and more than 366 days', async () => {
    await expect(reports.summary(SETTINGS, '2026-02-30', '2026-03-01', NOW)).rejects.toBeInstanceOf(ReportRangeError);
    await expect(reports.summary(SETTINGS, DAY, '2026-03-01', NOW)).rejects.toBeInstanceOf(ReportRangeError);
    await expect(reports.summary(SETTINGS, '2025-03-01', '2026-03-02', NOW)).rejects.toBeInstanceOf(ReportRangeError);
    await expect(reports.summary(SETTINGS, '2025-03-02', '2026-03-02', NOW)).resolves.toBeDefined(); // 366 days
  });
});
