// `npm run restore -- --from BACKUP_DIR --into DATA_DIR`: lays a backup into a new data folder.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDataDir } from '../server/store/backup.ts';

if (process.env.DATABASE_URL) {
  console.error(
    'Restore failed: DATABASE_URL is set, so the database is PostgreSQL: restore it with pg_restore or psql (README "Operating Linecast"); this script lays out a SQLite data folder.',
  );
  process.exit(2);
}
const { values } = parseArgs({ options: { from: { type: 'string' }, into: { type: 'string' } } });
if (!values.from || !values.into) {
  console.error('Usage: npm run restore -- --from BACKUP_DIR --into NEW_DATA_DIR');
  process.exit(2);
}
try {
  restoreDataDir(resolve(values.from), resolve(values.into));
  console.log(`Restored ${values.from} into ${values.into}. Start the server with DATA_DIR=${values.into}.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
