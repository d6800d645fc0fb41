import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { Db } from './database.ts';

export interface RetentionResult {
  comments: number;
  events: number;
}

/** Rows per transaction: small enough that a kiosk's ticket never waits behind a pass. */
const BATCH = 200;

/**
 * Forgets what customers wrote once a store no longer needs it: feedback comments (in the
 * feedback rows and in the events that recorded them) older than the cut-off are blanked. The
 * scores stay, so satisfaction figures are kept; no row is deleted, so `seq` stays contiguous.
 * Works in small batches and yields between them: the database is synchronous, and a first pass
 * over years of history must not stop the line.
 */
export class RetentionRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async forgetCommentsBefore(cutoff: number): Promise<RetentionResult> {
    const done: RetentionResult = { comments: 0, events: 0 };
    for (;;) {
      const batch = await this.#db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('feedback')
          .select(['ticket_id', 'store_id', 'created_at'])
          .where('comment', 'is not', null)
          .where('created_at', '<', cutoff)
          .orderBy('created_at')
          .limit(BATCH)
          .execute();
        for (const row of rows) {
          await trx.updateTable('feedback').set({ comment: null }).where('ticket_id', '=', row.ticket_id).execute();
          // The event that recorded it was committed with the feedback row, at the same instant.
          const events = await trx
            .selectFrom('events')
            .select(['seq', 'payload_json'])
            .where('store_id', '=', row.store_id)
            .where('type', '=', 'ticket:feedback')
            .where('at', '=', row.created_at)
            .execute();
          for (const e of events) {
            const payload = JSON.parse(e.payload_json) as { ticketId?: string; feedback?: { comment?: string } };
            if (payload.ticketId !== row.ticket_id || !payload.feedback?.comment) continue;
            delete payload.feedback.comment;
            await trx
              .updateTable('events')
              .set({ payload_json: JSON.stringify(payload) })
              .where('store_id', '=', row.store_id)
              .where('seq', '=', e.seq)
              .execute();
            done.events++;
          }
        }
        return rows.length;
      });
      done.comments += batch;
      if (batch < BATCH) return done;
      await yieldToOthers();
    }
  }
}
