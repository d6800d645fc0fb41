// `npm run restore -- --from BACKUP_DIR --into DATA_DIR`: lays a backup into a new data folder.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDataDir } from '../server/store/backup.ts';

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
