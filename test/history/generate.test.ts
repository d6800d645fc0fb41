import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateSummary, generateHistory } from '../../scripts/history/generate.ts';
import { Storage } from '../../server/store/storage.ts';
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
    const days = await sql<{ store_id: string; day: string; n: number }>`
      select store_id, day, count(*) as n from tickets group by store_id, day order by store_id, day`.execute(
      storage.db,
    );
    expect(days.rows.map((r) => `${r.store_id} ${r.day}`)).toEqual(
      ['demo', 'store-02', 'store-03'].flatMap((s) => [`${s} 2026-11-28`, `${s} 2026-11-29`]),
    );
    // A flagship day is several hundred tickets; the summary counts what was written.
    for (const r of days.rows) expect(Number(r.n)).toBeGreaterThan(300);
    expect(days.rows.reduce((n, r) => n + Number(r.n), 0)).toBe(summary.tickets);
    const events = await sql<{ n: number }>`select count(*) as n from events`.execute(storage.db);
    expect(Number(events.rows[0]?.n)).toBe(summary.events);
  });

  it('leaves every index in place and the stores ready to load, their last seq at their last event', async () => {
    const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(
      storage.db,
    );
    expect(indexes.rows.map((r) => r.name)).toEqual(
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
    const ids = await sql<{ n: number; ids: number; tokens: number }>`
      select count(*) as n, count(distinct id) as ids, count(distinct token) as tokens from tickets`.execute(
      storage.db,
    );
    const row = ids.rows[0];
    expect(Number(row?.ids)).toBe(Number(row?.n));
    expect(Number(row?.tokens)).toBe(Number(row?.n));
  });
});
