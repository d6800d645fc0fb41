import { learnModel } from '../insight/prediction/learn.ts';
import type { WaitModel } from '../insight/prediction/model.ts';
import { predictWaits } from '../insight/prediction/predict.ts';
import type { TicketHistoryRepository } from '../store/ticket-history-repository.ts';
import type { LineService } from './line-service.ts';
import type { WaitPredictor } from './live-waits.ts';

/** Four weeks of history is enough to learn from and keeps a relearn well under a second. */
const HISTORY_MS = 28 * 86_400_000;
const RELEARN_MS = 60 * 60 * 1000;

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
  readonly predictor: WaitPredictor = (state, now) => {
    const storeId = state.settings.id;
    const entry = this.#models.get(storeId);
    if ((!entry || now - entry.learnedAt > RELEARN_MS) && !this.#learning.has(storeId)) {
      this.#learning.add(storeId);
      void this.learn(storeId).finally(() => this.#learning.delete(storeId));
    }
    const model = entry?.model ?? learnModel([], { timeZone: state.settings.timeZone, now });
    return predictWaits(state, model, now);
  };
}
