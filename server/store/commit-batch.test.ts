import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedTime } from '../../shared/time.ts';
import { withSimulatedFeedback } from '../demo/demo-feedback.ts';
import { batchesByDay, DEMO_PROFILE } from '../demo/demo-history.ts';
import { demoStoreState } from '../demo/demo-store.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { StoreState } from '../engine/state.ts';
import { ProfileSchema } from '../insight/simulator/profile.ts';
import { simulateHistory } from '../insight/simulator/simulate-history.ts';
import { sqliteFile } from './database.ts';
import { LineRepository } from './line-repository.ts';
import type { Database } from './schema.ts';
import { Storage } from './storage.ts';
import { tableFingerprint } from './testing/table-fingerprint.ts';

// An imported history (the demo's and the history generator's) goes through `commitBatch`, which
// on SQLite takes the prepared-statement writer in one transaction. What it stores must be, row
// for row, what the same commands store one at a time through `commit`, and what the general
// (kysely) path stores, with the same indexes though the import builds them at its end. Two
// stores, evenings that run past midnight (tickets served the next day, in the next batch),
// written in two chunks like the generator's.

type Batch = { events: EngineEvent[]; after: StoreState };
type Chunk = { storeId: string; batches: Batch[] };

const TZ = 'Asia/Shanghai';
const NOW = zonedTime('2026-11-30', '12:00', TZ);
let root: string;
const chunks: Chunk[] = [];
const states: StoreState[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'linecast-commit-batch-'));
  const profile = ProfileSchema.parse({ ...DEMO_PROFILE, open: '17:00', close: '23:50' });
  const demo = demoStoreState(NOW);
  for (const [i, id] of ['demo', 'store-02'].entries()) {
    let state: StoreState = { ...demo, settings: { ...demo.settings, id, slug: id } };
    states.push(state);
    const ids = new Map<string, string>();
    for (const [endDay, days] of [
      ['2026-11-27', 2],
      ['2026-11-29', 2],
    ] as const) {
      const seed = 40 + 10 * i + days + Number(endDay.slice(-2));
      const { events } = simulateHistory(state, profile, { days, endDay, seed, truth: false });
      // Each chunk's simulation may repeat the last one's ids: prefixed, they stay unique.
      const batches = batchesByDay(state, prefixIds(withSimulatedFeedback(events, seed + 1), `${id}/${endDay}/`, ids));
      state = batches.at(-1)?.after ?? state;
      chunks.push({ storeId: id, batches });
    }
  }
}, 60_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('an imported history', () => {
  it('stores the same rows through the batch writer, command by command, and through kysely', async () => {
    const batched = await written('batched', async (repo, _file, storage) => {
      const seqs = new Map<string, number>();
      await storage.importing(async () => {
        for (const c of chunks)
          seqs.set(c.storeId, await repo.commitBatch(c.storeId, seqs.get(c.storeId) ?? 0, c.batches));
      });
    });
    const oneByOne = await written('one-by-one', async (repo) => {
      const seqs = new Map<string, number>();
      for (const c of chunks)
        for (const b of c.batches) {
          const seq = seqs.get(c.storeId) ?? 0;
          await repo.commit(c.storeId, seq, b.events, b.after);
          seqs.set(c.storeId, seq + b.events.length);
        }
    });
    const general = await written('kysely', async (_repo, file) => {
      // A connection of its own is not one `openDatabase` opened: the repository takes the kysely path.
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
      try {
        const repo = new LineRepository(db);
        const seqs = new Map<string, number>();
        for (const c of chunks)
          seqs.set(c.storeId, await repo.commitBatch(c.storeId, seqs.get(c.storeId) ?? 0, c.batches));
      } finally {
        await db.destroy();
      }
    });

    const counts = batched.counts as Record<string, number>;
    // Enough of every kind of row for the comparison to mean something.
    for (const table of ['events', 'tickets', 'service_segments', 'feedback', 'report_day_marks'])
      expect(counts[table], table).toBeGreaterThan(table === 'report_day_marks' ? 4 : 50);
    const crossed = chunks.flatMap((c) => c.batches).some((b, i, all) => crossesMidnight(b, all[i - 1]));
    expect(crossed).toBe(true);
    expect(batched).toEqual(oneByOne);
    expect(batched).toEqual(general);
  }, 60_000);
});

/** The fingerprint of a new database after `write` (the migrations' timestamps left out). */
async function written(name: string, write: (repo: LineRepository, file: string, storage: Storage) => Promise<void>) {
  const dir = join(root, name);
  const storage = await Storage.open(dir);
  try {
    for (const s of states) await storage.lines.createStore(s, NOW);
    await write(storage.lines, sqliteFile(dir), storage);
    const { rows, ...rest } = await tableFingerprint(storage.db);
    const { kysely_migration: _, ...tables } = rows;
    // The same indexes, whether kept up to date row by row or built at the import's end.
    const indexes = await sql<{ name: string; sql: string | null }>`
      select name, sql from sqlite_master where type = 'index' order by name`.execute(storage.db);
    return { ...rest, rows: tables, indexes: indexes.rows };
  } finally {
    await storage.close();
  }
}

/** A batch with an event for a ticket that an earlier batch issued (served after midnight). */
function crossesMidnight(b: Batch, previous: Batch | undefined): boolean {
  if (!previous) return false;
  const issued = new Set(previous.events.flatMap((e) => (e.type === 'ticket:issued' ? [e.ticket.id] : [])));
  return b.events.some((e) => 'ticketId' in e && issued.has(e.ticketId));
}

/** Ticket ids made unique per chunk; later events follow the ticket to its new id (see the generator's freshIds). */
function prefixIds(events: EngineEvent[], prefix: string, ids: Map<string, string>): EngineEvent[] {
  const map = (id: string) => ids.get(id) ?? id;
  return events.map((e) => {
    if (e.type === 'ticket:issued') {
      ids.set(e.ticket.id, prefix + e.ticket.id);
      return { ...e, ticket: { ...e.ticket, id: prefix + e.ticket.id, token: prefix + e.ticket.token } };
    }
    if (e.type === 'counter:updated' && e.counter.currentTicketId !== null)
      return { ...e, counter: { ...e.counter, currentTicketId: map(e.counter.currentTicketId) } };
    if ('ticketId' in e) return { ...e, ticketId: map(e.ticketId) };
    return e;
  });
}
