import { sql } from 'kysely';
import { type Db, openDatabase } from '../database.ts';

/**
 * Every row of every table but `sessions` (signing in and being seen touch them) and
 * `login_failures` (a wrong password is remembered on purpose, by the throttle), in a stable
 * order: two equal fingerprints mean nothing was written in between.
 */
export async function tableFingerprint(db: Db) {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
    db,
  );
  const rows: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    if (name === 'sessions' || name === 'login_failures') continue;
    rows[name] = (await sql`select * from ${sql.table(name)} order by rowid`.execute(db)).rows;
  }
  const events = await sql<{
    n: number;
    maxSeq: number | null;
  }>`select count(*) as n, max(seq) as maxSeq from events`.execute(db);
  const counts = Object.fromEntries(Object.entries(rows).map(([name, r]) => [name, r.length]));
  return { events: events.rows[0], counts, rows };
}

/**
 * The fingerprint of the database in `dataDir`, read over a connection of its own: for a server
 * running in another process, whose file WAL mode lets us read while it writes.
 */
export async function dataDirFingerprint(dataDir: string) {
  const db = await openDatabase(dataDir);
  try {
    return await tableFingerprint(db);
  } finally {
    await db.destroy();
  }
}
