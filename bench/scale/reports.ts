import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLinecast } from '../../server/app.ts';
import { RATE_LIMITS_OFF } from '../../server/http/rate-limiter.ts';
import type { ReportService } from '../../server/store/report-service.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { type OpenLoopResult, openLoop } from './open-loop.ts';
import { buildReportHistory } from './report-history.ts';
import type { BenchContext, BenchRow, BenchSection, SectionResult } from './section.ts';

const ADMIN_PASSWORD = 'bench-admin-password';
const TZ = 'Asia/Shanghai';

/**
 * Issue 11 item 1c: reports over ≥ 1,000,000 tickets of history (20 stores × 90 days of the demo
 * profile; `--quick`: 2 stores × 14 days). Day summary, 90-day summary and day CSV over HTTP, and
 * the p99 of ticket issue (open loop, 50/s) while a 90-day report runs, against the same load
 * with no report running (the reference). Then the start-up fill (the worker keeping every closed
 * day's facts, as `npm start` does in the background), and a 90-day report that reads them.
 * `LINECAST_BENCH_REPORTS_DATA=DIR` reuses (or keeps) the history in DIR, which can also be a
 * folder written by `npm run simulate -- --into DIR`; the kept facts in it are forgotten first,
 * so "first time" means computed from the tickets.
 */
export const reportsSection: BenchSection = {
  name: 'reports',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const stores = ctx.quick ? 2 : 20;
    const days = ctx.quick ? 14 : 90;
    const yesterday = addDays(localParts(Date.now(), TZ).day, -1);
    const dataDir = process.env.LINECAST_BENCH_REPORTS_DATA ?? join(ctx.scratchDir, 'reports-data');
    let tickets: number | null = null;
    if (!existsSync(join(dataDir, 'linecast.db'))) {
      ctx.log(`reports: writing ${stores} stores × ${days} days of history into ${dataDir}`);
      ({ tickets } = await buildReportHistory(dataDir, { stores, days, endDay: yesterday, log: ctx.log }));
    }
    const server = await startLinecast({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      staticDir: resolve(import.meta.dirname, '../../dist'),
      adminPassword: ADMIN_PASSWORD,
      production: false,
      demoHistoryDays: 0,
      rateLimits: RATE_LIMITS_OFF, // a load generator, not phones
      warmReports: false, // filled below, once the figures computed from the tickets are measured
    });
    try {
      await server.storage.db.deleteFrom('report_day_facts').execute();
      const fill = async () => {
        const { lines } = server.deps;
        const stores = lines.storeIds().flatMap((id) => lines.state(id)?.settings ?? []);
        return (server.deps.reports as ReportService).fill(stores);
      };
      const stores = server.deps.lines.storeIds();
      return await measure(ctx, server.url, { days, yesterday, tickets, stores, fill });
    } finally {
      await server.close();
    }
  },
};

