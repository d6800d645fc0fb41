import type { Worker } from 'node:worker_threads';
import type { StoreState } from '../engine/state.ts';
import type { WaitModel } from '../insight/prediction/model.ts';
import { spawnWorker } from '../ops/spawn-worker.ts';
import type { PredictionReply, PredictionRequest } from './prediction-worker.ts';
import type { WaitView } from './views.ts';

type Pending = { resolve: (waits: WaitView) => void; reject: (error: Error) => void };

/**
 * Predicts waits on a thread of its own (`prediction-worker.ts`), so the Monte Carlo runs never
 * hold the event loop that sends the line to its screens. Each store's model crosses to the
 * thread once per relearn, the line's waiting part once per prediction. A thread that dies fails
 * what it was doing; the next prediction starts a new one.
 */
export class PredictionThread {
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** The model object each store's thread copy was made from. */
  #sent = new Map<string, WaitModel>();

  predict(storeId: string, state: StoreState, model: WaitModel, now: number, runs: number): Promise<WaitView> {
    const worker = this.#start();
    const id = this.#nextId++;
    const fresh = this.#sent.get(storeId) !== model;
    this.#sent.set(storeId, model);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, storeId, state, now, runs, ...(fresh ? { model } : {}) } satisfies PredictionRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = spawnWorker(import.meta.url, 'prediction-worker');
    worker.on('message', (reply: PredictionReply) => this.#settle(reply));
    worker.on('error', (error) => this.#fail(worker, error));
    worker.on('exit', (code) => this.#fail(worker, new Error(`prediction worker exited with code ${code}`)));
    worker.unref();
    this.#worker = worker;
    this.#sent = new Map();
    return worker;
  }

  #settle(reply: PredictionReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    // An idle thread never keeps the process alive.
    if (this.#pending.size === 0) this.#worker?.unref();
    if (reply.ok) pending.resolve(reply.waits);
    else pending.reject(new Error(`prediction failed: ${reply.message}`));
  }

  #fail(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
