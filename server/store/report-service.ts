import type { Worker } from 'node:worker_threads';
import type { StoreSettings } from '../engine/state.ts';
import { spawnWorker } from '../ops/spawn-worker.ts';
import { ReportRangeError, reportRange } from '../reports/report-range.ts';
import type { Summary } from '../reports/summary.ts';
import { type DatabaseLocation, sqliteFile } from './database.ts';
import type { ReportReply, ReportRequest, ReportSource } from './report-protocol.ts';

type Pending = { resolve: (reply: { value: unknown; done: boolean }) => void; reject: (err: Error) => void };

/**
 * Reports, computed off the event loop: a worker thread with its own read-only connection runs
 * the queries (see `report-worker.ts`), so a year's report never delays a ticket being issued.
 * On PostgreSQL the worker has its own small pool: the queries would not block the main thread,
 * but folding a year of day facts into a summary would.
 * A report whose signal aborts (its client went away) is cancelled in the worker too.
 */
export class ReportService {
  readonly #source: ReportSource;
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** Background fills: answered like reports, but they neither count as in flight nor keep the process alive. */
  readonly #fills = new Map<number, Pending>();
  /** Jobs the worker confirmed it stopped because they were cancelled (for tests and metrics). */
  cancelledInWorker = 0;

  /** Requests sent to the worker and not answered yet (for tests and metrics). */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** @param where the database, as given to `openDatabase`. */
  constructor(where: DatabaseLocation) {
    this.#source = where.databaseUrl ? { databaseUrl: where.databaseUrl } : { file: sqliteFile(where.dataDir) };
  }

  /** The summary of local days `from`…`to`; rejects with `ReportRangeError` for a bad range. */
  async summary(settings: StoreSettings, from: string, to: string, now = Date.now(), signal?: AbortSignal) {
    reportRange(from, to, settings.timeZone, now);
    const id = this.#nextId++;
    const reply = await this.#call({ kind: 'summary', id, settings, from, to, now }, signal);
    return reply.value as Summary;
  }

  /** The tickets CSV in chunks, read from the worker one chunk per pull. */
  async *ticketsCsv(settings: StoreSettings, from: string, to: string, signal?: AbortSignal): AsyncGenerator<string> {
    reportRange(from, to, settings.timeZone, Date.now());
    const id = this.#nextId++;
    let finished = false;
    try {
      await this.#call({ kind: 'csv', id, settings, from, to }, signal);
      for (;;) {
        const step = await this.#call({ kind: 'next', id }, signal);
        if (step.done) {
          finished = true;
          return;
        }
        yield step.value as string;
      }
    } finally {
      if (!finished) this.#worker?.postMessage({ kind: 'cancel', id } satisfies ReportRequest);
    }
  }

  /** Starts the worker now rather than on the first report, so that report does not wait for it. */
  start(): void {
    this.#start();
    this.#holdOpen();
  }

  /**
   * Keeps, in the worker's spare time, the facts of the stores' closed days that have none yet
   * (see `fillKeptDays`): after a first start on a big history, its first long report reads a
   * row per day. Resolves with how many days were kept.
   */
  fill(stores: StoreSettings[], now = Date.now()): Promise<number> {
    const worker = this.#start();
    this.#holdOpen();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#fills.set(id, { resolve: (reply) => resolve(Number(reply.value)), reject });
      worker.postMessage({ kind: 'fill', id, stores, now } satisfies ReportRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #call(request: ReportRequest, signal?: AbortSignal): Promise<{ value: unknown; done: boolean }> {
    signal?.throwIfAborted();
    const worker = this.#start();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        worker.postMessage({ kind: 'cancel', id: request.id } satisfies ReportRequest);
        this.#pending.delete(request.id);
        this.#holdOpen();
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#holdOpen();
      };
      this.#pending.set(request.id, {
        resolve: (v) => {
          settle();
          resolve(v);
        },
        reject: (e) => {
          settle();
          reject(e);
        },
      });
      worker.postMessage(request);
      this.#holdOpen();
    });
  }

  /** A worker with work keeps the process alive (a script awaiting a report); an idle one does not. */
  #holdOpen(): void {
    if (this.#pending.size > 0) this.#worker?.ref();
    else this.#worker?.unref();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = spawnWorker(import.meta.url, 'report-worker', { workerData: this.#source });
    worker.on('message', (reply: ReportReply) => this.#settle(reply));
    worker.on('error', (err) => this.#fail(worker, err));
    worker.on('exit', (code) => this.#fail(worker, new Error(`report worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #settle(reply: ReportReply): void {
    const pending = this.#pending.get(reply.id) ?? this.#fills.get(reply.id);
    if (!reply.ok && reply.error.kind === 'aborted') this.cancelledInWorker++;
    if (!pending) return;
    this.#pending.delete(reply.id);
    this.#fills.delete(reply.id);
    if (reply.ok) pending.resolve(reply);
    else if (reply.error.kind === 'range') pending.reject(new ReportRangeError(reply.error.message));
    else pending.reject(new Error(`report failed: ${reply.error.message}`));
  }

  /** A worker that died fails what it was doing; the next report starts a new one. */
  #fail(worker: Worker, err: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    for (const pending of [...this.#pending.values(), ...this.#fills.values()]) pending.reject(err);
    this.#pending.clear();
    this.#fills.clear();
  }
}
