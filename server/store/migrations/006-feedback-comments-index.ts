import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Retention finds the comments still to forget by age: a partial index holds only the rows
 * that still have one, so each hourly pass reads what is left to do, not every feedback row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('feedback_comments_by_age')
    .on('feedback')
    .columns(['created_at'])
    .where(sql.ref('comment'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('feedback_comments_by_age').execute();
}
