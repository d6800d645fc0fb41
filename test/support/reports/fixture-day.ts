import type { StoreSettings } from '../../../server/engine/state.ts';

/**
 * A hand-made store morning for the report tests, written straight into the projections (no
 * engine), so every expected figure in `summary.test.ts` can be worked out on paper.
 *
 * Store `st` in Asia/Shanghai (UTC+8), target 300 s. Day 2026-03-02, report "now" is 11:50.
 * Counters: c1 open 10:00–11:00 (alice), paused 11:00–11:10, open 11:10– (bob);
 *           c2 open 10:00– (bob), at 11:00 alice takes over (operator-only change, still open);
 *           c3 open 11:20– (nobody signed in); c4 never opens. All closed since the evening before.
 *
 * | ticket | svc (last) | issued | 1st call | start | end | counter/op | status | feedback csat/nps/ces |
 * | T1 A001 | A | 10:00 | 10:02 | 10:03 | 10:08 done | c1 alice | done | 5/10/2 |
 * | T2 A002 | A | 10:01 | 10:03 | 10:03:30 | 10:07:30 done | c2 bob | done | 4/8/3 |
 * | T3 B001 | B→C | 10:05 | 10:08 c1 alice, start 10:09, transferred 10:12; c2 bob 10:20, 10:21, done 10:31 | done | 3/6/5 |
 * | T4 A003 | A | 10:10 | 10:14 (recalled 10:15) | – | 10:17 no-show | c2 bob | no_show | – |
 * | T5 B002 | B | 10:12 | – cancelled 10:20 | | | | cancelled | – |
 * | T6 A004 | A | 10:16 | 10:20 | – | 10:24 done | c1 alice | done | 4/10/– |
 * | T7 C001 | C | 11:00 | 11:10 | 11:11 | 11:21 done | c1 bob | done | 2/3/6 |
 * | T8 B003 | B (priority) | 11:05 | 11:06 | 11:07 | 11:13 done | c2 alice | done | 5/9/1 |
 * | T9 A005 | A | 11:20 | 11:25 | – | 11:28 done | c3 nobody | done | – |
 * | T10 A006 | A | 11:30 | 11:31 | 11:32 | (still serving) | c2 alice | serving | – |
 * | T11 B004 | B | 11:40 | – | | | | waiting | – |
 * | T12 C002 | C | 11:47 | – | | | | waiting | – |
 * | T13 A007 | A | 11:42 | – cancelled 11:44 | | | | cancelled | – |
 *
 * As the engine does, a no-show or cancelled ticket's `done_at` is when it ended (T4 10:17,
 * T5 10:20, T13 11:44).
 *
 * Outside the report of 2026-03-02: Y1 (the day before, 21:30, done at c2) and X1 (another store).
 */
export const DAY = '2026-03-02';
export const STORE_ID = 'st';

/** Epoch ms of a local wall-clock time in Asia/Shanghai (UTC+8). */
export function local(time: string, day = DAY): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, h - 8, m, s);
}

export const NOW = local('11:50');

export const SETTINGS: StoreSettings = {
  id: STORE_ID,
  slug: 'st',
  name: 'Fixture Store',
  timeZone: 'Asia/Shanghai',
  languages: ['en'],
  serviceLevelTargetSec: 300,
  serviceLevelGoal: 0.8,
  priorityRatio: 2,
  allowPhoneJoin: true,
  autoNoShow: null,
  openingHours: {},
};

export type T = [
  id: string,
  number: string,
  service: string,
  status: string,
  issued: string,
  firstCalled: string | null,
  called: string | null,
  started: string | null,
  done: string | null,
  counter: string | null,
  operator: string | null,
  recalls: number,
  transfers: number,
  priority?: number,
];

