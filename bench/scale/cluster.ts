/**
 * Section `cluster`: Linecast on PostgreSQL, two nodes (one database + Redis) against one node
 * measured in the same run. The operations ladder of `operations` spread over the nodes, and
 * fan-out with the displays split over the nodes. Needs `DATABASE_URL` (an admin address: each
 * configuration gets a fresh database beside it, dropped at the end) and `REDIS_URL`; skipped
 * without them. Every request goes to the demo store, so commits serialise on its row lock
 * (docs/multi-node.md): the figure shows what a second node adds to one busy store.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '../../server/store/testing/test-databases.ts';
import type { DisplayPlan, RateResult } from './display-client.ts';
import { openCounters, signIn } from './linecast-setup.ts';
import type { LoadPlan, StepResult } from './load-client.ts';
import { heldRate } from './operations.ts';
import { type Child, runClient, startLinecast } from './processes.ts';
import type { BenchContext, BenchRow, BenchSection } from './section.ts';

interface Measured {
  steps: StepResult[];
  fanout: RateResult[];
}

const FANOUT_RATES = [10, 50];

/** Starts `nodes` Linecast nodes on a fresh database, runs both loads on them, stops them and drops it. */
async function measure(ctx: BenchContext, nodes: number, adminUrl: string, redisUrl: string): Promise<Measured> {
  const label = nodes === 1 ? 'one node' : `${nodes} nodes`;
  const database: TestDatabase = await createTestDatabase(adminUrl);
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    // A prefix of this run's own, so neither configuration nor a neighbour hears the other's hints.
    LINECAST_REDIS_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
  };
  const children: Child[] = [];
  try {
    // One after the other: the first creates the admin and the demo store, the second loads them.
    for (let n = 0; n < nodes; n++)
      children.push(await startLinecast(join(ctx.scratchDir, `cluster-${nodes}-${n}`), { env }));
    const bases = children.map((c) => c.url);
    const pids = children.map((c) => c.pid);
    const cookie = await signIn(bases[0] ?? '');
    const counters = await openCounters(bases[0] ?? '', cookie, 'demo', 40);
    // Let the other nodes catch up with the counters (hint, or the once-a-second comparison).
    await sleep(1500);

    // Lower first steps than `operations`: PostgreSQL's round trips cost more than SQLite's, and
    // the ladder stops at the first step above p99 500 ms.
    const rates = ctx.quick ? [25, 50, 100, 250, 500, 1000] : [25, 50, 100, 250, 500, 1000, 2000, 3000, 4000];
    const seconds = ctx.quick ? 2 : 4;
    ctx.log(`cluster: operations, ${label} on PostgreSQL`);
    const ops = await runClient<{ steps: StepResult[] }>(
      'bench/scale/load-client.ts',
      {
        base: bases[0] ?? '',
        bases,
        cookie,
        issue: { path: '/api/stores/demo/tickets', body: { serviceId: 'pickup' } },
        callNext: '/api/stores/demo/counters/:counter/call-next',
        complete: '/api/stores/demo/counters/:counter/complete',
        counters,
        steps: rates.map((rate) => ({ rate, seconds })),
        stopP99Ms: 500,
        connections: 64,
        serverPid: pids[0] ?? 0,
        serverPids: pids,
      } satisfies LoadPlan,
      ctx.log,
      600_000,
    );

    const displays = ctx.quick ? 100 : 1000;
    ctx.log(`cluster: fan-out, ${displays} displays over ${label}`);
    const fan = await runClient<{ results: RateResult[] }>(
      'bench/scale/display-client.ts',
      {
        base: bases[0] ?? '',
        bases,
        cookie,
        store: 'demo',
        displays,
        issuePath: '/api/stores/demo/tickets',
        issueBody: { serviceId: 'pickup' },
        rates: FANOUT_RATES,
        seconds: ctx.quick ? 3 : 10,
      } satisfies DisplayPlan,
      ctx.log,
      600_000,
    );
    return { steps: ops.steps, fanout: fan.results };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await database.drop();
  }
}

export const clusterSection: BenchSection = {
  name: 'cluster',
  async run(ctx) {
    const adminUrl = process.env.DATABASE_URL;
    const redisUrl = process.env.REDIS_URL;
    if (!adminUrl || !redisUrl) {
      ctx.log('cluster: skipped (set DATABASE_URL=postgres://… and REDIS_URL=redis://… to run it)');
      return { rows: [{ metric: 'skipped: DATABASE_URL and REDIS_URL not set', unit: '', linecast: null }] };
    }
    const one = await measure(ctx, 1, adminUrl, redisUrl);
    const two = await measure(ctx, 2, adminUrl, redisUrl);

    const displays = ctx.quick ? 100 : 1000;
    const rows: BenchRow[] = [
      {
        metric: 'ops/s held with p99 ≤ 50 ms, 2 nodes (ref: 1 node)',
        unit: 'ops/s',
        linecast: heldRate(two.steps),
        reference: heldRate(one.steps),
      },
      {
        // Under load no step may hold p99 ≤ 50 ms; the throughput still compares the two.
        metric: 'ops/s answered, best step, 2 nodes (ref: 1 node)',
        unit: 'ops/s',
        linecast: Math.max(0, ...two.steps.map((s) => s.achievedPerSec)),
        reference: Math.max(0, ...one.steps.map((s) => s.achievedPerSec)),
      },
      {
        metric: `server CPU per op at ${two.steps[0]?.rate ?? 0}/s, all nodes`,
        unit: 'ms',
        linecast: two.steps[0]?.serverCpuMsPerOp ?? null,
        reference: one.steps[0]?.serverCpuMsPerOp ?? null,
      },
    ];
    for (const rate of FANOUT_RATES) {
      const t = two.fanout.find((r) => r.rate === rate);
      const o = one.fanout.find((r) => r.rate === rate);
      rows.push(
        {
          metric: `fan-out ${rate}/s to ${displays} displays on 2 nodes, p50`,
          unit: 'ms',
          linecast: t?.p50Ms ?? null,
          reference: o?.p50Ms ?? null,
        },
        {
          metric: `fan-out ${rate}/s to ${displays} displays on 2 nodes, p99`,
          unit: 'ms',
          linecast: t?.p99Ms ?? null,
          reference: o?.p99Ms ?? null,
        },
        {
          metric: `fan-out ${rate}/s on 2 nodes, events lost (display × ticket, seq gaps)`,
          unit: 'count',
          linecast: t ? t.lost + t.seqGaps : null,
          reference: o ? o.lost + o.seqGaps : null,
          target: '0',
          met: t !== undefined && t.lost + t.seqGaps === 0 && t.issued > 0,
        },
      );
    }
    return { rows, details: { displays, oneNode: one, twoNodes: two } };
  },
};
