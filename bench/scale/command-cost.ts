import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ADMIN_PASSWORD, type ServerMessage, type ServerReply } from './command-cost-server.ts';
import type { BenchContext, BenchRow, BenchSection, SectionResult } from './section.ts';

/**
 * Server CPU per command as the day fills: the real server in a child process, an
 * issue / call-next / complete mix over HTTP (a few requests in flight, closed loop), CPU read
 * with `process.cpuUsage()` in the server before and after. Run alone:
 * `npx tsx bench/scale/command-cost.ts [--quick] [--profile DIR]` (`--profile` passes
 * `--cpu-prof` to the server process, one profile per day size).
 */

const SIZES = [0, 20_000];
const IN_FLIGHT = 4;

interface Measured {
  tickets: number;
  ops: number;
  cpuMsPerOp: number;
  wallMsPerOp: number;
}

class ChildServer {
  readonly #child: ChildProcess;
  readonly #replies: ServerReply[] = [];
  #wake: (() => void) | undefined;

  constructor(profileDir: string | undefined) {
    const execArgv = ['--import', 'tsx'];
    if (profileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
    this.#child = fork(resolve(import.meta.dirname, 'command-cost-server.ts'), [], {
      execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.#child.on('message', (reply: ServerReply) => {
      this.#replies.push(reply);
      this.#wake?.();
    });
    this.#child.on('exit', () => this.#wake?.());
  }

  async next<T extends ServerReply['type']>(type: T, timeoutMs = 300_000): Promise<Extract<ServerReply, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const reply = this.#replies.shift();
      if (reply?.type === 'error') throw new Error(`server: ${reply.message}`);
      if (reply?.type === type) return reply as Extract<ServerReply, { type: T }>;
      if (reply) continue;
      if (this.#child.exitCode !== null) throw new Error('server process exited');
      await new Promise<void>((wake) => {
        this.#wake = wake;
        setTimeout(wake, 1000).unref();
      });
    }
    throw new Error(`no ${type} from the server in ${timeoutMs} ms`);
  }

  send(message: ServerMessage): void {
    this.#child.send(message);
  }

  async cpuMs(): Promise<number> {
    this.send({ type: 'cpu' });
    const { usage } = await this.next('cpu');
    return (usage.user + usage.system) / 1000;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((done) => this.#child.once('exit', () => done()));
    this.send({ type: 'stop' });
    await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }
}

async function request(url: string, method: string, path: string, cookie?: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

/** One round of the mix at `counter`: a ticket joins, the counter calls the next, then finishes. */
async function round(url: string, cookie: string, counter: string): Promise<void> {
  const issued = await request(url, 'POST', '/api/stores/demo/tickets', undefined, { serviceId: 'pickup' });
  if (issued.status !== 201) throw new Error(`issue: ${issued.status} ${issued.text}`);
  const called = await request(url, 'POST', `/api/stores/demo/counters/${counter}/call-next`, cookie, {});
  if (called.status !== 200) throw new Error(`call-next: ${called.status} ${called.text}`);
  const done = await request(url, 'POST', `/api/stores/demo/counters/${counter}/complete`, cookie, {});
  // 409 when the call found nobody (another round took the last ticket): still a command served.
  if (done.status !== 200 && done.status !== 409) throw new Error(`complete: ${done.status} ${done.text}`);
}

async function rounds(url: string, cookie: string, count: number): Promise<void> {
  let next = 0;
  const worker = async (lane: number) => {
    while (next < count) {
      next++;
      await round(url, cookie, `c${lane + 1}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, lane) => worker(lane)));
}

async function measure(tickets: number, quick: boolean, profileDir: string | undefined, log: (line: string) => void) {
  const server = new ChildServer(profileDir);
  try {
    const { url } = await server.next('ready');
    if (tickets > 0) {
      log(`command-cost: filling the day with ${tickets} tickets…`);
      server.send({ type: 'fill', tickets });
      await server.next('filled');
    }
    const login = await request(url, 'POST', '/api/auth/login', undefined, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    if (!login.cookie) throw new Error(`login failed: ${login.status}`);
    const cookie = login.cookie;
    for (let c = 1; c <= IN_FLIGHT; c++) await request(url, 'POST', `/api/stores/demo/counters/c${c}/open`, cookie, {});
    // A few people always waiting, as in a store that keeps up.
    for (let i = 0; i < 20; i++)
      await request(url, 'POST', '/api/stores/demo/tickets', undefined, { serviceId: i % 2 ? 'pickup' : 'returns' });
    await rounds(url, cookie, quick ? 100 : 300);
    const count = quick ? 200 : 1000;
    const cpuBefore = await server.cpuMs();
    const started = performance.now();
    await rounds(url, cookie, count);
    const wall = performance.now() - started;
    const cpu = (await server.cpuMs()) - cpuBefore;
    const ops = count * 3;
    const result: Measured = { tickets, ops, cpuMsPerOp: cpu / ops, wallMsPerOp: wall / ops };
    log(
      `command-cost: ${tickets} tickets in the day: ${result.cpuMsPerOp.toFixed(3)} ms CPU/op (${ops} ops, ${result.wallMsPerOp.toFixed(3)} ms wall/op)`,
    );
    return result;
  } finally {
    await server.stop();
  }
}

async function run(ctx: BenchContext, profileDir?: string): Promise<SectionResult> {
  const results: Measured[] = [];
  for (const tickets of SIZES) results.push(await measure(tickets, ctx.quick, profileDir, ctx.log));
  const [empty, full] = results;
  const ratio = empty && full ? full.cpuMsPerOp / empty.cpuMsPerOp : null;
  const rows: BenchRow[] = results.map((r) => ({
    metric: `server CPU per operation, ${r.tickets} tickets in the day`,
    unit: 'ms',
    linecast: Number(r.cpuMsPerOp.toFixed(3)),
  }));
  rows.push({
    metric: 'CPU per operation at 20,000 tickets ÷ at 0',
    unit: '×',
    linecast: ratio === null ? null : Number(ratio.toFixed(2)),
    target: '≤ 1.2',
    met: ratio !== null && ratio <= 1.2,
  });
  return { rows, details: { results, inFlight: IN_FLIGHT, mix: 'issue / call-next / complete' } };
}

export const commandCost: BenchSection = { name: 'command-cost', run: (ctx) => run(ctx) };

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('command-cost.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--profile');
  const profileDir = at >= 0 ? resolve(args[at + 1] ?? 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const result = await run(
    { quick: args.includes('--quick'), scratchDir: '', log: (line) => console.error(line) },
    profileDir,
  );
  for (const row of result.rows) console.log(`${row.metric}: ${row.linecast} ${row.unit}`);
}
