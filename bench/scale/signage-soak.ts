import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLinecast } from '../../server/app.ts';
import { RATE_LIMITS_OFF } from '../../server/http/rate-limiter.ts';
import { launchBrowser } from '../../test/support/browser.ts';
import type { BenchContext, BenchSection, SectionResult } from './section.ts';

const ADMIN_PASSWORD = 'soak-admin-password';
const COUNTERS = ['c1', 'c2', 'c3', 'c4'];
const SERVICES = ['pickup', 'returns', 'personalisation'];

interface Sample {
  events: number;
  seconds: number;
  heapMb: number;
  nodes: number;
  listeners: number;
}

/**
 * An accelerated store day on one board page in Chromium: thousands of issue / call / complete
 * events as fast as the server takes them, with the page's JS heap (after a forced garbage
 * collection), DOM node and event-listener counts read over the Chrome DevTools Protocol as it
 * goes. The reference is the same page left idle for as long: its growth is what doing nothing
 * costs. A board that leaks grows with the events; a healthy one stays flat.
 */
export const signageSoak: BenchSection = {
  name: 'soak',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const cycles = ctx.quick ? 300 : 2_000;
    const sampleEvery = ctx.quick ? 50 : 200;
    const maxMs = ctx.quick ? 60_000 : 600_000;
    const dataDir = mkdtempSync(join(ctx.scratchDir, 'soak-'));
    const server = await startLinecast({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      staticDir: resolve(import.meta.dirname, '../../dist'),
      adminPassword: ADMIN_PASSWORD,
      production: true,
      demoHistoryDays: 0,
      rateLimits: RATE_LIMITS_OFF, // a load generator, not phones
    });
    const browser = await launchBrowser();
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
      const post = (path: string, body: unknown = {}) =>
        fetch(server.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin: server.url },
          body: JSON.stringify(body),
        });
      for (const c of COUNTERS) await post(`/api/stores/demo/counters/${c}/open`);

      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${server.url}/signage/?store=demo&layout=board`);
      await page.getByTestId('now-calling').waitFor({ timeout: 30_000 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const started = Date.now();
      let events = 0;
      const sample = async (): Promise<Sample> => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
        return {
          events,
          seconds: Math.round((Date.now() - started) / 100) / 10,
          heapMb: Math.round((value('JSHeapUsedSize') / 1_048_576) * 100) / 100,
          nodes: value('Nodes'),
          listeners: value('JSEventListeners'),
        };
      };

      const idle: Sample[] = [await sample()];
      const idleMs = ctx.quick ? 5_000 : 20_000;
      while (Date.now() - started < idleMs) {
        await new Promise((r) => setTimeout(r, idleMs / 4));
        idle.push(await sample());
      }

      const busy: Sample[] = [await sample()];
      for (let i = 0; i < cycles && Date.now() - started < maxMs; i++) {
        await post('/api/stores/demo/tickets', { serviceId: SERVICES[i % SERVICES.length] });
        const counter = COUNTERS[i % 2]!;
        // call-next finishes the counter's current ticket, then calls: issue + done + call per cycle.
        await post(`/api/stores/demo/counters/${counter}/call-next`);
        events += 3;
        if (i % sampleEvery === sampleEvery - 1) {
          busy.push(await sample());
          ctx.log(`soak: ${events} events, heap ${busy.at(-1)?.heapMb} MB, ${busy.at(-1)?.nodes} nodes`);
        }
      }
      busy.push(await sample());
      const growth = (series: Sample[], key: 'heapMb' | 'nodes') =>
        Math.round(((series.at(-1)?.[key] ?? 0) - (series[0]?.[key] ?? 0)) * 100) / 100;
      const first = busy[0]!;
      const last = busy.at(-1)!;
      return {
        rows: [
          { metric: 'board JS heap after GC, start', unit: 'MB', linecast: first.heapMb },
          { metric: `board JS heap after GC after ${last.events} events`, unit: 'MB', linecast: last.heapMb },
          {
            metric: 'board JS heap growth (reference: same page idle)',
            unit: 'MB',
            linecast: growth(busy, 'heapMb'),
            reference: growth(idle, 'heapMb'),
          },
          { metric: 'board DOM nodes, start', unit: 'nodes', linecast: first.nodes },
          { metric: `board DOM nodes after ${last.events} events`, unit: 'nodes', linecast: last.nodes },
          {
            metric: 'board DOM node growth (reference: same page idle)',
            unit: 'nodes',
            linecast: growth(busy, 'nodes'),
            reference: growth(idle, 'nodes'),
          },
        ],
        details: { idle, busy },
      };
    } finally {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

// `npx tsx bench/scale/signage-soak.ts [--quick] [--json]` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const scratchDir = mkdtempSync(join(tmpdir(), 'linecast-soak-'));
  const json = process.argv.includes('--json');
  const result = await signageSoak.run({
    quick: process.argv.includes('--quick'),
    scratchDir,
    log: (line) => console.error(line),
  });
  rmSync(scratchDir, { recursive: true, force: true });
  if (json) console.log(JSON.stringify(result, null, 2));
  else
    for (const r of result.rows)
      console.log(
        `${r.metric}: ${r.linecast} ${r.unit}${r.reference !== undefined ? ` (reference ${r.reference})` : ''}`,
      );
}
