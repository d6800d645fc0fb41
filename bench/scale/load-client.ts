/**
 * Open-loop HTTP load for `npm run bench`, in its own process (argv[2]: a LoadPlan as JSON; the
 * result as JSON on stdout). Operation i has its scheduled time t0 + i/rate and its latency runs
 * from that time, so a server that falls behind is charged for the queue it builds. The mix
 * cycles issue → call-next → complete over the counters. `fill` instead issues and calls tickets
 * closed-loop until the day holds `fillTickets` of them. With `bases`, operations go to the
 * nodes in turn (several nodes on one database) and server CPU is summed over `serverPids`.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMs } from './processes.ts';

export interface LoadPlan {
  base: string;
  /** Several nodes: operation i goes to `bases[i % bases.length]` instead of `base`. */
  bases?: string[];
  cookie?: string;
  issue: { path: string; body: unknown };
  /** Paths with `:counter`. */
  callNext: string;
  complete: string;
  counters: string[];
  /** `measureOnly`: a fixed-rate step for CPU per operation, which never stops the ladder. */
  steps: Array<{ rate: number; seconds: number; measureOnly?: boolean }>;
  /** Stop the ladder after a step whose p99 is above this. */
  stopP99Ms: number;
  connections: number;
  /** The server's pid, to read its CPU per step. */
  serverPid: number;
  /** Several nodes: CPU is the sum over these pids instead of `serverPid`'s. */
  serverPids?: number[];
  fillTickets?: number;
  fillMaxSeconds?: number;
}

export interface StepResult {
  rate: number;
  seconds: number;
  scheduled: number;
  ok: number;
  /** 4xx answers (e.g. complete with no ticket at the counter): answered, not failures. */
  rejected: number;
  /** 5xx, network errors and requests unanswered by the end of the drain. */
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  achievedPerSec: number;
  serverCpuMsPerOp: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
const headers = (body: string | undefined) => ({
  ...(plan.cookie ? { cookie: plan.cookie } : {}),
  ...(body !== undefined
    ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
    : {}),
});
const issueBody = JSON.stringify(plan.issue.body);

const bases = plan.bases?.length ? plan.bases : [plan.base];
const pids = plan.serverPids?.length ? plan.serverPids : [plan.serverPid];
const serverCpuMs = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

function post(path: string, body: string | undefined, base = plan.base): Promise<number> {
  return new Promise((done) => {
    const req = request(
      `${base}${path}`,
      { method: 'POST', agent, headers: headers(body), timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', () => done(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
    req.end(body);
  });
}

function operation(i: number): Promise<number> {
  const counter = plan.counters[Math.floor(i / 3) % plan.counters.length] ?? '';
  const base = bases[i % bases.length];
  if (i % 3 === 0) return post(plan.issue.path, issueBody, base);
  return post((i % 3 === 1 ? plan.callNext : plan.complete).replace(':counter', counter), undefined, base);
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function step(rate: number, seconds: number): Promise<StepResult> {
  const total = Math.floor(rate * seconds);
  const latencies: number[] = [];
  let ok = 0;
  let rejected = 0;
  let failed = 0;
  let inFlight = 0;
  const cpuBefore = serverCpuMs();
  const t0 = performance.now() + 20;
  const interval = 1000 / rate;
  let i = 0;
  while (i < total) {
    const now = performance.now();
    while (i < total && t0 + i * interval <= now) {
      const scheduled = t0 + i * interval;
      inFlight++;
      void operation(i).then((status) => {
        inFlight--;
        latencies.push(performance.now() - scheduled);
        if (status >= 200 && status < 300) ok++;
        else if (status >= 400 && status < 500) rejected++;
        else failed++;
      });
      i++;
    }
    await sleep(Math.max(0, Math.min(5, t0 + i * interval - performance.now())));
  }
  const drainUntil = performance.now() + REQUEST_TIMEOUT_MS + 1000;
  while (inFlight > 0 && performance.now() < drainUntil) await sleep(10);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = serverCpuMs() - cpuBefore;
  // Unanswered requests count at the worst latency: they never arrived.
  for (let k = 0; k < inFlight; k++) latencies.push(Number.POSITIVE_INFINITY);
  failed += inFlight;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : -1);
  return {
    rate,
    seconds,
    scheduled: total,
    ok,
    rejected,
    failed,
    p50Ms: round(quantile(latencies, 0.5)),
    p99Ms: round(quantile(latencies, 0.99)),
    maxMs: round(latencies.at(-1) ?? 0),
    achievedPerSec: Math.round((ok + rejected) / elapsed),
    serverCpuMsPerOp: Math.round((cpu / Math.max(1, ok + rejected)) * 1000) / 1000,
  };
}

/** Closed loop, `connections` at a time: issue a ticket, then call the next one at a counter. */
async function fill(tickets: number, maxSeconds: number): Promise<{ tickets: number; seconds: number }> {
  const until = performance.now() + maxSeconds * 1000;
  let issued = 0;
  let next = 0;
  const lane = async () => {
    while (issued < tickets && performance.now() < until) {
      const n = next++;
      if ((await post(plan.issue.path, issueBody)) < 300) issued++;
      await post(plan.callNext.replace(':counter', plan.counters[n % plan.counters.length] ?? ''), undefined);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.connections }, lane));
  return { tickets: issued, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

const result: { steps: StepResult[]; fill?: { tickets: number; seconds: number } } = { steps: [] };
if (plan.fillTickets) result.fill = await fill(plan.fillTickets, plan.fillMaxSeconds ?? 120);
for (const { rate, seconds, measureOnly } of plan.steps) {
  const r = await step(rate, seconds);
  result.steps.push(r);
  process.stderr.write(
    `${rate}/s: p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.achievedPerSec}/s answered, ${r.rejected} rejected, ${r.failed} failed, ${r.serverCpuMsPerOp} ms CPU/op\n`,
  );
  if (!measureOnly && (r.p99Ms < 0 || r.p99Ms > plan.stopP99Ms)) break;
  // Let the server catch up before the next rate.
  await sleep(500);
}
agent.destroy();
process.stdout.write(`${JSON.stringify(result)}\n`);
