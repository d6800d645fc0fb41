/**
 * Child processes of the scale bench: the real Linecast server (built JavaScript, as `npm start`
 * runs it), the bare reference stack and the load clients, each in its own process so none
 * shares another's event loop. CPU and memory are read from /proc (Linux).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ADMIN_PASSWORD = 'bench-admin-password';
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface Child {
  url: string;
  pid: number;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** User + system CPU the process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Resident set size now, in bytes. */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** Compiles the server as `npm start` does (scripts/build-server.mjs). */
export function buildServer(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

async function waitHealthy(child: Child, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`server exited early:\n${child.output()}`);
    try {
      const res = await fetch(`${child.url}/api/health`);
      if (res.ok) return performance.now() - started;
    } catch {}
    if (performance.now() - started > timeoutMs)
      throw new Error(`server not healthy in ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function spawnChild(args: string[], env: Record<string, string>, url: string): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    url,
    pid: child.pid ?? 0,
    process: child,
    output: () => printed,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** `node dist/server/main.js` on a free port of 127.0.0.1, healthy; `startMs` is spawn → /api/health 200. */
export async function startLinecast(
  dataDir: string,
  /** `env`: added to (and overriding) the defaults, e.g. `DATABASE_URL` and `REDIS_URL` for a node of several. */
  options: { timeoutMs?: number; execArgv?: string[]; env?: Record<string, string> } = {},
): Promise<Child & { startMs: number }> {
  const port = await freePort();
  const child = spawnChild(
    [...(options.execArgv ?? []), 'dist/server/main.js'],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LINECAST_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LINECAST_DEMO_HISTORY_DAYS: '0',
      // The load generator sends a chain's tickets from one address; phones' budgets would refuse it.
      LINECAST_RATE_LIMITS: 'off',
      ...options.env,
    },
    `http://127.0.0.1:${port}`,
  );
  const startMs = await waitHealthy(child, options.timeoutMs ?? 60_000);
  return { ...child, startMs };
}

/** The bare reference stack (bench/scale/bare-server.ts) in its own process. */
export async function startBare(dataDir: string): Promise<Child> {
  const port = await freePort();
  const child = spawnChild(
    ['--import', 'tsx', 'bench/scale/bare-server.ts'],
    { PORT: String(port), DATA_DIR: dataDir },
    `http://127.0.0.1:${port}`,
  );
  await waitHealthy(child, 60_000);
  return child;
}

/**
 * Runs a TypeScript client script in its own process with `input` as JSON in argv, and resolves
 * with the JSON it prints last on stdout. Progress on its stderr goes to `log`.
 */
export function runClient<T>(
  script: string,
  input: unknown,
  log: (line: string) => void,
  timeoutMs: number,
): Promise<T> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(input)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      const lines = err.split('\n');
      err = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(`  ${line}`);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1);
      if (code !== 0 || !last) return reject(new Error(`${script} failed (${code}): ${err}${out.slice(-2000)}`));
      try {
        done(JSON.parse(last) as T);
      } catch (error) {
        reject(error);
      }
    });
  });
}
