import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from './storage.ts';

describe('storage health', () => {
  let dir: string;
  let storage: Storage;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linecast-storage-'));
    storage = await Storage.open(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
    await storage.close();
  });
});
