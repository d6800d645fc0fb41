/**
 * Section `operations`: the issue / call-next / complete mix over HTTP at rising rates (open
 * loop), on Linecast and on the bare stack in the same run; the highest rate each holds with
 * p99 ≤ 50 ms; Linecast's server CPU per operation with an empty day and with 20,000 tickets.
 */
import { join } from 'node:path';
import { openCounters, signIn } from './linecast-setup.ts';
import type { LoadPlan, StepResult } from './load-client.ts';
import { runClient, startBare, startLinecast } from './processes.ts';
import type { BenchRow, BenchSection } from './section.ts';

const P99_LIMIT_MS = 50;
const CLIENT = 'bench/scale/load-client.ts';

/** Highest offered rate answered in full (no failures, ≥ 95 % of the rate) with p99 ≤ 50 ms. */
export function heldRate(steps: StepResult[]): number {
  let best = 0;
  for (const s of steps)
    if (s.p99Ms >= 0 && s.p99Ms <= P99_LIMIT_MS && s.failed === 0 && s.achievedPerSec >= 0.95 * s.rate)
      best = Math.max(best, s.rate);
  return best;
}

export const operationsSection: BenchSection = {
  name: 'operations',
  async run(ctx) {
    // Up to 6,000/s: past the bare stack's capacity on this machine, so its rate held is not cut short by the ladder.
    const rates = ctx.quick ? [250, 1000] : [250, 500, 1000, 2000, 3000, 4000, 5000, 6000];
    const seconds = ctx.quick ? 2 : 4;
    const cpuStep = { rate: 200, seconds: ctx.quick ? 2 : 5, measureOnly: true };
    const fillTickets = ctx.quick ? 2_000 : 20_000;
    const ladder = rates.map((rate) => ({ rate, seconds }));
    const common = { stopP99Ms: 500, connections: 64 };

    ctx.log('operations: Linecast (node dist/server/main.js)');
    const linecast = await startLinecast(join(ctx.scratchDir, 'operations-linecast'));
    let lc: { steps: StepResult[] };
    let lcFull: { steps: StepResult[]; fill?: { tickets: number; seconds: number } };
    try {
      const cookie = await signIn(linecast.url);
      const counters = await openCounters(linecast.url, cookie, 'demo', 40);
      const plan: LoadPlan = {
        ...common,
        base: linecast.url,
        cookie,
        issue: { path: '/api/stores/demo/tickets', body: { serviceId: 'pickup' } },
        callNext: '/api/stores/demo/counters/:counter/call-next',
        complete: '/api/stores/demo/counters/:counter/complete',
        counters,
        steps: [cpuStep, ...ladder],
        serverPid: linecast.pid,
      };
      lc = await runClient(CLIENT, plan, ctx.log, 600_000);
      ctx.log(`operations: filling the day to ${fillTickets} tickets`);
      lcFull = await runClient(
        CLIENT,
        { ...plan, connections: 16, steps: [cpuStep], fillTickets, fillMaxSeconds: ctx.quick ? 60 : 240 },
        ctx.log,
        600_000,
      );
    } finally {
      await linecast.stop();
    }

    ctx.log('operations: bare stack (Hono + better-sqlite3 + socket.io)');
    const bare = await startBare(join(ctx.scratchDir, 'operations-bare'));
    let br: { steps: StepResult[] };
    try {
      br = await runClient(
        CLIENT,
        {
          ...common,
          base: bare.url,
          issue: { path: '/tickets', body: { serviceId: 'pickup' } },
          callNext: '/counters/:counter/call-next',
          complete: '/counters/:counter/complete',
          counters: Array.from({ length: 40 }, (_, i) => `c${i + 1}`),
          steps: [cpuStep, ...ladder],
          serverPid: bare.pid,
        } satisfies LoadPlan,
        ctx.log,
        600_000,
      );
    } finally {
      await bare.stop();
    }

    const held = heldRate(lc.steps.slice(1));
    const bareHeld = heldRate(br.steps.slice(1));
    const cpu0 = lc.steps[0]?.serverCpuMsPerOp ?? null;
    const cpuFull = lcFull.steps[0]?.serverCpuMsPerOp ?? null;
    const dayTickets = lcFull.fill?.tickets ?? 0;
    const rows: BenchRow[] = [
      {
        metric: 'ops/s held with p99 ≤ 50 ms',
        unit: 'ops/s',
        linecast: held,
        reference: bareHeld,
        target: '≥ 2000 and ≥ 0.5× bare',
        met: held >= 2000 && held >= 0.5 * bareHeld,
      },
      {
        metric: 'server CPU per op, empty day',
        unit: 'ms',
        linecast: cpu0,
        reference: br.steps[0]?.serverCpuMsPerOp ?? null,
      },
      {
        metric: `server CPU per op, ${dayTickets.toLocaleString('en')} tickets in the day`,
        unit: 'ms',
        linecast: cpuFull,
        target: '≤ 1.2× empty day',
        met: cpu0 !== null && cpuFull !== null && dayTickets >= fillTickets && cpuFull <= 1.2 * cpu0,
      },
    ];
    return { rows, details: { linecast: lc.steps, linecastFullDay: lcFull, bare: br.steps } };
  },
};
