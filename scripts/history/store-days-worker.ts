/**
 * Worker thread of the history generator: simulates one store's days through the real engine,
 * a chunk at a time, and hands each chunk to the main thread, which alone writes to the database.
 * It computes the next chunk only when asked, so at most one chunk per worker waits in memory.
 */
import { randomBytes } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { withSimulatedFeedback } from '../../server/demo/demo-feedback.ts';
import { batchesByDay } from '../../server/demo/demo-history.ts';
import type { EngineEvent } from '../../server/engine/events.ts';
import type { StoreState } from '../../server/engine/state.ts';
import { type ProfileInput, ProfileSchema } from '../../server/insight/simulator/profile.ts';
import { simulateHistory } from '../../server/insight/simulator/simulate-history.ts';
import { addDays } from '../../shared/time.ts';
import type { ToMain, ToWorker } from './messages.ts';

const port = parentPort;
if (!port) throw new Error('store-days-worker runs as a worker thread');

let job:
  | {
      storeId: string;
      state: StoreState;
      profile: ReturnType<typeof ProfileSchema.parse>;
      firstDay: string;
      days: number;
      seed: number;
      done: number;
      chunkDays: number;
      /** Simulator ticket id → the id written (see freshIds). */
      ids: Map<string, string>;
    }
  | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'store') {
    job = {
      storeId: message.storeId,
      state: message.state,
      profile: ProfileSchema.parse(message.profile as ProfileInput),
      firstDay: message.firstDay,
      days: message.days,
      seed: message.seed,
      done: 0,
      chunkDays: message.chunkDays,
      ids: new Map(),
    };
  }
  if (!job) return;
  if (job.done >= job.days) {
    port.postMessage({ type: 'store-done', storeId: job.storeId } satisfies ToMain);
    job = undefined;
    return;
  }
  const days = Math.min(job.chunkDays, job.days - job.done);
  const endDay = addDays(job.firstDay, job.done + days - 1);
  const seed = job.seed + job.done;
  const { events } = simulateHistory(job.state, job.profile, { days, endDay, seed, truth: false });
  const batches = batchesByDay(job.state, freshIds(withSimulatedFeedback(events, seed + 1), job.ids));
  job.state = batches.at(-1)?.after ?? job.state;
  job.done += days;
  port.postMessage({ type: 'chunk', storeId: job.storeId, batches } satisfies ToMain);
});

/**
 * Gives every ticket a fresh random id and token. The simulator's seeded streams (mulberry32)
 * are windows of one 2^32 cycle, so across 1,800 store-days some overlap and would repeat ids;
 * ids must be unique across the whole database.
 */
function freshIds(events: EngineEvent[], ids: Map<string, string>): EngineEvent[] {
  // One draw of random bytes for the whole chunk: a draw per id costs more than the rest of this.
  const issued = events.reduce((n, e) => (e.type === 'ticket:issued' ? n + 1 : n), 0);
  const bytes = randomBytes(32 * issued);
  let next = 0;
  const fresh = () => bytes.toString('base64url', 16 * next, 16 * ++next);
  const map = (id: string) => ids.get(id) ?? id;
  return events.map((e) => {
    if (e.type === 'ticket:issued') {
      const id = fresh();
      ids.set(e.ticket.id, id);
      return { ...e, ticket: { ...e.ticket, id, token: fresh() } };
    }
    if (e.type === 'counter:updated' && e.counter.currentTicketId !== null)
      return { ...e, counter: { ...e.counter, currentTicketId: map(e.counter.currentTicketId) } };
    if ('ticketId' in e) return { ...e, ticketId: map(e.ticketId) };
    return e;
  });
}
