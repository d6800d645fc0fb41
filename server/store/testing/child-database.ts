import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteFile } from '../database.ts';
import { postgresDialect } from '../postgres-dialect.ts';
import type { Database } from '../schema.ts';
import { dataDirDatabaseUrl, testDatabaseUrl } from './test-databases.ts';

/**
 * Reads what a child server (`startChildServer`) stored for `dataDir`, on whichever engine the
 * suite runs: its SQLite file opened read-only, or the PostgreSQL database that belongs to it.
 * @example const n = await readChildDatabase(dataDir, (db) => db.selectFrom('tickets').selectAll().execute());
 */
export async function readChildDatabase<T>(dataDir: string, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const adminUrl = testDatabaseUrl();
  const dialect = adminUrl
    ? postgresDialect(dataDirDatabaseUrl(adminUrl, dataDir), 1)
    : new SqliteDialect({ database: new SQLite(sqliteFile(dataDir), { readonly: true, fileMustExist: true }) });
  const db = new Kysely<Database>({ dialect });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}
