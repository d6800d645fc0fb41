import type { HistoryRow } from '../insight/prediction/history.ts';
import { learnModel } from '../insight/prediction/learn.ts';
import type { WaitModel } from '../insight/prediction/model.ts';
import { predictWaits } from '../insight/prediction/predict.ts';
import type { Db } from '../store/database.ts';
import type { LineService } from './line-service.ts';
import type { WaitPredictor } from './live-waits.ts';

/** Four weeks of history is enough to learn from and keeps a relearn well under a second. */
const HISTORY_MS = 28 * 86_400_000;
const RELEARN_MS = 60 * 60 * 1000;

/** Finished tickets of a store as the insight layer learns from them. */
export async function historyRows(db: Db, storeId: string, since: number): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'service_id', 'priority', 'issued_at', 'first_called_at', 'done_at', 'status', 'counter_id'])
    .where('store_id', '=', storeId)
    .where('issued_at', '>=', since)
    .where('status', 'in', ['done', 'no_show', 'cancelled'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    priority: r.priority === 1,
    issuedAt: Number(r.issued_at),
    calledAt: r.first_called_at === null ? null : Number(r.first_called_at),
    doneAt: r.status === 'cancelled' || r.done_at === null ? null : Number(r.done_at),
    leftAt: r.status === 'cancelled' ? (r.done_at === null ? null : Number(r.done_at)) : null,
    counterId: r.counter_id,
  }));
}

/** Learned wait models per store, relearned from the database every hour. */
export class WaitModels {
  readonly #db: Db;
  readonly #lines: LineService;
  readonly #models = new Map<string, { model: WaitModel; learnedAt: number }>();
  readonly #learning = new Set<string>();

  constructor(db: Db, lines: LineService) {
    this.#db = db;
    this.#lines = lines;
  }

  async learn(storeId: string): Promise<void> {
    const state = this.#lines.state(storeId);
    if (!state) return;
    const now = this.#lines.now();
    const rows = await historyRows(this.#db, storeId, now - HISTORY_MS);
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
