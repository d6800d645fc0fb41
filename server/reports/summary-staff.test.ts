import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFigures } from '../../test/support/reports/expect-figures.ts';
import { DAY, NOW, SETTINGS } from '../../test/support/reports/fixture-day.ts';
import { openFixtureDb } from '../store/testing/report-fixture-db.ts';
import type { Summary } from './summary.ts';

// Segments (call → end, in minutes past 10:00 where useful):
//   c1: T1 alice 10:02–10:08 · T3 alice 10:08–10:12 (transferred) · T6 alice 10:20–10:24 · T7 bob 11:10–11:21
//   c2: T2 bob 10:03–10:07:30 · T4 bob 10:14–10:17 (no-show) · T3 bob 10:20–10:31 · T8 alice 11:06–11:13
//       · T10 alice 11:31– (still current at 11:50)
//   c3: T9 nobody 11:25–11:28
// Open stretches up to now (11:50): c1 10:00–11:00 alice, 11:10–11:50 bob (paused 11:00–11:10);
// c2 10:00–11:00 bob, 11:00–11:50 alice; c3 11:20–11:50 nobody; c4 never.

let close: () => Promise<void>;
let summary: Summary;

beforeAll(async () => {
  const fixture = await openFixtureDb();
  close = fixture.close;
  summary = await fixture.reports.summary(SETTINGS, DAY, DAY, NOW);
});
afterAll(() => close());

const counter = (id: string) => summary.byCounter.find((c) => c.counterId === id);
const operator = (id: string | null) => summary.byOperator.find((o) => o.operatorId === id);

describe('summary per counter', () => {
  it('lists every counter of the store, idle ones too', () => {
    expect(summary.byCounter.map((c) => [c.counterId, c.name])).toEqual([
      ['c1', 'Counter 1'],
      ['c2', 'Counter 2'],
      ['c3', 'Counter 3'],
      ['c4', 'Counter 4'],
    ]);
    expect(summary.byCounter.reduce((n, c) => n + c.served, 0)).toBe(summary.overall.served);
  });

  it('counter 1: a pause, a transfer out, a done without start', () => {
    expectFigures(counter('c1'), {
      counterId: 'c1',
      name: 'Counter 1',
      calls: 4, // T1 T3 T6 T7
      served: 3, // T1 T6 T7
      noShows: 0,
      transferred: 1, // T3
      avgWalkUpSec: 60, // T1 60, T3 60, T7 60 (T6 has no start)
      avgServiceSec: 380, // T1 300, T6 240, T7 600
      avgWaitSec: 285, // first calls here: T1 120, T3 180, T6 240, T7 600
      firstContactResolution: 1,
      openSec: 6000, // 60 min + 40 min; the 10 min pause is not open time
      busySec: 1500, // 6 + 4 + 4 + 11 min
      idleSec: 4500,
      throughputPerHour: 3 / (6000 / 3600), // 1.8
      csat: 11 / 3, // done here: T1 5, T6 4, T7 2
      csatCount: 3,
      nps: 100 / 3, // 10 10 3: 2 promoters − 1 detractor
      npsCount: 3,
      ces: 4, // 2, 6
      cesCount: 2,
    });
  });

  it('counter 2: a no-show, a transferred-in ticket, a ticket still current', () => {
    expectFigures(counter('c2'), {
      counterId: 'c2',
      name: 'Counter 2',
      calls: 5, // T2 T4 T3 T8 T10
      served: 3, // T2 T3 T8
      noShows: 1, // T4
      transferred: 0,
      avgWalkUpSec: 52.5, // T2 30, T3 60, T8 60, T10 60
      avgServiceSec: 400, // T2 240, T3 600, T8 360
      avgWaitSec: 120, // first calls here: T2 120, T4 240, T8 60, T10 60 (T3 was first called at c1)
      firstContactResolution: 2 / 3, // T3 was transferred
      openSec: 6600, // 10:00–11:50, whoever was signed in
      busySec: 2670, // 270 + 180 + 660 + 420 + 1140 (T10 until now)
      idleSec: 3930,
      throughputPerHour: 3 / (6600 / 3600),
      csat: 4, // T2 4, T3 3, T8 5
      csatCount: 3,
      nps: 0, // 8 6 9: one promoter, one detractor
      npsCount: 3,
      ces: 3, // 3 5 1
      cesCount: 3,
    });
  });

  it('counter 3 with nobody signed in, and counter 4 never opened', () => {
    expect(counter('c3')).toMatchObject({
      calls: 1,
      served: 1,
      avgWalkUpSec: null,
      avgServiceSec: 180,
      avgWaitSec: 300,
    });
    expect(counter('c3')).toMatchObject({
      openSec: 1800,
      busySec: 180,
      idleSec: 1620,
      throughputPerHour: 2,
      csat: null,
      csatCount: 0,
    });
    expect(counter('c4')).toMatchObject({
      calls: 0,
      openSec: 0,
      idleSec: 0,
      throughputPerHour: null,
      avgServiceSec: null,
    });
  });
});

describe('summary per operator', () => {
  it('names operators, and gathers calls made with nobody signed in', () => {
    expect(summary.byOperator.map((o) => [o.operatorId, o.username])).toEqual([
      [null, null],
      ['u1', 'alice'],
      ['u2', 'bob'],
    ]);
    expect(operator(null)).toMatchObject({ calls: 1, served: 1, openSec: 1800, busySec: 180, idleSec: 1620 });
  });

  it('alice: c1 until the pause, then c2 from 11:00', () => {
    expectFigures(operator('u1'), {
      operatorId: 'u1',
      username: 'alice',
      calls: 5, // T1 T3 T6 at c1, T8 T10 at c2
      served: 3, // T1 T6 T8
      noShows: 0,
      transferred: 1, // T3
      avgWalkUpSec: 60, // T1 T3 T8 T10
      avgServiceSec: 300, // T1 300, T6 240, T8 360
      avgWaitSec: 132, // T1 120, T3 180, T6 240, T8 60, T10 60
      firstContactResolution: 1,
      openSec: 6600, // c1 10:00–11:00 + c2 11:00–11:50
      busySec: 2400, // c1: 360 + 240 + 240; c2: 420 + 1140
      idleSec: 4200,
      throughputPerHour: 3 / (6600 / 3600),
      csat: 14 / 3, // 5 4 5
      csatCount: 3,
      nps: 100, // 10 10 9
      npsCount: 3,
      ces: 1.5, // 2, 1
      cesCount: 2,
    });
  });

  it('bob: c2 until 11:00, then c1 from 11:10', () => {
    expectFigures(operator('u2'), {
      operatorId: 'u2',
      username: 'bob',
      calls: 4, // T2 T4 T3 at c2, T7 at c1
      served: 3, // T2 T3 T7
      noShows: 1, // T4
      transferred: 0,
      avgWalkUpSec: 50, // T2 30, T3 60, T7 60
      avgServiceSec: 480, // 240 + 600 + 600
      avgWaitSec: 320, // first calls: T2 120, T4 240, T7 600
      firstContactResolution: 2 / 3,
      openSec: 6000, // c2 10:00–11:00 + c1 11:10–11:50
      busySec: 1770, // c2: 270 + 180 + 660; c1: 660
      idleSec: 4230,
      throughputPerHour: 3 / (6000 / 3600),
      csat: 3, // 4 3 2
      csatCount: 3,
      nps: -200 / 3, // 8 6 3: two detractors
      npsCount: 3,
      ces: 14 / 3, // 3 5 6
      cesCount: 3,
    });
  });
});
