import { withSimulatedFeedback } from '../../server/demo/demo-feedback.ts';
import { DEMO_PROFILE } from '../../server/demo/demo-history.ts';
import { demoStoreState } from '../../server/demo/demo-store.ts';
import type { EngineEvent } from '../../server/engine/events.ts';
import { applyEvents } from '../../server/engine/index.ts';
import type { StoreState } from '../../server/engine/state.ts';
import { ProfileSchema } from '../../server/insight/simulator/profile.ts';
import { simulateDay } from '../../server/insight/simulator/simulate-day.ts';
import { Storage } from '../../server/store/storage.ts';
import { cloneStore } from '../../server/store/testing/clone-store.ts';
import { addDays, isoWeekday } from '../../shared/time.ts';

const TIME_KEYS = new Set([
  'at',
  'issuedAt',
  'joinedAt',
  'firstCalledAt',
  'calledAt',
  'startedAt',
  'doneAt',
  'statusSince',
]);

interface TemplateDay {
  day: string;
  events: EngineEvent[];
  after: StoreState;
  /** Ticket ids and tokens of the day, renamed per copy so every copy's tickets are its own. */
  names: Set<string>;
}

/**
 * A large history for the report benchmark. The `demo` store's `days` up to `endDay` are
 * written through the same storage code as the line (`LineRepository.commitBatch`, one
 * transaction per day, report marks included): one week of the demo store is simulated through
 * the real engine (with feedback), and each day is the same weekday of that week, moved in time,
 * with its own ticket ids and tokens. Writing 1,800 store-days that way takes about half an hour
 * on this machine, so the other stores (`store-02`, …) are row copies of `demo` (`cloneStore`).
 */
export async function buildReportHistory(
  dataDir: string,
  opts: { stores: number; days: number; endDay: string; log(line: string): void },
): Promise<{ tickets: number }> {
  const week = simulateWeek(opts.endDay);
  const storage = await Storage.open(dataDir);
  const repo = storage.lines;
  let tickets = 0;
  const started = Date.now();
  const storeId = 'demo';
  {
    const first = demoStoreState(Date.parse(`${addDays(opts.endDay, -opts.days)}T00:00:00Z`));
    const settings = { ...first.settings, id: storeId, slug: storeId, name: `Linecast ${storeId}` };
    await repo.createStore({ ...first, settings }, Date.now());
    let seq = 0;
    for (let d = opts.days - 1; d >= 0; d--) {
      const day = addDays(opts.endDay, -d);
      const template = week.get(isoWeekday(day)) as TemplateDay;
      const copy = copyDay(template, day, `${storeId}-${day}-`, settings);
      seq = await repo.commitBatch(storeId, seq, [copy]);
      tickets += copy.events.filter((e) => e.type === 'ticket:issued').length;
    }
    opts.log(`  history: ${storeId} written, ${tickets} tickets (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  for (let s = 2; s <= opts.stores; s++) await cloneStore(storage.db, storeId, `store-${String(s).padStart(2, '0')}`);
  opts.log(
    `  history: ${opts.stores} stores, ${tickets * opts.stores} tickets (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  await storage.close();
  return { tickets: tickets * opts.stores };
}

/** Seven consecutive demo days ending `endDay` by ISO weekday, with the state after each. */
function simulateWeek(endDay: string): Map<number, TemplateDay> {
  const profile = ProfileSchema.parse(DEMO_PROFILE);
  let state = demoStoreState(Date.parse(`${addDays(endDay, -8)}T00:00:00Z`));
  const week = new Map<number, TemplateDay>();
  for (let i = 6; i >= 0; i--) {
    const day = addDays(endDay, -i);
    const simulated = simulateDay(state, profile, { date: day, seed: 20261123 + i });
    const events = withSimulatedFeedback(simulated.events, 20261124 + i);
    state = applyEvents(state, events);
    const names = new Set<string>();
    for (const t of Object.values(state.tickets)) names.add(t.id).add(t.token);
    for (const e of events) if (e.type === 'ticket:issued') names.add(e.ticket.id).add(e.ticket.token);
    week.set(isoWeekday(day), { day, events, after: state, names });
  }
  return week;
}

/** The template's events and end state, moved to `day`, with renamed tickets and this store's settings. */
function copyDay(t: TemplateDay, day: string, prefix: string, settings: StoreState['settings']) {
  const shift = Date.parse(`${day}T00:00:00Z`) - Date.parse(`${t.day}T00:00:00Z`);
  const reviver = (key: string, value: unknown): unknown => {
    if (typeof value === 'number' && TIME_KEYS.has(key)) return value + shift;
    if (typeof value === 'string') {
      if (t.names.has(value)) return prefix + value;
      if (key === 'day' && value === t.day) return day;
    }
    return value;
  };
  const events = JSON.parse(JSON.stringify(t.events), reviver) as EngineEvent[];
  const moved = JSON.parse(JSON.stringify(t.after), reviver) as StoreState;
  const after: StoreState = {
    ...moved,
    settings,
    tickets: Object.fromEntries(Object.values(moved.tickets).map((ticket) => [ticket.id, ticket])),
    numbering: { ...moved.numbering, day },
  };
  return { events, after };
}
