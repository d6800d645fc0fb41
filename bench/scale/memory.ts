/**
 * Section `memory`: Linecast started on the large history (≥ 1,000,000 tickets): time from spawn
 * to a healthy /api/health, resident memory idle, and its peak while 1,000 display sockets are
 * connected and tickets are issued.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DisplayPlan } from './display-client.ts';
import { signIn } from './linecast-setup.ts';
import { rssBytes, runClient, startLinecast } from './processes.ts';
import type { BenchSection } from './section.ts';

const MB = 1024 * 1024;

export const memorySection: BenchSection = {
  name: 'memory',
  async run(ctx) {
    if (!ctx.largeHistory) throw new Error('the memory section needs the large history of npm run bench');
    const history = await ctx.largeHistory();
    const displays = ctx.quick ? 100 : 1000;
    ctx.log(`memory: starting Linecast on ${history.dataDir}`);
    const server = await startLinecast(history.dataDir, { timeoutMs: 120_000 });
    try {
      const cookie = await signIn(server.url);
      await sleep(2000);
      const idle = rssBytes(server.pid);
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssBytes(server.pid));
      }, 250);
      try {
        await runClient(
          'bench/scale/display-client.ts',
          {
            base: server.url,
            cookie,
            store: 'demo',
            displays,
            issuePath: '/api/stores/demo/tickets',
            issueBody: { serviceId: 'pickup' },
            rates: [10],
            seconds: ctx.quick ? 3 : 10,
          } satisfies DisplayPlan,
          ctx.log,
          600_000,
        );
      } finally {
        clearInterval(sampler);
      }
      const tickets = Number.isNaN(history.tickets)
        ? 'the given history'
        : `${history.tickets.toLocaleString('en')} tickets`;
      return {
        rows: [
          {
            metric: `start on ${tickets}: spawn → /api/health 200`,
            unit: 's',
            linecast: Math.round(server.startMs / 100) / 10,
            target: '≤ 10',
            met: server.startMs <= 10_000,
          },
          { metric: `RSS idle, ${tickets}`, unit: 'MB', linecast: Math.round(idle / MB) },
          {
            metric: `RSS peak, ${displays} sockets + ${tickets}`,
            unit: 'MB',
            linecast: Math.round(peak / MB),
            target: '≤ 300',
            met: peak <= 300 * MB,
          },
        ],
        details: { dataDir: history.dataDir, tickets: history.tickets, displays, startMs: server.startMs, idle, peak },
      };
    } finally {
      await server.stop();
    }
  },
};
