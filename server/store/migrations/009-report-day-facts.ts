import type { Kysely } from 'kysely';

/**
 * The facts of closed days (`server/reports/day-facts.ts`), kept once computed so that a report
 * over months after a restart reads a row per day instead of every ticket again. Each row holds
 * the day's mark (`report_day_marks.seq`) it was computed at and what else it depends on
 * (`basis`: format version, time zone, target); a row whose mark moved since, or whose basis
 * differs, is computed again and replaced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_day_facts')
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('facts_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_day_facts_pk', ['store_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_day_facts').execute();
}
