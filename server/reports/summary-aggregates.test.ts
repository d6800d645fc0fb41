import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts, zonedTime } from '../../shared/time.ts';
import { DEMO_PROFILE } from '../demo/demo-history.ts';
import { demoStoreState } from '../demo/demo-store.ts';
import type { Command } from '../engine/commands.ts';
import type { EngineEvent } from '../engine/events.ts';
import { applyEvents } from '../engine/index.ts';
import type { StoreState } from '../engine/state.ts';
import { ProfileSchema } from '../insight/simulator/profile.ts';
import { simulateHistory } from '../insight/simulator/simulate-history.ts';
import { LineService } from '../line/line-service.ts';
import { ReportService } from '../store/report-service.ts';
import { Storage } from '../store/storage.ts';
import { rawSummaryReport } from '../store/testing/raw-report/raw-summary.ts';
import type { DayFacts } from './day-facts.ts';

// Figures added up from per-day facts (in the report worker, kept in the database for closed
// days) must equal the figures computed straight from the raw rows over the whole range. The store is in
// Europe/Berlin around both daylight-saving changes of 2026 (Sunday 29 March has no 02:00–03:00,
// Sunday 25 October has it twice), with arrivals through those hours, and service running across
// midnight into both Sundays. Everything goes through the real engine and storage code.

