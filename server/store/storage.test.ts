import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from './storage.ts';
import { openTestStorage } from './testing/test-storage.ts';

describe('storage health', () => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, dispose } = await openTestStorage());
  });
  afterEach(() => dispose());

  it('is reachable and ready once opened, and neither once closed', async () => {
    expect(await storage.reachable()).toBe(true);
    expect(await storage.ready()).toBe(true);
    await storage.close();
    expect(await storage.reachable()).toBe(false);
    expect(await storage.ready()).toBe(false);
  });

  it('is not ready while a migration this code knows has not run', async () => {
    await sql`delete from kysely_migration`.execute(storage.db);
    expect(await storage.reachable()).toBe(true);
    expect(await storage.ready()).toBe(false);
  });
});
