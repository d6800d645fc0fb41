import type { WaitsPayload } from '../../shared/protocol.ts';

/**
 * How often at most a store's public room gets `waits:updated`. Screens and phones show waits in
 * minutes, but every message is one frame to each of the room's sockets (a thousand screens in a
 * flagship store): at the prediction's own pace (every 300 ms) waits cost more frames than the
 * line's events themselves.
 */
export const PUBLIC_WAITS_INTERVAL_MS = 2_000;

/**
 * Sends each store's public `waits:updated` at most once per `intervalMs`: the first on the next
 * turn of the event loop, then the latest one at the end of each interval, so the room always
 * ends on the newest prediction.
 */
export class PublicWaitsThrottle {
  readonly #send: (storeId: string, payload: WaitsPayload) => void;
  readonly #intervalMs: number;
  readonly #lastSent = new Map<string, number>();
  readonly #pending = new Map<string, WaitsPayload>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(send: (storeId: string, payload: WaitsPayload) => void, intervalMs = PUBLIC_WAITS_INTERVAL_MS) {
    this.#send = send;
    this.#intervalMs = intervalMs;
  }

  offer(storeId: string, payload: WaitsPayload): void {
    this.#pending.set(storeId, payload);
    if (this.#timers.has(storeId)) return;
    const due = (this.#lastSent.get(storeId) ?? Number.NEGATIVE_INFINITY) + this.#intervalMs - Date.now();
    // Even when due, not in the turn that predicted: the requests that came in meanwhile are
    // handled and their events sent first, so no event waits for both a prediction and this.
    const timer = setTimeout(
      () => {
        this.#timers.delete(storeId);
        this.#flush(storeId);
      },
      Math.max(0, due),
    );
    timer.unref();
    this.#timers.set(storeId, timer);
  }

  close(): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.#pending.clear();
  }

  #flush(storeId: string): void {
    const payload = this.#pending.get(storeId);
    if (!payload) return;
    this.#pending.delete(storeId);
    this.#lastSent.set(storeId, Date.now());
    this.#send(storeId, payload);
  }
}
