import { waitingTickets } from '../engine/index.ts';
import type { StoreState } from '../engine/state.ts';
import { log } from '../ops/logger.ts';
import type { LineService } from './line-service.ts';
import { RecentFirstCalls } from './recent-first-calls.ts';
import type { WaitView } from './views.ts';

/** Predicts waits for one store's state at `now` (the insight layer's `predictWaits`). */
export type WaitPredictor = (state: StoreState, now: number) => WaitView;

/** The same, made elsewhere (a thread of its own): the event loop only sends and receives. */
export type AsyncWaitPredictor = (state: StoreState, now: number) => Promise<WaitView>;

export type WaitsListener = (storeId: string, seq: number, waits: WaitView) => void;

interface Cached {
  seq: number;
  waits: WaitView;
}

/**
 * A prediction may take this much of the event loop per store at most: after one that took 40 ms
 * the next starts no sooner than 400 ms later, whatever `minIntervalMs` says. A long line makes
 * each prediction longer (130 ms with 600 waiting), and every millisecond of it delays the
 * line's events to a thousand screens; at a quarter of the loop it cost a busy store more CPU
 * per ticket than sending that ticket to every screen.
 */
const DUTY_FACTOR = 10;

/**
 * From this many waiting a store's predictions go to the other side (when there is one). A
 * shorter line predicts in a few milliseconds here, and its prediction is then never later than
 * the line by the time a thread takes to answer.
 */
const ELSEWHERE_FROM_WAITING = 20;

/**
 * Current predicted waits per store, computed off the command path: a commit only schedules a
 * recomputation, at most one per store every `minIntervalMs` (and never more often than the
 * prediction's own cost allows, see `DUTY_FACTOR`); readers get the latest one as it is.
 */
export class LiveWaits {
  readonly #lines: LineService;
  readonly #predict: WaitPredictor;
  readonly #minIntervalMs: number;
  readonly #cache = new Map<string, Cached>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Stores whose prediction is being made (its timer fired; the answer may be on its way). */
  readonly #running = new Set<string>();
  readonly #nextAllowed = new Map<string, number>();
  readonly #recent = new Map<string, RecentFirstCalls>();
  readonly #listeners: WaitsListener[] = [];
  readonly #predictElsewhere: AsyncWaitPredictor | undefined;

  /**
   * @param predictElsewhere when given, scheduled predictions run there (off the event loop);
   *   `predict` then serves only a store's very first read.
   */
  constructor(lines: LineService, predict: WaitPredictor, minIntervalMs = 300, predictElsewhere?: AsyncWaitPredictor) {
    this.#lines = lines;
    this.#predict = predict;
    this.#minIntervalMs = minIntervalMs;
    this.#predictElsewhere = predictElsewhere;
    lines.onCommit((storeId, events, state) => {
      this.#recent.get(storeId)?.note(events, state);
      // A counter opening, pausing or closing changes every wait at once: the next prediction
      // runs now, not at its slot, so a ticket taken a moment later is not told the old line's.
      if (events.some((e) => e.type === 'counter:updated')) this.#hurry(storeId);
      this.#schedule(storeId);
    });
  }

  onUpdate(listener: WaitsListener): void {
    this.#listeners.push(listener);
  }

  /**
   * The latest prediction for a store, possibly a few hundred milliseconds behind its line (the
   * pushed `waits:updated` follows). Only a store never predicted yet is predicted here, once.
   */
  forStore(storeId: string): WaitView {
    const cached = this.#cache.get(storeId);
    if (cached) return cached.waits;
    const view = this.#lines.view(storeId);
    if (!view) return { byService: {}, byTicket: {} };
    return this.#compute(storeId, this.#linePart(storeId, view.state), view.lastSeq);
  }

  /** Schedules a fresh prediction even without a new event (time passing changes waits too). */
  refresh(storeId: string): void {
    this.#schedule(storeId);
  }

  close(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }

  /** Predicts here, on `part` (a line part, see `#linePart`). */
  #compute(storeId: string, part: StoreState, seq: number): WaitView {
    const started = performance.now();
    const waits = this.#predict(part, this.#lines.now());
    const took = performance.now() - started;
    this.#nextAllowed.set(storeId, Date.now() + Math.max(this.#minIntervalMs, took * DUTY_FACTOR));
    this.#cache.set(storeId, { seq, waits });
    return waits;
  }

  /**
   * What the predictor reads of a line: the waiting tickets, those at counters and the latest
   * first calls, not the whole day (`snapshotFromState` looks at nothing else).
   */
  #linePart(storeId: string, state: StoreState): StoreState {
    let recent = this.#recent.get(storeId);
    if (!recent) {
      recent = RecentFirstCalls.fromState(state);
      this.#recent.set(storeId, recent);
    }
    const tickets: StoreState['tickets'] = {};
    for (const t of recent.tickets(state)) tickets[t.id] = t;
    for (const c of Object.values(state.counters)) {
      const current = c.currentTicketId ? state.tickets[c.currentTicketId] : undefined;
      if (current) tickets[current.id] = current;
    }
    for (const t of waitingTickets(state.tickets)) tickets[t.id] = t;
    return { ...state, tickets };
  }

  #schedule(storeId: string): void {
    if (this.#timers.has(storeId)) return;
    const delay = Math.max(0, (this.#nextAllowed.get(storeId) ?? 0) - Date.now());
    const timer = setTimeout(() => {
      const view = this.#lines.view(storeId);
      if (!view) return this.#timers.delete(storeId);
      const part = this.#linePart(storeId, view.state);
      if (this.#predictElsewhere && waitingTickets(part.tickets).length >= ELSEWHERE_FROM_WAITING) {
        this.#running.add(storeId);
        return void this.#predictThere(storeId, part, view.lastSeq);
      }
      this.#timers.delete(storeId);
      try {
        this.#tell(storeId, view.lastSeq, this.#compute(storeId, part, view.lastSeq));
      } catch (error) {
        // One store's failed prediction must not stop the process; the next change retries.
        log.error({ err: error, storeId }, 'wait prediction failed');
      }
    }, delay);
    timer.unref();
    this.#timers.set(storeId, timer);
  }

  /**
   * One prediction at a time per store on the other side: its timer stays set until the answer
   * is in, so changes meanwhile wait for it and then get one prediction of their own.
   */
  async #predictThere(storeId: string, part: StoreState, seq: number): Promise<void> {
    const predict = this.#predictElsewhere as AsyncWaitPredictor;
    try {
      const waits = await predict(part, this.#lines.now());
      this.#cache.set(storeId, { seq, waits });
      this.#tell(storeId, seq, waits);
    } catch (error) {
      log.error({ err: error, storeId }, 'wait prediction failed');
    } finally {
      this.#running.delete(storeId);
      this.#timers.delete(storeId);
      this.#nextAllowed.set(storeId, Date.now() + this.#minIntervalMs);
      if (this.#lines.lastSeq(storeId) !== seq) this.#schedule(storeId);
    }
  }

  /** The store's next prediction runs now: its slot is dropped, and a timer not fired yet with it. */
  #hurry(storeId: string): void {
    this.#nextAllowed.delete(storeId);
    if (this.#running.has(storeId)) return;
    clearTimeout(this.#timers.get(storeId));
    this.#timers.delete(storeId);
  }

  #tell(storeId: string, seq: number, waits: WaitView): void {
    for (const l of this.#listeners) l(storeId, seq, waits);
  }
}
