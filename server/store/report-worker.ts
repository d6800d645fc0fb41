import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { fillKeptDays } from '../reports/kept-days.ts';
import { ReportRangeError } from '../reports/report-range.ts';
import { summaryReport } from '../reports/summary.ts';
import { ticketsCsv } from '../reports/tickets-csv.ts';
import { postgresDialect } from './postgres-dialect.ts';
import type { ReportReply, ReportRequest, ReportSource } from './report-protocol.ts';
import { ReportQueries } from './report-queries.ts';
import type { Database } from './schema.ts';

// The report worker: its own read-only connection to the line's SQLite file (WAL lets it read
// while the main thread writes), plus one that writes nothing but kept day facts; or its own two
// PostgreSQL connections. A long report never holds the event loop that serves the line.

/** The background fill waits at most this long for a report to finish before its next step. */
const MAX_REPORT_WAIT_MS = 60_000;

/** The background fill rests this many times as long as each step took. */
const REST_PER_STEP = 3;

const port = parentPort;
if (!port) throw new Error('report-worker runs as a worker thread');
yieldCpuToTheLine();
const queries = queriesFor(workerData as ReportSource);
const running = new Map<number, AbortController>();
const exports = new Map<number, AsyncGenerator<string>>();
let filling: Promise<unknown> = Promise.resolve();

const reply = (message: ReportReply) => port.postMessage(message);

port.on('message', (request: ReportRequest) => {
  switch (request.kind) {
    case 'summary':
      return void run(request.id, async (signal) => {
        const { settings, from, to, now } = request;
        return { value: await summaryReport(queries, settings, from, to, now, { signal }), done: true };
      });
    case 'csv':
      exports.set(request.id, ticketsCsv(queries, request.settings, request.from, request.to));
      return reply({ id: request.id, ok: true, value: null, done: false });
    case 'next':
      return void run(request.id, async () => {
        const csv = exports.get(request.id);
        const next = csv ? await csv.next() : { done: true as const, value: undefined };
        if (next.done) exports.delete(request.id);
        return { value: next.value ?? null, done: next.done === true };
      });
    case 'cancel':
      running.get(request.id)?.abort();
      void exports.get(request.id)?.return(undefined);
      exports.delete(request.id);
      return;
    case 'fill':
      // One fill at a time: a second one (the hourly one) starts when the first is done.
      filling = filling.then(() => fill(request.id, request.stores, request.now));
      return;
  }
});

async function run(id: number, job: (signal: AbortSignal) => Promise<{ value: unknown; done: boolean }>) {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    reply({ id, ok: true, ...(await job(controller.signal)) });
  } catch (err) {
    const kind = controller.signal.aborted ? 'aborted' : err instanceof ReportRangeError ? 'range' : 'failed';
    reply({ id, ok: false, error: { message: err instanceof Error ? err.message : String(err), kind } });
  } finally {
    running.delete(id);
  }
}

/**
 * Keeps the facts of closed days nobody has reported yet (a big history after its first start,
 * the day that just closed), at low priority: between steps it rests three times as long as the
 * step took (a quarter of a core at most: on two cores the line keeps one and most of the
 * other), and while a report runs it waits for it.
 */
async function fill(id: number, stores: Extract<ReportRequest, { kind: 'fill' }>['stores'], now: number) {
  let stepStarted = 0;
  const between = async () => {
    if (stepStarted > 0) await sleep(Math.min(REST_PER_STEP * (performance.now() - stepStarted), 3_000));
    const waitUntil = performance.now() + MAX_REPORT_WAIT_MS;
    while (running.size > 0 && performance.now() < waitUntil) await sleep(50);
    stepStarted = performance.now();
  };
  try {
    let kept = 0;
    for (const settings of stores) kept += await fillKeptDays(queries, settings, now, between);
    reply({ id, ok: true, value: kept, done: true });
  } catch (err) {
    reply({ id, ok: false, error: { message: err instanceof Error ? err.message : String(err), kind: 'failed' } });
  }
}

/**
 * On Linux each thread has its own nice value: this one's is lowered, so that on a busy machine
 * the thread serving the line gets the CPU before a report or the fill does. Elsewhere the
 * worker runs at the process's priority.
 */
function yieldCpuToTheLine(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // No /proc/thread-self (not Linux): nothing to lower.
  }
}

function queriesFor(source: ReportSource): ReportQueries {
  if ('databaseUrl' in source)
    return new ReportQueries(new Kysely<Database>({ dialect: postgresDialect(source.databaseUrl, 2) }));
  // Page caches well below better-sqlite3's 16 MB each: reports read each page about once (the
  // OS caches the file anyway), and the worker's memory counts in the server's.
  const reader = new SQLite(source.file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  reader.pragma('cache_size = -4000');
  const writer = new SQLite(source.file, { fileMustExist: true });
  writer.pragma('busy_timeout = 5000');
  writer.pragma('cache_size = -1000');
  // As the line's own connection: WAL survives a killed process without an fsync per write.
  writer.pragma('synchronous = NORMAL');
  const db = (database: SQLite.Database) => new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return new ReportQueries(db(reader), db(writer));
}
