import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../server/store/testing/test-databases.ts';
import { type ChildServer, startChildServer } from '../support/child-server.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Runs one of the project's npm scripts the way an operator would. */
async function npmRun(script: string, args: string[], env: Record<string, string> = {}) {
  return run('npm', ['run', '-s', script, '--', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

// The scripts copy a SQLite data folder; on PostgreSQL pg_dump is the tool, and they say so.
describe.skipIf(testDatabaseUrl())('npm run backup, then npm run restore into a fresh data folder', () => {
  let original: TestServer;
  let restored: ChildServer | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'linecast-backup-'));
  const backupDir = join(scratch, 'backup');
  const restoredDir = join(scratch, 'restored');
  let mediaUrl = '';

  beforeAll(async () => {
    original = await startTestServer({ demoHistoryDays: 2 });
    const admin = await original.cookieFor('admin');
    for (const c of ['c1', 'c2'])
      expect((await original.api('POST', `/api/stores/demo/counters/${c}/open`, {}, admin)).status).toBe(200);
    for (const serviceId of ['pickup', 'returns', 'pickup', 'personalisation', 'returns'])
      expect((await original.api('POST', '/api/stores/demo/tickets', { serviceId })).status).toBe(201);
    expect((await original.api('POST', '/api/stores/demo/counters/c1/call-next', {}, admin)).status).toBe(200);
    expect((await original.api('POST', '/api/stores/demo/counters/c2/call-next', {}, admin)).status).toBe(200);
    const upload = await fetch(`${original.url}/api/admin/stores/demo/signage/media`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'image/png', origin: original.url },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    mediaUrl = ((await upload.json()) as { url: string }).url;
  }, 240_000);

  afterAll(async () => {
    await restored?.kill();
    await original?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives a server whose line, reports and media equal the original’s', { timeout: 120_000 }, async () => {
    // The backup is taken while the original server keeps running.
    const backup = await npmRun('backup', ['--into', backupDir], { DATA_DIR: original.dataDir });
    expect(backup.stdout).toContain('database with 1 uploaded media');
    await npmRun('restore', ['--from', backupDir, '--into', restoredDir]);
    restored = await startChildServer({ dataDir: restoredDir, adminPassword: 'not-used-on-a-restored-folder' });

    const read = async (base: string, path: string, cookie?: string) => {
      const res = await fetch(base + path, cookie ? { headers: { cookie } } : {});
      expect(res.status, path).toBe(200);
      return res.json();
    };
    // Predicted waits are re-simulated at each read: everything else must be equal.
    const withoutWait = (t: Record<string, unknown>) => ({ ...t, wait: undefined });
    const queue = (base: string) =>
      read(base, '/api/stores/demo/queue').then((q) => ({
        ...q,
        waits: undefined,
        at: undefined,
        waiting: q.waiting.map(withoutWait),
        called: q.called.map(withoutWait),
      }));
    expect(await queue(restored.url)).toEqual(await queue(original.url));

    // The admin signs in on the restored server with the original password: users came along.
    const login = await fetch(`${restored.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const restoredAdmin = login.headers.get('set-cookie')!.split(';')[0]!;
    const admin = await original.cookieFor('admin');
    // Closed days only: figures of today's open line count up to the moment they are read.
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const summary = `/api/stores/demo/reports/summary?from=${day(3)}&to=${day(1)}`;
    const report = async (base: string, cookie: string) => ({ ...(await read(base, summary, cookie)), generatedAt: 0 });
    const [a, b] = [await report(original.url, admin), await report(restored.url, restoredAdmin)];
    expect(a.overall.issued).toBeGreaterThan(100);
    expect(b).toEqual(a);

    const media = await fetch(restored.url + mediaUrl);
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer())).toEqual(PNG);
  });

  it('refuses to restore over a folder that already holds a database', async () => {
    await expect(npmRun('restore', ['--from', backupDir, '--into', original.dataDir])).rejects.toMatchObject({
      stderr: expect.stringContaining('already holds a database'),
    });
  });
});

describe.runIf(testDatabaseUrl())('npm run backup and restore on PostgreSQL', () => {
  it('refuse, and name pg_dump and pg_restore instead', async () => {
    const env = { DATABASE_URL: testDatabaseUrl() ?? '' };
    await expect(npmRun('backup', ['--into', join(tmpdir(), 'linecast-never-written')], env)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pg_dump'),
    });
    await expect(npmRun('restore', ['--from', tmpdir(), '--into', join(tmpdir(), 'x')], env)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pg_restore'),
    });
  });
});
