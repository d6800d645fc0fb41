import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { databaseForDataDir, dropDataDirDatabase, testDatabaseUrl } from '../../server/store/testing/test-databases.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A port nobody listens on right now: bind port 0, read the port, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs the real server as its own process (`node dist/server/main.js`, as `npm start` does;
 * the test setup compiles it) on a free port with `dataDir`, and waits until `/api/health` answers.
 * When `DATABASE_URL` is set the process stores in the PostgreSQL database that belongs to
 * `dataDir` (the same one again after a restart); `removeChildData` deletes both.
 * @example const child = await startChildServer({ dataDir, adminPassword: 'secret-password' });
 */
export async function startChildServer(options: {
  dataDir: string;
  adminPassword: string;
  timeoutMs?: number;
  /** More environment for the process (e.g. `LOG_LEVEL`). */
  env?: Record<string, string>;
}): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const adminUrl = testDatabaseUrl();
  const database = adminUrl ? await databaseForDataDir(adminUrl, options.dataDir) : undefined;
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      DATABASE_URL: database?.url ?? '',
      LINECAST_ADMIN_PASSWORD: options.adminPassword,
      LINECAST_DEMO_HISTORY_DAYS: '0',
      // Load and crash tests send whole days of tickets from one loopback address.
      LINECAST_RATE_LIMITS: 'off',
      // One process alone unless a test gives it Redis (with a prefix of its own).
      REDIS_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const handle: ChildServer = {
    url,
    port,
    dataDir: options.dataDir,
    process: child,
    output: () => printed,
    async kill(signal = 'SIGTERM') {
      if (!gone) child.kill(signal);
      await exited;
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 45_000);
  for (;;) {
    if (gone) throw new Error(`the server exited before it was healthy:\n${printed}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return handle;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.kill('SIGKILL');
      throw new Error(`the server did not become healthy in time:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Deletes a child server's data folder and, on PostgreSQL, the database that belongs to it. */
export async function removeChildData(dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  const adminUrl = testDatabaseUrl();
  if (adminUrl) await dropDataDirDatabase(adminUrl, dataDir);
}