export const TICKETS: T[] = [
  ['T1', 'A001', 'A', 'done', '10:00', '10:02', '10:02', '10:03', '10:08', 'c1', 'u1', 0, 0],
  ['T2', 'A002', 'A', 'done', '10:01', '10:03', '10:03', '10:03:30', '10:07:30', 'c2', 'u2', 0, 0],
  ['T3', 'B001', 'C', 'done', '10:05', '10:08', '10:20', '10:21', '10:31', 'c2', 'u2', 0, 1],
  ['T4', 'A003', 'A', 'no_show', '10:10', '10:14', '10:15', null, '10:17', 'c2', 'u2', 1, 0],
  ['T5', 'B002', 'B', 'cancelled', '10:12', null, null, null, '10:20', null, null, 0, 0],
  ['T6', 'A004', 'A', 'done', '10:16', '10:20', '10:20', null, '10:24', 'c1', 'u1', 0, 0],
  ['T7', 'C001', 'C', 'done', '11:00', '11:10', '11:10', '11:11', '11:21', 'c1', 'u2', 0, 0],
  ['T8', 'B003', 'B', 'done', '11:05', '11:06', '11:06', '11:07', '11:13', 'c2', 'u1', 0, 0, 1],
  ['T9', 'A005', 'A', 'done', '11:20', '11:25', '11:25', null, '11:28', 'c3', null, 0, 0],
  ['T10', 'A006', 'A', 'serving', '11:30', '11:31', '11:31', '11:32', null, 'c2', 'u1', 0, 0],
  ['T11', 'B004', 'B', 'waiting', '11:40', null, null, null, null, null, null, 0, 0],
  ['T12', 'C002', 'C', 'waiting', '11:47', null, null, null, null, null, null, 0, 0],
  ['T13', 'A007', 'A', 'cancelled', '11:42', null, null, null, '11:44', null, null, 0, 0],
];

export type S = [
  ticket: string,
  service: string,
  counter: string,
  operator: string | null,
  called: string,
  started: string | null,
  ended: string | null,
  outcome: 'done' | 'no_show' | 'transferred' | null,
];

export const SEGMENTS: S[] = [
  ['T1', 'A', 'c1', 'u1', '10:02', '10:03', '10:08', 'done'],
  ['T2', 'A', 'c2', 'u2', '10:03', '10:03:30', '10:07:30', 'done'],
  ['T3', 'B', 'c1', 'u1', '10:08', '10:09', '10:12', 'transferred'],
  ['T4', 'A', 'c2', 'u2', '10:14', null, '10:17', 'no_show'],
  ['T3', 'C', 'c2', 'u2', '10:20', '10:21', '10:31', 'done'],
  ['T6', 'A', 'c1', 'u1', '10:20', null, '10:24', 'done'],
  ['T7', 'C', 'c1', 'u2', '11:10', '11:11', '11:21', 'done'],
  ['T8', 'B', 'c2', 'u1', '11:06', '11:07', '11:13', 'done'],
  ['T9', 'A', 'c3', null, '11:25', null, '11:28', 'done'],
  ['T10', 'A', 'c2', 'u1', '11:31', '11:32', null, null],
];

export const FEEDBACK: Array<
  [ticket: string, csat: number | null, nps: number | null, ces: number | null, comment: string | null]
> = [
  ['T1', 5, 10, 2, 'Quick, thanks'],
  ['T2', 4, 8, 3, null],
  ['T3', 3, 6, 5, 'Sent to "another" desk, twice'],
  ['T6', 4, 10, null, null],
  ['T7', 2, 3, 6, '=HYPERLINK("http://evil")'],
  ['T8', 5, 9, 1, null],
];

/** Counter history as `counter:updated` events: [counter, status, operator, local time, day]. */
export const COUNTER_EVENTS: Array<[string, 'open' | 'paused' | 'closed', string | null, string, string?]> = [
  ['c1', 'open', 'u1', '09:00', '2026-03-01'],
  ['c2', 'open', 'u2', '09:00', '2026-03-01'],
  ['c1', 'closed', null, '22:00', '2026-03-01'],
  ['c2', 'closed', null, '22:00', '2026-03-01'],
  ['c1', 'open', 'u1', '10:00'],
  ['c2', 'open', 'u2', '10:00'],
  ['c1', 'paused', 'u1', '11:00'],
  ['c2', 'open', 'u1', '11:00'],
  ['c1', 'open', 'u2', '11:10'],
  ['c3', 'open', null, '11:20'],
];

export const CANCELS: Array<[string, string]> = [
  ['T5', '10:20'],
  ['T13', '11:44'],
];
