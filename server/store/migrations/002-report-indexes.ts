import type { Kysely } from 'kysely';

/**
 * Reports read two kinds of events by time: `ticket:cancelled` (when someone left, for the
 * service level) and `counter:updated` (counter status history, for idle time). Without this
 * index each report would scan every event of the store.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_store_type_at').on('events').columns(['store_id', 'type', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_store_type_at').execute();
}
