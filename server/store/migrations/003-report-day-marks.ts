import type { Kysely } from 'kysely';

/**
 * Reports keep the figures of closed days in a cache; a mark per store and local day records the
 * store's last `seq` that changed anything the day's figures read (its tickets, their segments and
 * feedback). A cached day whose mark moved is computed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_day_marks')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_day_marks_pk', ['store_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_day_marks').execute();
}
