import type { Kysely } from 'kysely';

/**
 * A broadcast may be written in each of the store's languages: the texts go beside `message`
 * (which keeps the English one, so older readers still have a message to show).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('broadcasts').addColumn('message_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('broadcasts').dropColumn('message_json').execute();
}
