import { waitingIds } from '../engine/index.ts';
import type { StoreState } from '../engine/state.ts';
import { learnModel } from '../insight/prediction/learn.ts';
import type { WaitModel } from '../insight/prediction/model.ts';
import { DEFAULT_RUNS, predictWaits } from '../insight/prediction/predict.ts';
import type { TicketHistoryRepository } from '../store/ticket-history-repository.ts';
import type { LineService } from './line-service.ts';
import type { AsyncWaitPredictor, WaitPredictor } from './live-waits.ts';
import type { PredictionThread } from './prediction-thread.ts';

/** Four weeks of history is enough to learn from and keeps a relearn well under a second. */
const HISTORY_MS = 28 * 86_400_000;
const RELEARN_MS = 60 * 60 * 1000;

/** Monte Carlo runs × waiting tickets per prediction, at most (see `runsFor`). */
const RUN_BUDGET = 20_000;
const MIN_RUNS = 50;

/**
 * Monte Carlo runs for a line of `waiting` tickets: the default up to 100 waiting, fewer beyond
 * (never under 50). A prediction holds the event loop in proportion to runs × waiting (130 ms
 * for 600 waiting at 200 runs), and meanwhile no event reaches any screen; the far end of a
 * long line waits for the sum of many services, which varies little from run to run.
 */
export function runsFor(waiting: number): number {
  return Math.max(MIN_RUNS, Math.min(DEFAULT_RUNS, Math.floor(RUN_BUDGET / Math.max(1, waiting))));
}

/** Learned wait models per store, relearned from the database every hour. */
export class WaitModels {
  readonly #history: TicketHistoryRepository;
  readonly #lines: LineService;
  readonly #models = new Map<string, { model: WaitModel; learnedAt: number }>();
  readonly #learning = new Set<string>();

  constructor(history: TicketHistoryRepository, lines: LineService) {
    this.#history = history;
    this.#lines = lines;
  }

  async learn(storeId: string): Promise<void> {
    const state = this.#lines.state(storeId);
    if (!state) return;
    const now = this.#lines.now();
    const rows = await this.#history.finished(storeId, now - HISTORY_MS);
    this.#models.set(storeId, { model: learnModel(rows, { timeZone: state.settings.timeZone, now }), learnedAt: now });
  }

  /** The latest learned model of a store (an empty model until history is learned). */
  modelFor(storeId: string, timeZone: string): WaitModel {
    return this.#models.get(storeId)?.model ?? learnModel([], { timeZone, now: this.#lines.now() });
  }

  /** The predictor LiveWaits calls: uses the last model, relearning in the background when old. */
  readonly predictor: WaitPredictor = (state, now) =>
    predictWaits(state, this.#modelToUse(state, now), now, runsFor(waitingIn(state)));

  /** The same prediction made on `thread`, off the event loop. */
  offThread(thread: PredictionThread): AsyncWaitPredictor {
    return (state, now) =>
      thread.predict(state.settings.id, state, this.#modelToUse(state, now), now, runsFor(waitingIn(state)));
  }

  #modelToUse(state: StoreState, now: number): WaitModel {
    const storeId = state.settings.id;
    const entry = this.#models.get(storeId);
    if ((!entry || now - entry.learnedAt > RELEARN_MS) && !this.#learning.has(storeId)) {
      this.#learning.add(storeId);
      void this.learn(storeId).finally(() => this.#learning.delete(storeId));
    }
    return entry?.model ?? learnModel([], { timeZone: state.settings.timeZone, now });
  }
}

/** The waiting count, from the record's memoised waiting set (LiveWaits has counted this part already). */
const waitingIn = (state: StoreState) => waitingIds(state.tickets).size;
