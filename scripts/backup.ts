// `npm run backup -- --into DIR`: an online backup of DATA_DIR (database + media) while the server runs.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDataDir } from '../server/store/backup.ts';

if (process.env.DATABASE_URL) {
  console.error(
    'Backup failed: DATABASE_URL is set, so the database is PostgreSQL: back it up with pg_dump (README "Operating Linecast"); this script copies a SQLite data folder.',
  );
  process.exit(2);
}
const { values } = parseArgs({ options: { into: { type: 'string' }, 'data-dir': { type: 'string' } } });
const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const into = resolve(values.into ?? `./backups/linecast-${stamp}`);
try {
  const result = await backupDataDir(dataDir, into);
  const older = result.mediaFiles > 0 ? `, plus ${result.mediaFiles} media files from before media moved into it` : '';
  console.log(`Backed up ${dataDir} into ${into} (database with ${result.media} uploaded media${older}).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
