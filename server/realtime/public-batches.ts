import type { LineEvent, LineEventsPayload } from '../../shared/protocol.ts';

/**
 * Public-room events for the sockets that joined with `batch: true`, sent as one `line:events`
 * per store and turn of the event loop. Sending to a thousand screens costs a frame (and a
 * system call) per socket per message: idle, a batch holds one event and leaves right after the
 * turn that committed it; under load, the commits of many requests land in one turn and share
 * one frame, so the fan-out's cost per event falls as the rate rises instead of the room falling
 * behind.
 */
export class PublicBatches {
  readonly #send: (storeId: string, payload: LineEventsPayload) => void;
  readonly #pending = new Map<string, LineEvent[]>();
  #immediate: NodeJS.Immediate | undefined;

  constructor(send: (storeId: string, payload: LineEventsPayload) => void) {
    this.#send = send;
  }

  add(storeId: string, event: LineEvent): void {
    const events = this.#pending.get(storeId);
    if (events) events.push(event);
    else this.#pending.set(storeId, [event]);
    this.#immediate ??= setImmediate(() => {
      this.#immediate = undefined;
      for (const id of [...this.#pending.keys()]) this.flush(id);
    });
  }

  /**
   * Sends a store's pending batch now: before a snapshot (whose `seq` already counts these
   * events) and before other messages to the room, so nothing arrives out of order.
   */
  flush(storeId: string): void {
    const events = this.#pending.get(storeId);
    if (!events) return;
    this.#pending.delete(storeId);
    this.#send(storeId, { storeId, events });
  }

  close(): void {
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#immediate = undefined;
    this.#pending.clear();
  }
}
