import { type Db, sqliteHandle } from './database.ts';

/** The tables a history import fills. */
const HISTORY_TABLES = ['events', 'tickets', 'service_segments', 'feedback'];

/** Indexes the import's own writes read (a segment is closed by its ticket id): kept throughout. */
const READ_WHILE_WRITING = ['segments_ticket'];

/**
 * Runs `work` (a single writer filling a new SQLite database with history) with the history
 * tables' secondary indexes dropped, then builds them again from their own SQL. Kept up to date row
 * by row, they cost about a third of the write; built once at the end, they sort in a few
 * seconds. The rows are the same either way; a unique index that no longer builds fails the
 * import at the end instead of at the row. Keys the tables are stored by (primary keys,
 * `unique` columns) stay. Elsewhere (PostgreSQL) `work` just runs.
 */
export async function withIndexesDeferred<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const sqlite = sqliteHandle(db);
  if (!sqlite) return work();
  const placeholders = HISTORY_TABLES.map(() => '?').join(', ');
  const deferred = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${placeholders})`,
    )
    .all(...HISTORY_TABLES) as Array<{ name: string; sql: string }>;
  const dropped = deferred.filter((i) => !READ_WHILE_WRITING.includes(i.name));
  for (const i of dropped) sqlite.exec(`drop index "${i.name}"`);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // A failed import leaves a folder to generate again; it should not also lack its indexes.
    for (const i of dropped)
      try {
        sqlite.exec(i.sql);
      } catch {}
    throw error;
  }
  sqlite.transaction(() => {
    for (const i of dropped) sqlite.exec(i.sql);
  })();
  return result;
}
