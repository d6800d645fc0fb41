import type { HistoryRow } from '../insight/prediction/history.ts';
import type { Db } from './database.ts';

/** Issue, first call and end of one ticket (ms), as the dashboard bins them. */
export interface TicketTimes {
  issuedAt: number;
  firstCalledAt: number | null;
  doneAt: number | null;
  status: string;
}

/** Past tickets as the insight layer and the dashboard read them. */
export class TicketHistoryRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Finished tickets (done, no-show, left) issued since `since`: what wait models and forecasts learn from. */
  async finished(storeId: string, since: number): Promise<HistoryRow[]> {
    const rows = await this.#db
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

  /** Every ticket issued in [startMs, endMs), any status. */
  async issuedBetween(storeId: string, startMs: number, endMs: number): Promise<TicketTimes[]> {
    const rows = await this.#db
      .selectFrom('tickets')
      .select(['issued_at', 'first_called_at', 'done_at', 'status'])
      .where('store_id', '=', storeId)
      .where('issued_at', '>=', startMs)
      .where('issued_at', '<', endMs)
      .execute();
    return rows.map((r) => ({
      issuedAt: Number(r.issued_at),
      firstCalledAt: r.first_called_at === null ? null : Number(r.first_called_at),
      doneAt: r.done_at === null ? null : Number(r.done_at),
      status: r.status,
    }));
  }
}
