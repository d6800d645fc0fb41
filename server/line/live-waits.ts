import type { StoreState } from '../engine/state.ts';
import type { LineService } from './line-service.ts';
import type { WaitView } from './views.ts';

/** Predicts waits for one store's state at `now` (the insight layer's `predictWaits`). */
export type WaitPredictor = (state: StoreState, now: number) => WaitView;

export type WaitsListener = (storeId: string, seq: number, waits: WaitView) => void;

interface Cached {
  seq: number;
  computedAt: number;
  waits: WaitView;
}

/**
 * Current predicted waits per store. Recomputed lazily when a reader needs a newer `seq`,
 * and pushed to listeners at most every `minIntervalMs` per store after changes (the
 * predictor simulates the line, so it must not run on every event of a burst).
 */
export class LiveWaits {
  readonly #lines: LineService;
  readonly #predict: WaitPredictor;
  readonly #minIntervalMs: number;
  readonly #cache = new Map<string, Cached>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #lastPush = new Map<string, number>();
  readonly #listeners: WaitsListener[] = [];

  constructor(lines: LineService, predict: WaitPredictor, minIntervalMs = 300) {
    this.#lines = lines;
    this.#predict = predict;
    this.#minIntervalMs = minIntervalMs;
    lines.onCommit((storeId) => this.#schedule(storeId));
  }

  onUpdate(listener: WaitsListener): void {
    this.#listeners.push(listener);
  }

  /**
   * Waits as of the store's latest `seq`. A prediction less than `maxAgeMs` old is reused even if
   * the line moved since: answering a burst of tickets must not run the simulation for each one
   * (the pushed `waits:updated` follows within `minIntervalMs` anyway).
   */
  forStore(storeId: string, maxAgeMs = 1000): WaitView {
    const view = this.#lines.view(storeId);
    if (!view) return { byService: {}, byTicket: {} };
    const cached = this.#cache.get(storeId);
    if (cached && (cached.seq === view.lastSeq || Date.now() - cached.computedAt < maxAgeMs)) return cached.waits;
    return this.#compute(storeId, view.state, view.lastSeq);
  }

  /** Forces a fresh prediction even without a new event (time passing changes waits too). */
  refresh(storeId: string): void {
    this.#cache.delete(storeId);
    this.#schedule(storeId);
  }

  close(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }

  #compute(storeId: string, state: StoreState, seq: number): WaitView {
    const waits = this.#predict(state, this.#lines.now());
    this.#cache.set(storeId, { seq, computedAt: Date.now(), waits });
    return waits;
  }

  #schedule(storeId: string): void {
    if (this.#timers.has(storeId)) return;
    const since = Date.now() - (this.#lastPush.get(storeId) ?? 0);
    const delay = Math.max(0, this.#minIntervalMs - since);
    this.#timers.set(
      storeId,
      setTimeout(() => {
        this.#timers.delete(storeId);
        this.#lastPush.set(storeId, Date.now());
        const view = this.#lines.view(storeId);
        if (!view) return;
        const waits = this.forStore(storeId, 0);
        for (const l of this.#listeners) l(storeId, view.lastSeq, waits);
      }, delay),
    );
  }
}
