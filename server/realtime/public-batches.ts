import type { LineEvent, LineEventsPayload, WaitsPayload } from '../../shared/protocol.ts';
import { AfterTask } from '../ops/after-task.ts';

/** How long a `waits:updated` waits for events to ride with before it goes alone. */
export const WAITS_RIDE_MS = 250;

/**
 * Public-room events for the sockets that joined with `batch: true`, sent as one `line:events`
 * per store and commit, or per turn of a busy event loop (`AfterTask`). Sending to a thousand
 * screens costs a frame (and a system call) per socket per message: idle, a batch holds one
 * event and leaves right after its commit; under load, many requests' commands share a commit
 * (`CommitGroups`) or their commits share a turn, and so one frame: the fan-out's cost per event
 * falls as the rate rises instead of the room falling behind.
 */
export class PublicBatches {
  readonly #send: (storeId: string, payload: LineEventsPayload) => void;
  readonly #pending = new Map<string, LineEvent[]>();
  readonly #waits = new Map<string, WaitsPayload>();
  readonly #waitsTimers = new Map<string, NodeJS.Timeout>();
  #scheduled = false;
  readonly #soon = new AfterTask();

  constructor(send: (storeId: string, payload: LineEventsPayload) => void) {
    this.#send = send;
  }

  add(storeId: string, event: LineEvent): void {
    const events = this.#pending.get(storeId);
    if (events) events.push(event);
    else this.#pending.set(storeId, [event]);
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Quiet: right after the task that committed them. Busy: at the next turn, so the commits
    // of every request read meanwhile share the frame (on SQLite one commit already holds them).
    this.#soon.schedule(() => {
      this.#scheduled = false;
      for (const id of [...this.#pending.keys()]) this.flush(id);
    });
  }

  /**
   * Waits for the room: sent with the store's next batch (a frame per socket saved), or alone
   * after `WAITS_RIDE_MS` if no event comes; a newer one replaces one not sent yet.
   */
  addWaits(storeId: string, waits: WaitsPayload): void {
    this.#waits.set(storeId, waits);
    if (this.#waitsTimers.has(storeId)) return;
    const timer = setTimeout(() => this.flush(storeId), WAITS_RIDE_MS);
    timer.unref();
    this.#waitsTimers.set(storeId, timer);
  }

  /**
   * Sends a store's pending batch now: before a snapshot (whose `seq` already counts these
   * events) and before other messages to the room, so nothing arrives out of order.
   */
  flush(storeId: string): void {
    const events = this.#pending.get(storeId);
    const waits = this.#waits.get(storeId);
    if (!events && !waits) return;
    this.#pending.delete(storeId);
    this.#waits.delete(storeId);
    clearTimeout(this.#waitsTimers.get(storeId));
    this.#waitsTimers.delete(storeId);
    this.#send(storeId, { storeId, events: events ?? [], ...(waits ? { waits } : {}) });
  }

  close(): void {
    for (const t of this.#waitsTimers.values()) clearTimeout(t);
    this.#waitsTimers.clear();
    this.#pending.clear();
    this.#waits.clear();
  }
}