async function measure(
  ctx: BenchContext,
  url: string,
  o: { days: number; yesterday: string; tickets: number | null; stores: string[]; fill: () => Promise<number> },
): Promise<SectionResult> {
  const cookie = await login(url);
  ctx.log('reports: waiting for start-up work (retention, wait models) to leave the event loop');
  const settledMs = await settle(url);
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(url + path, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    return { ms: performance.now() - started, body };
  };
  const summary = (store: string, from: string, to: string) =>
    get(`/api/stores/${store}/reports/summary?from=${from}&to=${to}`);
  const from90 = addDays(o.yesterday, -89);
  const [a = 'demo', b = a, c = b, d = c] = o.stores;

  ctx.log('reports: first report (starts the report worker)');
  const first = await summary(c, o.yesterday, o.yesterday);
  const dayCold = await summary(a, o.yesterday, o.yesterday);
  const dayWarm = median(await repeat(5, async () => (await summary(a, o.yesterday, o.yesterday)).ms));
  ctx.log('reports: 90-day summary');
  const longCold = await summary(a, from90, o.yesterday);
  const issued = Number(JSON.parse(longCold.body).overall.issued);
  const longWarm = median(await repeat(3, async () => (await summary(a, from90, o.yesterday)).ms));
  const csv = median(
    await repeat(
      3,
      async () => (await get(`/api/stores/${a}/reports/tickets.csv?from=${o.yesterday}&to=${o.yesterday}`)).ms,
    ),
  );

  ctx.log('reports: ticket issue at 50/s, alone and during a 90-day report');
  const issue = issueTicket(url, cookie, c);
  const alone = await openLoop(issue, { ratePerSec: 50, durationMs: 5_000 });
  // A store whose 90 days nobody has reported yet: the report reads every day of it (cold).
  const report = summary(b, from90, o.yesterday);
  const during = await openLoop(issue, { ratePerSec: 50, durationMs: 60_000, until: report });
  const reportDuring = await report;

  ctx.log('reports: the start-up fill (every closed day of every store kept), issue load in its first 5 s');
  const fillCpu = process.cpuUsage();
  const fillStarted = performance.now();
  const filling = o.fill();
  // Issued to a store whose line is empty, for as long as the reference: a line grown by minutes
  // of tickets nobody calls would measure the line's length, not the fill.
  const quiet = issueTicket(url, cookie, o.stores.at(-1) ?? c);
  const duringFill = await openLoop(quiet, { ratePerSec: 50, durationMs: 5_000 });
  const keptDays = await filling;
  const fillMs = performance.now() - fillStarted;
  const fillCpuMs = cpuMs(process.cpuUsage(fillCpu));
  const longKept = await summary(d, from90, o.yesterday);

  const rows: BenchRow[] = [
    { metric: 'history tickets (all stores)', unit: 'tickets', linecast: o.tickets, target: '≥ 1,000,000' },
    { metric: `90-day tickets of one store`, unit: 'tickets', linecast: issued },
    { metric: 'first report after start (worker start + 1 day)', unit: 'ms', linecast: round(first.ms) },
    {
      metric: 'day summary, first time',
      unit: 'ms',
      linecast: round(dayCold.ms),
      target: '≤ 250',
      met: dayCold.ms <= 250,
    },
    {
      metric: 'day summary, again (median of 5)',
      unit: 'ms',
      linecast: round(dayWarm),
      target: '≤ 250',
      met: dayWarm <= 250,
    },
    {
      metric: '90-day summary, first time, computed from the tickets',
      unit: 'ms',
      linecast: round(longCold.ms),
      target: '≤ 1000',
      met: longCold.ms <= 1000,
    },
    {
      metric: '90-day summary, first time after the start-up fill',
      unit: 'ms',
      linecast: round(longKept.ms),
      target: '≤ 1000',
      met: longKept.ms <= 1000,
    },
    {
      metric: '90-day summary, again (median of 3)',
      unit: 'ms',
      linecast: round(longWarm),
      target: '≤ 1000',
      met: longWarm <= 1000,
    },
    { metric: 'day CSV (median of 3)', unit: 'ms', linecast: round(csv), target: '≤ 1000', met: csv <= 1000 },
    {
      metric: 'ticket issue p99 at 50/s during a first-time 90-day report',
      unit: 'ms',
      linecast: round(during.p99),
      reference: round(alone.p99),
      target: '≤ 50',
      met: during.p99 <= 50 && during.failed === 0,
    },
    { metric: `start-up fill: ${keptDays} store-days kept`, unit: 's', linecast: round(fillMs / 1000) },
    {
      metric: 'start-up fill: CPU of the whole process (with 5 s of issue load)',
      unit: 's',
      linecast: round(fillCpuMs / 1000),
    },
    {
      metric: 'ticket issue p99 at 50/s in the first 5 s of the start-up fill',
      unit: 'ms',
      linecast: round(duringFill.p99),
      reference: round(alone.p99),
      target: '≤ 50',
      met: duringFill.p99 <= 50 && duringFill.failed === 0,
    },
  ];
  return {
    rows,
    details: {
      issueAlone: alone,
      issueDuringReport: during,
      issueDuringFill: duringFill,
      reportDuringIssueMs: round(reportDuring.ms),
      startUpSettledAfterMs: round(settledMs),
      referenceNote: 'reference = the same issue load with no report running',
    },
  };
}

function issueTicket(url: string, cookie: string, store: string) {
  let n = 0;
  return async () => {
    const res = await fetch(`${url}/api/stores/${store}/tickets`, {
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'pickup', idempotencyKey: `bench-${process.pid}-${n++}` }),
    });
    await res.arrayBuffer();
    return res.status === 201;
  };
}

/**
 * Waits (at most two minutes) until `/api/health` answers within 50 ms twenty times in a row (two quiet seconds), so
 * the figures are not those of start-up work still holding the event loop (on a million
 * tickets the feedback retention pass at start takes seconds). Returns how long that took.
 */
async function settle(url: string): Promise<number> {
  const started = performance.now();
  let fast = 0;
  for (let i = 0; i < 1200 && fast < 20 && performance.now() - started < 120_000; i++) {
    const t = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    fast = performance.now() - t < 50 ? fast + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`admin login failed: ${res.status}`);
  return cookie;
}

async function repeat(times: number, f: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await f());
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const round = (ms: number) => Math.round(ms * 10) / 10;

export type { OpenLoopResult };
