import type { EngineEvent } from '../../server/engine/events.ts';
import type { StoreState } from '../../server/engine/state.ts';

/** Main thread → worker: start a store (then each further message asks for its next chunk). */
export type ToWorker =
  | {
      type: 'store';
      storeId: string;
      state: StoreState;
      profile: unknown;
      firstDay: string;
      days: number;
      seed: number;
      chunkDays: number;
    }
  | { type: 'next' };

/** Worker → main thread: a chunk of days ready to write, or the store is finished. */
export type ToMain =
  | { type: 'chunk'; storeId: string; batches: Array<{ events: EngineEvent[]; after: StoreState }> }
  | { type: 'store-done'; storeId: string };
