import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** Names of the SQLite database's indexes, sorted (tests that check none went missing). */
export async function sqliteIndexNames(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'index' order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}
