import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server the integration suite runs against when `DATABASE_URL` is set (an empty
 * value means SQLite). Each test server gets a database of its own on it, so tests stay as
 * independent as they are with a fresh SQLite folder.
 */
export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database `lc_<random>` beside `DATABASE_URL`'s, dropped by `drop()`. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  return ensureDatabase(adminUrl, `lc_${randomBytes(8).toString('hex')}`);
}

/**
 * The database that belongs to a data folder: a server process restarted on the same folder
 * (crash and restart tests) finds the same database again.
 */
export async function databaseForDataDir(adminUrl: string, dataDir: string): Promise<TestDatabase> {
  return ensureDatabase(adminUrl, dataDirDatabase(dataDir));
}

/** The address of the database of `databaseForDataDir` (made by a child server on that folder). */
export function dataDirDatabaseUrl(adminUrl: string, dataDir: string): string {
  return databaseUrl(adminUrl, dataDirDatabase(dataDir));
}

/** Drops the database of `databaseForDataDir`, if it was made. */
export function dropDataDirDatabase(adminUrl: string, dataDir: string): Promise<void> {
  return dropDatabase(adminUrl, dataDirDatabase(dataDir));
}

function dataDirDatabase(dataDir: string): string {
  return `lc_dir_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function ensureDatabase(adminUrl: string, name: string): Promise<TestDatabase> {
  await admin(adminUrl, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } catch (err) {
      // 42P04: it exists already (the same data folder again); 23505: another process made it
      // a moment ago (two nodes started together on one folder).
      const code = (err as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw err;
    }
  });
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => dropDatabase(adminUrl, name),
  };
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(adminUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
