import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const DB_FILE = 'linecast.db';
const MEDIA_DIR = 'media';

export interface BackupResult {
  database: string;
  /** Uploaded media in the backed-up database. */
  media: number;
  /** Media files from versions that kept them beside the database (copied too). */
  mediaFiles: number;
}

/**
 * Copies a data folder into an empty backup folder while the server may be running: the
 * database through SQLite's online backup (a consistent snapshot, WAL included, without
 * stopping writers; uploaded media are in it), then the media files older versions kept beside
 * it. Those files are never changed, so a copy taken after the snapshot holds all it refers to.
 * @example await backupDataDir('./data', './backups/2026-11-30')
 */
export async function backupDataDir(dataDir: string, intoDir: string): Promise<BackupResult> {
  const source = join(dataDir, DB_FILE);
  if (!existsSync(source)) throw new Error(`No Linecast database in ${dataDir}.`);
  assertEmpty(intoDir, 'backup');
  mkdirSync(intoDir, { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  const database = join(intoDir, DB_FILE);
  try {
    await db.backup(database);
  } finally {
    db.close();
  }
  const copy = new SQLite(database, { readonly: true, fileMustExist: true });
  let uploaded: number;
  try {
    uploaded = (copy.prepare('select count(*) as n from media').get() as { n: number }).n;
  } finally {
    copy.close();
  }
  const media = join(dataDir, MEDIA_DIR);
  let mediaFiles = 0;
  if (existsSync(media)) {
    cpSync(media, join(intoDir, MEDIA_DIR), { recursive: true });
    mediaFiles = countFiles(join(intoDir, MEDIA_DIR));
  }
  return { database, media: uploaded, mediaFiles };
}

/**
 * Lays a backup into a data folder that has no database yet (never over a live one); start
 * the server on that folder afterwards.
 * @example restoreDataDir('./backups/2026-11-30', './data-restored')
 */
export function restoreDataDir(fromDir: string, dataDir: string): void {
  if (!existsSync(join(fromDir, DB_FILE))) throw new Error(`No ${DB_FILE} in ${fromDir}: not a Linecast backup.`);
  if (existsSync(join(dataDir, DB_FILE)))
    throw new Error(`${dataDir} already holds a database: restore into a new, empty data folder.`);
  mkdirSync(dataDir, { recursive: true });
  // Check the copy before anyone serves from it.
  const check = new SQLite(join(fromDir, DB_FILE), { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup's database is damaged: ${String(result)}`);
  } finally {
    check.close();
  }
  cpSync(join(fromDir, DB_FILE), join(dataDir, DB_FILE));
  if (existsSync(join(fromDir, MEDIA_DIR)))
    cpSync(join(fromDir, MEDIA_DIR), join(dataDir, MEDIA_DIR), { recursive: true });
}

function assertEmpty(dir: string, what: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`The ${what} folder ${dir} is not empty.`);
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  return n;
}
