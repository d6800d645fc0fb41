/**
 * Writes a large, realistic history into a data folder: `stores` stores (`demo`, then
 * `store-02`, …), each with `days` days up to yesterday from the demo's flagship profile, through
 * the same storage code as the demo history (LineService.importHistory). Worker threads simulate
 * store-days in parallel; this thread is the only writer.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEMO_PROFILE } from '../../server/demo/demo-history.ts';
import { demoStoreState } from '../../server/demo/demo-store.ts';
import type { StoreState } from '../../server/engine/state.ts';
import { LineService } from '../../server/line/line-service.ts';
import { Storage } from '../../server/store/storage.ts';
import { addDays, localParts } from '../../shared/time.ts';
import type { ToMain, ToWorker } from './messages.ts';

export interface GenerateOptions {
  stores: number;
  days: number;
  into: string;
  /** Epoch ms taken as "now" (the last simulated day is the day before, in the store's zone). */
  now?: number;
  workers?: number;
  log?: (line: string) => void;
}

export interface GenerateSummary {
  dataDir: string;
  stores: number;
  days: number;
  firstDay: string;
  lastDay: string;
  tickets: number;
  events: number;
  seconds: number;
}

/** Days simulated per message: big enough to amortise a transaction, small enough to keep memory flat. */
const CHUNK_DAYS = 5;

export async function generateHistory(opts: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const now = opts.now ?? Date.now();
  const storage = await Storage.open(opts.into, { bulkLoad: true });
  const lines = new LineService(storage.lines, () => now);
  await lines.load();
  if (lines.storeIds().length > 0) {
    await storage.close();
    throw new Error(`${opts.into} already holds stores: give the generator a new or empty folder`);
  }
  const demo = demoStoreState(now);
  const lastDay = addDays(localParts(now, demo.settings.timeZone).day, -1);
  const firstDay = addDays(lastDay, -(opts.days - 1));
  const stores = Array.from({ length: opts.stores }, (_, i) => storeState(demo, i));
  for (const s of stores) await lines.createStore(s);

  let tickets = 0;
  let events = 0;
  const pending = [...stores.keys()];
  const workerCount = Math.max(1, Math.min(opts.workers ?? availableParallelism(), opts.stores));
  // One writer: chunks are written in arrival order, and a worker computes its next chunk while
  // this one is written, never further ahead.
  let writes = Promise.resolve();
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = tsWorker(new URL('./store-days-worker.ts', import.meta.url));
      worker.on('error', reject);
      const startNext = () => {
        const index = pending.shift();
        if (index === undefined) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const state = stores[index] as StoreState;
        worker.postMessage({
          type: 'store',
          storeId: state.settings.id,
          state,
          profile: DEMO_PROFILE,
          firstDay,
          days: opts.days,
          seed: 20261123 + 7919 * index,
          chunkDays: CHUNK_DAYS,
        } satisfies ToWorker);
      };
      worker.on('message', (message: ToMain) => {
        if (message.type === 'store-done') {
          log(`store ${message.storeId} written (${tickets.toLocaleString('en')} tickets so far)`);
          startNext();
          return;
        }
        writes = writes.then(async () => {
          worker.postMessage({ type: 'next' } satisfies ToWorker);
          for (const b of message.batches) {
            events += b.events.length;
            for (const e of b.events) if (e.type === 'ticket:issued') tickets++;
          }
          await lines.importHistory(message.storeId, message.batches);
        });
        writes.catch(reject);
      });
      startNext();
    });
  // Indexes of the history tables are built once at the end, not kept up to date row by row.
  await storage.importing(async () => {
    await Promise.all(Array.from({ length: workerCount }, runWorker));
    await writes;
  });
  // Closing the only connection checkpoints the write-ahead log into the database file.
  await storage.close();
  return {
    dataDir: opts.into,
    stores: opts.stores,
    days: opts.days,
    firstDay,
    lastDay,
    tickets,
    events,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** Store `i`: the demo store itself, then copies of it under their own id, slug and name. */
function storeState(demo: StoreState, i: number): StoreState {
  if (i === 0) return demo;
  const id = `store-${String(i + 1).padStart(2, '0')}`;
  return { ...demo, settings: { ...demo.settings, id, slug: id, name: `Linecast Store ${i + 1}` } };
}

/** A worker running a TypeScript module: workers do not inherit tsx's loader, so it registers it first. */
function tsWorker(url: URL): Worker {
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(source, { eval: true });
}
