/**
 * Section `fanout`: 1,000 display sockets in one store's public room, tickets issued at 10 and
 * at 50 per second; latency from each HTTP request's send to its receipt on every display, on
 * Linecast and on bare socket.io (same payload size) in the same run. Plus the board latency in
 * Chromium (call → number rendered).
 */
import { join } from 'node:path';
import { type BoardLatency, boardLatency } from './board-latency.ts';
import type { DisplayPlan, RateResult } from './display-client.ts';
import { openCounters, signIn } from './linecast-setup.ts';
import { runClient, startBare, startLinecast } from './processes.ts';
import type { BenchRow, BenchSection } from './section.ts';

const CLIENT = 'bench/scale/display-client.ts';

export const fanoutSection: BenchSection = {
  name: 'fanout',
  async run(ctx) {
    const displays = ctx.quick ? 100 : 1000;
    const seconds = ctx.quick ? 3 : 10;
    const rates = [10, 50];

    ctx.log(`fanout: Linecast, ${displays} displays`);
    const linecast = await startLinecast(join(ctx.scratchDir, 'fanout-linecast'));
    let lc: { results: RateResult[] };
    let board: BoardLatency;
    try {
      const cookie = await signIn(linecast.url);
      const [counter] = await openCounters(linecast.url, cookie, 'demo', 1);
      lc = await runClient(
        CLIENT,
        {
          base: linecast.url,
          cookie,
          store: 'demo',
          displays,
          issuePath: '/api/stores/demo/tickets',
          issueBody: { serviceId: 'pickup' },
          rates,
          seconds,
          serverPids: [linecast.pid],
          batch: true,
        } satisfies DisplayPlan,
        ctx.log,
        600_000,
      );
      ctx.log('fanout: board latency in Chromium');
      board = await boardLatency(linecast.url, cookie, counter ?? 'c1', ctx.quick ? 3 : 20);
    } finally {
      await linecast.stop();
    }

    ctx.log(`fanout: bare socket.io, ${displays} displays`);
    const bare = await startBare(join(ctx.scratchDir, 'fanout-bare'));
    let br: { results: RateResult[]; pad: number };
    try {
      br = await runClient(
        CLIENT,
        {
          base: bare.url,
          store: 'bench',
          displays,
          issuePath: '/tickets',
          issueBody: { serviceId: 'pickup' },
          rates,
          seconds,
          serverPids: [bare.pid],
          padToBytes: lc.results[0]?.payloadBytes ?? 0,
        } satisfies DisplayPlan,
        ctx.log,
        600_000,
      );
    } finally {
      await bare.stop();
    }

    const at = (list: RateResult[], rate: number) => list.find((r) => r.rate === rate);
    const rows: BenchRow[] = [];
    for (const rate of rates) {
      const l = at(lc.results, rate);
      const b = at(br.results, rate);
      const p99 = l?.p99Ms ?? null;
      const refP99 = b?.p99Ms ?? null;
      const within2x = p99 !== null && refP99 !== null && p99 <= 2 * refP99;
      rows.push(
        {
          metric: `fan-out ${rate}/s to ${displays} displays, p50`,
          unit: 'ms',
          linecast: l?.p50Ms ?? null,
          reference: b?.p50Ms ?? null,
        },
        {
          metric: `fan-out ${rate}/s to ${displays} displays, p99`,
          unit: 'ms',
          linecast: p99,
          reference: refP99,
          target: rate === 10 ? '≤ 100 and ≤ 2× bare' : '≤ 2× bare',
          met: rate === 10 ? within2x && p99 !== null && p99 <= 100 : within2x,
        },
        {
          metric: `fan-out ${rate}/s, events lost (display × ticket, seq gaps)`,
          unit: 'count',
          linecast: l ? l.lost + l.seqGaps : null,
          reference: b ? b.lost + b.seqGaps : null,
          target: '0',
          met: l !== undefined && l.lost + l.seqGaps === 0 && l.issued > 0,
        },
        {
          // Where the latencies swing with the machine's load, CPU says what each side costs.
          metric: `fan-out ${rate}/s, server CPU per ticket`,
          unit: 'ms',
          linecast: l?.serverCpuMsPerTicket ?? null,
          reference: b?.serverCpuMsPerTicket ?? null,
        },
      );
    }
    rows.push(
      { metric: 'board: call → number rendered in Chromium, p50', unit: 'ms', linecast: board.p50Ms },
      { metric: 'board: call → number rendered in Chromium, p99', unit: 'ms', linecast: board.p99Ms },
    );
    return {
      rows,
      details: { displays, seconds, linecast: lc.results, bare: br.results, barePadBytes: br.pad, board },
    };
  },
};
