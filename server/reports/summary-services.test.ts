import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFigures } from '../../test/support/reports/expect-figures.ts';
import { DAY, NOW, SETTINGS } from '../../test/support/reports/fixture-day.ts';
import { openFixtureDb } from '../store/testing/report-fixture-db.ts';
import type { Summary } from './summary.ts';

// Tickets count under their last service (T3 went B → C, so it is a C ticket); walk-up and
// service times under the service of each segment (T3's first segment is B work).

let close: () => Promise<void>;
let summary: Summary;

beforeAll(async () => {
  const fixture = await openFixtureDb();
  close = fixture.close;
  summary = await fixture.reports.summary(SETTINGS, DAY, DAY, NOW);
});
afterAll(() => close());

describe('summary per service', () => {
  it('lists the services that had tickets, with their codes', () => {
    expect(summary.byService.map((s) => [s.serviceId, s.code])).toEqual([
      ['A', 'A'],
      ['B', 'B'],
      ['C', 'C'],
    ]);
    expect(summary.byService.reduce((n, s) => n + s.issued, 0)).toBe(summary.overall.issued);
  });

  it('pick-up (A): T1 T2 T4 T6 T9 T10 T13', () => {
    expectFigures(summary.byService[0], {
      serviceId: 'A',
      code: 'A',
      issued: 7,
      called: 6, // not T13
      served: 4, // T1 T2 T6 T9
      noShows: 1, // T4
      cancelled: 1, // T13
      waiting: 0,
      inService: 1, // T10
      avgWaitSec: 180, // (120+120+240+240+300+60) / 6
      p50WaitSec: 120, // sorted 60 120 120 240 240 300, rank 3
      p90WaitSec: 300, // rank ceil(5.4) = 6
      maxWaitSec: 300,
      avgWalkUpSec: 50, // segments of A with a start: T1 60, T2 30, T10 60
      avgServiceSec: 240, // done A segments: T1 300, T2 240, T6 240, T9 180
      avgTimeInSystemSec: 457.5, // (480+390+480+480) / 4
      serviceLevel: 1, // 6 of 6 called within 300 s; T13 left after 120 s and does not count
      noShowRate: 1 / 6,
      abandonmentRate: 1 / 7,
      firstContactResolution: 1,
      throughputPerHour: 2, // 4 done / hours 10 and 11
      csat: 13 / 3, // T1 5, T2 4, T6 4
      csatSatisfied: 1,
      csatCount: 3,
      nps: 200 / 3, // 10 8 10: 2 promoters of 3
      npsCount: 3,
      ces: 2.5, // 2, 3
      cesCount: 2,
    });
  });

  it('returns (B): T5 T8 T11, and the B work done on T3 before its transfer', () => {
    expectFigures(summary.byService[1], {
      serviceId: 'B',
      code: 'B',
      issued: 3,
      called: 1, // T8
      served: 1,
      noShows: 0,
      cancelled: 1, // T5
      waiting: 1, // T11
      inService: 0,
      avgWaitSec: 60,
      p50WaitSec: 60,
      p90WaitSec: 60,
      maxWaitSec: 60,
      avgWalkUpSec: 60, // T3 at c1 60, T8 60
      avgServiceSec: 360, // T8 only (T3's B segment ended in a transfer)
      avgTimeInSystemSec: 480,
      serviceLevel: 1 / 3, // T8 hit; T5 (left after 480 s) and T11 (600 s by now) missed
      noShowRate: 0,
      abandonmentRate: 1 / 3,
      firstContactResolution: 1,
      throughputPerHour: 0.5, // 1 done / hours 10 (T5) and 11
      csat: 5,
      csatSatisfied: 1,
      csatCount: 1,
      nps: 100, // 9
      npsCount: 1,
      ces: 1,
      cesCount: 1,
    });
  });

  it('personalisation (C): T3 (transferred in), T7, T12', () => {
    expectFigures(summary.byService[2], {
      serviceId: 'C',
      code: 'C',
      issued: 3,
      called: 2,
      served: 2,
      noShows: 0,
      cancelled: 0,
      waiting: 1, // T12
      inService: 0,
      avgWaitSec: 390, // T3 180 (its first call, as B), T7 600
      p50WaitSec: 180,
      p90WaitSec: 600, // rank ceil(1.8) = 2
      maxWaitSec: 600,
      avgWalkUpSec: 60, // T3 at c2, T7
      avgServiceSec: 600, // both 600
      avgTimeInSystemSec: 1410, // (1560+1260) / 2
      serviceLevel: 1 / 2, // T3 hit, T7 miss; T12 at 180 s does not count
      noShowRate: 0,
      abandonmentRate: 0,
      firstContactResolution: 1 / 2, // T3 was transferred
      throughputPerHour: 1, // 2 done / hours 10 and 11
      csat: 2.5, // 3, 2
      csatSatisfied: 0,
      csatCount: 2,
      nps: -100, // 6, 3: both detractors
      npsCount: 2,
      ces: 5.5, // 5, 6
      cesCount: 2,
    });
  });
});
