import { sql } from 'kysely';
import { type Db, openDatabase } from '../database.ts';
import { dataDirDatabaseUrl, testDatabaseUrl } from './test-databases.ts';

/**
 * Every row of every table but `sessions` (signing in and being seen touch them) and
 * `login_failures` (a wrong password is remembered on purpose, by the throttle), in a stable
 * order: two equal fingerprints mean nothing was written in between. Rows are sorted by their
 * JSON, which both engines can do (PostgreSQL has no `rowid`).
 */
export async function tableFingerprint(db: Db) {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const rows: Record<string, unknown[]> = {};
  for (const name of tables) {
    if (name === 'sessions' || name === 'login_failures') continue;
    const all = (await sql`select * from ${sql.table(name)}`.execute(db)).rows;
    rows[name] = all
      .map((row) => [JSON.stringify(row), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
  const events = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('maxSeq')])
    .executeTakeFirstOrThrow();
  const counts = Object.fromEntries(Object.entries(rows).map(([name, r]) => [name, r.length]));
  return { events, counts, rows };
}

/**
 * The fingerprint of the database a server process on `dataDir` uses (its SQLite file, or under
 * `DATABASE_URL` the PostgreSQL database that belongs to the folder), read over a connection of
 * its own while that server runs.
 */
export async function dataDirFingerprint(dataDir: string) {
  const adminUrl = testDatabaseUrl();
  const db = await openDatabase({ dataDir, databaseUrl: adminUrl && dataDirDatabaseUrl(adminUrl, dataDir) });
  try {
    return await tableFingerprint(db);
  } finally {
    await db.destroy();
  }
}