const TZ = 'Europe/Berlin';
const STORE = 'berlin';
let clock = 0;
let dir: string;
let storage: Storage;
let lines: LineService;
let reports: ReportService;
let settings: StoreState['settings'];
const at = (day: string, time: string) => zonedTime(day, time, TZ);
const NOW = at('2026-10-27', '12:00');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linecast-aggregates-'));
  storage = await Storage.open(dir);
  lines = new LineService(storage.lines, () => clock);
  clock = at('2026-03-26', '12:00');
  const demo = demoStoreState(clock);
  settings = { ...demo.settings, id: STORE, slug: STORE, timeZone: TZ };
  await lines.createStore({ ...demo, settings });
  await simulate('2026-03-28', 2, 1);
  await acrossMidnight('2026-03-28', '2026-03-29');
  await simulate('2026-03-30', 2, 2);
  clock = at('2026-10-22', '12:00');
  await simulate('2026-10-24', 2, 3);
  await acrossMidnight('2026-10-24', '2026-10-25');
  await simulate('2026-10-26', 2, 4);
  // Left waiting at the end of 26 October: a service-level miss that depends on the range's end.
  clock = at('2026-10-26', '23:58');
  await issue();
  reports = new ReportService({ dataDir: dir });
}, 120_000);
afterAll(async () => {
  await reports?.close();
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Simulated days (through the engine, with arrivals 01:00–11:00 local) ending `endDay`. */
async function simulate(endDay: string, days: number, seed: number) {
  const profile = ProfileSchema.parse({ ...DEMO_PROFILE, timeZone: TZ, open: '01:00', close: '11:00' });
  const start = lines.state(STORE) as StoreState;
  const { events } = simulateHistory(start, profile, { days, endDay, seed });
  const byDay = new Map<string, EngineEvent[]>();
  for (const e of events) {
    const day = localParts(e.at, TZ).day;
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  let state = start;
  const batches = [...byDay.values()].map((dayEvents) => {
    state = applyEvents(state, dayEvents);
    return { events: dayEvents, after: state };
  });
  await lines.importHistory(STORE, batches);
  clock = Math.max(clock, events.at(-1)?.at ?? clock) + 60_000;
}

/** Counter 1 opens late; one ticket is served across midnight, one issued before and called after. */
async function acrossMidnight(day: string, next: string) {
  clock = at(day, '23:30');
  await run({ type: 'open_counter', counterId: 'c1', operatorId: null });
  clock = at(day, '23:40');
  const first = await issue();
  clock = at(day, '23:50');
  const second = await issue();
  clock = at(day, '23:52');
  await run({ type: 'call_next', counterId: 'c1' });
  clock = at(day, '23:53');
  await run({ type: 'start_service', counterId: 'c1' });
  clock = at(next, '00:10');
  await run({ type: 'complete', counterId: 'c1' });
  clock = at(next, '00:12');
  await run({ type: 'call_next', counterId: 'c1' });
  clock = at(next, '00:30');
  await run({ type: 'complete', counterId: 'c1' });
  clock = at(next, '00:35');
  await run({ type: 'record_feedback', ticketId: first, feedback: { csat: 2, nps: 4, ces: 6 } });
  await run({ type: 'record_feedback', ticketId: second, feedback: { csat: 5, nps: 10 } });
  clock = at(next, '00:45');
  await run({ type: 'close_counter', counterId: 'c1' });
}

async function issue(): Promise<string> {
  const ticketId = randomUUID();
  await run({
    type: 'issue_ticket',
    ticketId,
    token: randomUUID(),
    serviceId: 'pickup',
    priority: false,
    language: 'en',
    source: 'kiosk',
    idempotencyKey: null,
  });
  return ticketId;
}

async function run(command: Command) {
  const result = await lines.dispatch(STORE, command);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.rejection.code}`);
}

const keptRow = (day: string) =>
  storage.db
    .selectFrom('report_day_facts')
    .select(['seq', 'facts_json'])
    .where('store_id', '=', STORE)
    .where('day', '=', day)
    .executeTakeFirst()
    .then((r) => r && { seq: Number(r.seq), facts_json: r.facts_json });

const markOf = async (day: string) =>
  Number(
    (
      await storage.db
        .selectFrom('report_day_marks')
        .select('seq')
        .where('store_id', '=', STORE)
        .where('day', '=', day)
        .executeTakeFirstOrThrow()
    ).seq,
  );

const setKeptFacts = (day: string, facts_json: string) =>
  storage.db
    .updateTable('report_day_facts')
    .set({ facts_json })
    .where('store_id', '=', STORE)
    .where('day', '=', day)
    .execute();

/** Same keys and values; numbers equal to 9 decimals (a sum divided once, or added up per day). */
function expectSame(actual: unknown, expected: unknown, path = 'summary'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(actual, path).toBeCloseTo(expected, 9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, `${path}.length`).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectSame((actual as unknown[])[i], e, `${path}[${i}]`);
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const RANGES: Array<[string, string]> = [
  ['2026-03-29', '2026-03-29'], // 23 hours
  ['2026-10-25', '2026-10-25'], // 25 hours
  ['2026-03-28', '2026-03-29'], // across midnight into the short day
  ['2026-03-27', '2026-03-31'],
  ['2026-10-23', '2026-10-27'], // the ticket left waiting is a miss by the range's end
  ['2026-10-26', '2026-10-26'], // ends before the waiting ticket passed its target
];

describe('figures from per-day facts', () => {
  it('equal the figures computed from the raw tickets, first time and from the kept facts', async () => {
    for (const [from, to] of RANGES) {
      const raw = await rawSummaryReport(storage.db, settings, from, to, NOW);
      expectSame(await reports.summary(settings, from, to, NOW), raw, `${from}…${to}`);
      expectSame(await reports.summary(settings, from, to, NOW), raw, `${from}…${to} again`);
    }
    // A new worker (a restart) reads the kept facts: the same figures again.
    const restarted = new ReportService({ dataDir: dir });
    try {
      for (const [from, to] of RANGES)
        expectSame(
          await restarted.summary(settings, from, to, NOW),
          await rawSummaryReport(storage.db, settings, from, to, NOW),
          `${from}…${to} after a restart`,
        );
    } finally {
      await restarted.close();
    }
  }, 300_000);

  it('are read from the kept facts of closed days, and computed again on another target', async () => {
    const day = '2026-03-30';
    const kept = await keptRow(day);
    expect(kept?.seq).toBe(await markOf(day));
    // A doctored row shows through: the figures come from the kept facts, not the tickets.
    const facts = JSON.parse(kept?.facts_json ?? '{}') as DayFacts;
    const doctored = {
      ...facts,
      tickets: facts.tickets.map((c, i) => (i === 0 ? { ...c, issued: c.issued + 1000 } : c)),
    };
    await setKeptFacts(day, JSON.stringify(doctored));
    const raw = await rawSummaryReport(storage.db, settings, day, day, NOW);
    expect((await reports.summary(settings, day, day, NOW)).overall.issued).toBe(raw.overall.issued + 1000);
    // Another service-level target is another basis: computed from the tickets and kept anew.
    const stricter = { ...settings, serviceLevelTargetSec: settings.serviceLevelTargetSec / 2 };
    expectSame(
      await reports.summary(stricter, day, day, NOW),
      await rawSummaryReport(storage.db, stricter, day, day, NOW),
    );
    expectSame(await reports.summary(settings, day, day, NOW), raw, 'back on the first target');
  }, 120_000);

  it('are kept by the background fill, equal to the raw figures', async () => {
    await storage.db.deleteFrom('report_day_facts').execute();
    const filler = new ReportService({ dataDir: dir });
    try {
      const kept = await filler.fill([settings], NOW);
      // Every closed day with tickets: four simulated days twice, the two short nights and the waiting ticket's day.
      expect(kept).toBe((await storage.db.selectFrom('report_day_marks').select('day').execute()).length);
      expect(await filler.fill([settings], NOW)).toBe(0);
      for (const [from, to] of RANGES)
        expectSame(
          await filler.summary(settings, from, to, NOW),
          await rawSummaryReport(storage.db, settings, from, to, NOW),
          `${from}…${to} after the fill`,
        );
    } finally {
      await filler.close();
    }
  }, 300_000);

  it('cover the daylight-saving hours and the service across midnight', async () => {
    const spring = await reports.summary(settings, '2026-03-29', '2026-03-29', NOW);
    const autumn = await reports.summary(settings, '2026-10-25', '2026-10-25', NOW);
    expect(spring.byHour.map((h) => h.hour)).not.toContain(2);
    expect(autumn.byHour.find((h) => h.hour === 2)?.issued).toBeGreaterThan(0);
    const counter = (s: typeof spring) => s.byCounter.find((c) => c.counterId === 'c1');
    expect(counter(spring)?.busySec).toBeGreaterThan(0);
    const night = await reports.summary(settings, '2026-03-28', '2026-03-28', NOW);
    expect(night.byHour.find((h) => h.hour === 23)?.served).toBe(2);
  }, 120_000);

  it('follow a change to a closed day whose facts are kept', async () => {
    const before = await reports.summary(settings, '2026-10-26', '2026-10-26', NOW);
    const keptBefore = await keptRow('2026-10-26');
    expect(keptBefore?.seq).toBe(await markOf('2026-10-26'));
    const waiting = Object.values(lines.state(STORE)?.tickets ?? {}).find((t) => t.status === 'waiting');
    expect(waiting?.day).toBe('2026-10-26');
    clock = NOW;
    await run({ type: 'cancel', ticketId: waiting?.id ?? '' });
    const after = await reports.summary(settings, '2026-10-26', '2026-10-26', NOW);
    expect(after.overall.cancelled).toBe(before.overall.cancelled + 1);
    expectSame(after, await rawSummaryReport(storage.db, settings, '2026-10-26', '2026-10-26', NOW));
    // Kept again at the day's new mark, which a new worker reads.
    const keptAfter = await keptRow('2026-10-26');
    expect(keptAfter?.seq).toBe(await markOf('2026-10-26'));
    expect(keptAfter?.seq).toBeGreaterThan(keptBefore?.seq ?? Number.POSITIVE_INFINITY);
    const restarted = new ReportService({ dataDir: dir });
    try {
      expectSame(await restarted.summary(settings, '2026-10-26', '2026-10-26', NOW), after);
    } finally {
      await restarted.close();
    }
  }, 120_000);
});
