import { parentPort } from 'node:worker_threads';
import type { StoreState } from '../engine/state.ts';
import type { WaitModel } from '../insight/prediction/model.ts';
import { predictWaits } from '../insight/prediction/predict.ts';

// The wait-prediction thread: Monte Carlo runs over a store's line take tens of milliseconds
// with hundreds waiting, time during which the main thread could send no event to any screen.

/** One prediction asked of the thread; the model is sent only when it changed (see `PredictionThread`). */
export interface PredictionRequest {
  id: number;
  storeId: string;
  state: StoreState;
  model?: WaitModel;
  now: number;
  runs: number;
}

export type PredictionReply =
  | { id: number; ok: true; waits: ReturnType<typeof predictWaits> }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('prediction-worker runs as a worker thread');
const models = new Map<string, WaitModel>();

port.on('message', (request: PredictionRequest) => {
  try {
    if (request.model) models.set(request.storeId, request.model);
    const model = models.get(request.storeId);
    if (!model) throw new Error(`no model for store ${request.storeId}`);
    const waits = predictWaits(request.state, model, request.now, request.runs);
    port.postMessage({ id: request.id, ok: true, waits } satisfies PredictionReply);
  } catch (error) {
    port.postMessage({ id: request.id, ok: false, message: String(error) } satisfies PredictionReply);
  }
});
