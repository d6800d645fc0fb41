import type { Db } from './database.ts';

export interface RetentionResult {
  comments: number;
  events: number;
}

/**
 * Forgets what customers wrote once a store no longer needs it: feedback comments (in the
 * feedback rows and in the events that recorded them) older than the cut-off are blanked. The
 * scores stay, so satisfaction figures are kept; no row is deleted, so `seq` stays contiguous.
 */
export class RetentionRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async forgetCommentsBefore(cutoff: number): Promise<RetentionResult> {
    return this.#db.transaction().execute(async (trx) => {
      const feedback = await trx
        .updateTable('feedback')
        .set({ comment: null })
        .where('created_at', '<', cutoff)
        .where('comment', 'is not', null)
        .executeTakeFirst();
      const events = await trx
        .selectFrom('events')
        .select(['store_id', 'seq', 'payload_json'])
        .where('type', '=', 'ticket:feedback')
        .where('at', '<', cutoff)
        // Only events that still hold a comment: the scan stays the size of what is left to forget.
        .where('payload_json', 'like', '%"comment":"%')
        .execute();
      let blanked = 0;
      for (const e of events) {
        const payload = JSON.parse(e.payload_json) as { feedback?: { comment?: string } };
        if (!payload.feedback?.comment) continue;
        delete payload.feedback.comment;
        await trx
          .updateTable('events')
          .set({ payload_json: JSON.stringify(payload) })
          .where('store_id', '=', e.store_id)
          .where('seq', '=', e.seq)
          .execute();
        blanked++;
      }
      return { comments: Number(feedback.numUpdatedRows), events: blanked };
    });
  }
}
