import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateSummary, generateHistory } from '../../scripts/history/generate.ts';
import { Storage } from '../../server/store/storage.ts';
import { sqliteIndexNames } from '../../server/store/testing/index-names.ts';
import { zonedTime } from '../../shared/time.ts';

// The large-history generator on a small scale, with its worker threads: what it writes is a
// data folder the server can load, with every index, the days up to yesterday, and ids unique.

const NOW = zonedTime('2026-11-30', '09:00', 'Asia/Shanghai');
let dir: string;
let summary: GenerateSummary;
let storage: Storage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linecast-generate-'));
  summary = await generateHistory({ stores: 3, days: 2, into: join(dir, 'data'), now: NOW, workers: 2 });
  storage = await Storage.open(join(dir, 'data'));
}, 120_000);
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run simulate -- --stores 3 --days 2', () => {
  it('writes the stores named demo, store-02, store-03, each with the two days up to yesterday', async () => {
    expect(summary).toMatchObject({ stores: 3, days: 2, firstDay: '2026-11-28', lastDay: '2026-11-29' });
    const db = storage.db;
    const days = await db
      .selectFrom('tickets')
      .select(['store_id', 'day', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['store_id', 'day'])
      .orderBy('store_id')
      .orderBy('day')
      .execute();
    expect(days.map((r) => `${r.store_id} ${r.day}`)).toEqual(
      ['demo', 'store-02', 'store-03'].flatMap((s) => [`${s} 2026-11-28`, `${s} 2026-11-29`]),
    );
    // A flagship day is several hundred tickets; the summary counts what was written.
    for (const r of days) expect(Number(r.n)).toBeGreaterThan(300);
    expect(days.reduce((n, r) => n + Number(r.n), 0)).toBe(summary.tickets);
    const events = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(events?.n)).toBe(summary.events);
  });

  it('leaves every index in place and the stores ready to load, their last seq at their last event', async () => {
    expect(await sqliteIndexNames(storage.db)).toEqual(
      expect.arrayContaining([
        'tickets_store_day',
        'tickets_number_per_day',
        'events_store_type_at',
        'segments_ticket',
      ]),
    );
    const loaded = await storage.lines.loadAll();
    expect(loaded.map((s) => s.state.settings.id).sort()).toEqual(['demo', 'store-02', 'store-03']);
    const seqs = await storage.lines.lastSeqs();
    for (const [storeId, seq] of seqs) {
      const last = await storage.lines.eventsAfter(storeId, seq - 1);
      expect(last.map((e) => e.seq)).toEqual([seq]);
    }
  });

  it('gives each ticket its own id and token', async () => {
    const row = await storage.db
      .selectFrom('tickets')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('id').distinct().as('ids'),
        eb.fn.count<number>('token').distinct().as('tokens'),
      ])
      .executeTakeFirst();
    expect(Number(row?.ids)).toBe(Number(row?.n));
    expect(Number(row?.tokens)).toBe(Number(row?.n));
  });
});
