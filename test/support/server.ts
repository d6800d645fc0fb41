import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type RunningServer, startLinecast } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';
import { RATE_LIMITS_OFF } from '../../server/http/rate-limiter.ts';
import { createTestDatabase, testDatabaseUrl } from '../../server/store/testing/test-databases.ts';
import type { Role } from '../../shared/domain.ts';
import { checkAnswer } from './contract.ts';

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  adminPassword: string;
  server: RunningServer;
  /** Stops the server (sockets drop, the port closes); the data stays for `restart`. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops it and deletes its data. */
  close(): Promise<void>;
  /** A `Cookie` header value for a user with `role` in the demo store (created on first use). */
  cookieFor(role: Role): Promise<string>;
  /** JSON request helper: `api('POST', '/api/…', body, cookie)`; a 2xx answer must match its response schema. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answers
  api(method: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; body: any }>;
}

export const ADMIN_PASSWORD = 'test-admin-password';

/**
 * The real server, in process, on an ephemeral port with a fresh data directory, and a fresh
 * PostgreSQL database when `DATABASE_URL` is set.
 */
export async function startTestServer(
  options: {
    demoHistoryDays?: number;
    clock?: () => number;
    publicUrl?: string;
    commandQueueLimit?: number;
    /** Budgets in force; default all off (see `shared/api/rate-limits.ts`). */
    rateLimits?: ServerConfig['rateLimits'];
    trustProxy?: number;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-test-'));
  const adminUrl = testDatabaseUrl();
  const database = adminUrl ? await createTestDatabase(adminUrl) : undefined;
  const config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: database?.url,
    staticDir: resolve(import.meta.dirname, '../../dist'),
    adminPassword: ADMIN_PASSWORD,
    production: false,
    demoHistoryDays: options.demoHistoryDays ?? 0,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.commandQueueLimit ? { commandQueueLimit: options.commandQueueLimit } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    // Tests send whole days of tickets from one loopback address; those that test limits set them.
    rateLimits: options.rateLimits ?? RATE_LIMITS_OFF,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  };
  let server: RunningServer | undefined = await startLinecast(config);
  const port = server.port;
  const url = `http://127.0.0.1:${port}`;
  const cookies = new Map<Role, string>();

  const api: TestServer['api'] = async (method, path, body, cookie) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    // Every answer a test receives is held to the operation's response schema.
    checkAnswer(method, path, res.status, parsed);
    return { status: res.status, body: parsed };
  };

  const login = async (username: string, password: string) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie');
    return cookie;
  };

  const handle: TestServer = {
    url,
    port,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    get server() {
      if (!server) throw new Error('server is stopped');
      return server;
    },
    async stop() {
      await server?.close();
      server = undefined;
    },
    async restart() {
      await server?.close();
      server = await startLinecast({ ...config, port });
    },
    async close() {
      await server?.close();
      server = undefined;
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
    async cookieFor(role) {
      const known = cookies.get(role);
      if (known) return known;
      const admin = await login('admin', ADMIN_PASSWORD);
      if (role === 'admin') {
        cookies.set(role, admin);
        return admin;
      }
      const username = `test-${role}`;
      const password = `${role}-password-123`;
      const created = await api('POST', '/api/admin/users', { username, password, role, storeIds: ['demo'] }, admin);
      if (created.status !== 201) {
        const direct = handle.server.deps.users;
        if (!(await direct.findByUsername(username))) {
          await direct.create({ username, password, role, storeIds: ['demo'] }, Date.now());
        }
      }
      const cookie = await login(username, password);
      cookies.set(role, cookie);
      return cookie;
    },
    api,
  };
  return handle;
}
