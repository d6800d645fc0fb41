import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, type SqliteDatabase, SqliteDialect } from 'kysely';
import type { DialectName } from './dialect.ts';
import * as initial from './migrations/001-initial.ts';
import * as reportIndexes from './migrations/002-report-indexes.ts';
import * as reportDayMarks from './migrations/003-report-day-marks.ts';
import * as loginFailures from './migrations/004-login-failures.ts';
import * as webhooks from './migrations/005-webhooks.ts';
import * as feedbackCommentsIndex from './migrations/006-feedback-comments-index.ts';
import * as localizedBroadcasts from './migrations/007-localized-broadcasts.ts';
import * as media from './migrations/008-media.ts';
import * as reportDayFacts from './migrations/009-report-day-facts.ts';
import { postgresDialect } from './postgres-dialect.ts';
import type { Database } from './schema.ts';

/** Migrations are imported statically so the bundle and tsx see the same list. */
class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001-initial': initial,
      '002-report-indexes': reportIndexes,
      '003-report-day-marks': reportDayMarks,
      '004-login-failures': loginFailures,
      '005-webhooks': webhooks,
      '006-feedback-comments-index': feedbackCommentsIndex,
      '007-localized-broadcasts': localizedBroadcasts,
      '008-media': media,
      '009-report-day-facts': reportDayFacts,
    };
  }
}

export type Db = Kysely<Database>;

/**
 * Where the database is: PostgreSQL when `databaseUrl` is set (`DATABASE_URL`), else the SQLite
 * file `linecast.db` under `dataDir` (`DATA_DIR`, which also holds uploaded media either way).
 */
export interface DatabaseLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** The engine `where` selects. */
export function dialectFor(where: DatabaseLocation): DialectName {
  return where.databaseUrl ? 'postgres' : 'sqlite';
}

/** The SQLite file under a data folder. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'linecast.db');
}

export interface OpenOptions {
  /**
   * A single writer filling a new data folder (the history generator): a big page cache and no
   * fsync. A crash leaves a folder to generate again.
   */
  bulkLoad?: boolean;
}

/** The better-sqlite3 connection behind each database we opened (for statements prepared once). */
const sqliteHandles = new WeakMap<Db, SQLite.Database>();

/** The SQLite connection under `db`, when it is one `openDatabase` opened. */
export function sqliteHandle(db: Db): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

// Migrations are independent of one another; a folder that already ran a later one (work that
// landed in another order) still gets an earlier one it lacks, instead of refusing to start.
const migrator = (db: Db) => new Migrator({ db, provider: new StaticMigrations(), allowUnorderedMigrations: true });

/** Names of migrations this code knows but the database has not run (empty when up to date). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

/** Opens the database `where` selects (creating a SQLite file if needed) and migrates it to the latest schema. */
export async function openDatabase(where: DatabaseLocation, options: OpenOptions = {}): Promise<Db> {
  const db = where.databaseUrl ? openPostgres(where.databaseUrl) : openSqlite(where.dataDir, options);
  try {
    const { error, results } = await migrator(db).migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) throw new Error(`database migration failed: ${failed?.migrationName ?? ''} ${String(error)}`);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

/** A pool per process: commands of different stores, sessions and webhooks run side by side. */
function openPostgres(url: string): Db {
  return new Kysely<Database>({ dialect: postgresDialect(url, 10) });
}

/** The SQLite file under `dataDir`, in WAL mode. */
function openSqlite(dataDir: string, options: OpenOptions): Db {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(sqliteFile(dataDir));
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process (the case we promise); only power loss can
  // drop the last commits, and FULL would cost an fsync per ticket.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (options.bulkLoad) {
    sqlite.pragma('cache_size = -262144');
    sqlite.pragma('synchronous = OFF');
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  sqliteHandles.set(db, sqlite);
  return db;
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a small statement, and
 * the command path and history writes repeat the same few SQL texts. Keeps the most recent
 * prepared statements by SQL text (kysely never streams here, so a statement is never busy twice).
 */
function withStatementCache(sqlite: SQLite.Database, size = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}
