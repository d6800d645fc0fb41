import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DayFactsCache } from '../reports/day-facts-cache.ts';
import { ReportRangeError } from '../reports/report-range.ts';
import { summaryReport } from '../reports/summary.ts';
import { ticketsCsv } from '../reports/tickets-csv.ts';
import { postgresDialect } from './postgres-dialect.ts';
import type { ReportReply, ReportRequest, ReportSource } from './report-protocol.ts';
import { ReportQueries } from './report-queries.ts';
import type { Database } from './schema.ts';

// The report worker: its own read-only connection to the line's SQLite file (WAL lets it read
// while the main thread writes), or its own two PostgreSQL connections, so a long report never
// holds the event loop that serves the line.

const port = parentPort;
if (!port) throw new Error('report-worker runs as a worker thread');
const queries = new ReportQueries(new Kysely<Database>({ dialect: dialectFor(workerData as ReportSource) }));
const cache = new DayFactsCache();
const running = new Map<number, AbortController>();
const exports = new Map<number, AsyncGenerator<string>>();

const reply = (message: ReportReply) => port.postMessage(message);

port.on('message', (request: ReportRequest) => {
  switch (request.kind) {
    case 'summary':
      return void run(request.id, async (signal) => {
        const { settings, from, to, now } = request;
        return { value: await summaryReport(queries, settings, from, to, now, { cache, signal }), done: true };
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

function dialectFor(source: ReportSource) {
  if ('databaseUrl' in source) return postgresDialect(source.databaseUrl, 2);
  const sqlite = new SQLite(source.file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: sqlite });
}
