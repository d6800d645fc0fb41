import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Storage } from '../storage.ts';
import { createTestDatabase, testDatabaseUrl } from './test-databases.ts';

/**
 * A fresh, migrated `Storage` for a store test: a SQLite file in a new folder, or a new database
 * on `DATABASE_URL` when it is set, so the same test checks either engine.
 * @example const { storage, dispose } = await openTestStorage(); … await dispose();
 */
export async function openTestStorage(): Promise<{ storage: Storage; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-storage-'));
  const adminUrl = testDatabaseUrl();
  const database = adminUrl ? await createTestDatabase(adminUrl) : undefined;
  const storage = await Storage.open({ dataDir, databaseUrl: database?.url });
  return {
    storage,
    async dispose() {
      await storage.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
