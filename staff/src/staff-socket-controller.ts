import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyQueueEvent, applyWaits } from '../../shared/client/queue-reducer.ts';
import { StoreSocketController } from '../../shared/client/store-socket-controller.ts';
import type { QueueSnapshot } from '../../shared/domain.ts';
import type { DeviceStatusPayload, SequencedEventName, ServerToClientEvents } from '../../shared/protocol.ts';

type Payload<E extends SequencedEventName> = Parameters<ServerToClientEvents[E]>[0];

export interface StaffSocketOptions {
  store: () => string | null;
  /** Every sequenced event in order, after the queue was updated with it. */
  onEvent?: (name: SequencedEventName, payload: Payload<SequencedEventName>) => void;
  onDevices?: (payload: DeviceStatusPayload) => void;
}

/**
 * The staff room of a store (authenticated by the session cookie): keeps `queue` equal to the
 * server's line through the shared store socket (which resyncs on a `seq` gap, a reconnect or the
 * tab becoming visible again).
 *
 * @example
 * #live = new StaffSocketController(this, { store: () => this.session?.storeId ?? null });
 */
export class StaffSocketController implements ReactiveController {
  queue: QueueSnapshot | null = null;
  readonly #socket: StoreSocketController;

  constructor(host: ReactiveControllerHost, options: StaffSocketOptions) {
    host.addController(this);
    this.#socket = new StoreSocketController(host, {
      store: options.store,
      staff: true,
      onSnapshot: (snapshot) => {
        this.queue = snapshot;
        host.requestUpdate();
      },
      onWaits: (payload) => {
        if (!this.queue) return;
        this.queue = applyWaits(this.queue, payload);
        host.requestUpdate();
      },
      onEvent: (name, payload) => {
        if (!this.queue) return;
        this.queue = applyQueueEvent(this.queue, name, payload as never);
        if (name === 'store:updated') {
          // Services and names changed: the app republishes the session so every page sees them.
          const config = (payload as Payload<'store:updated'>).config;
          (host as unknown as HTMLElement).dispatchEvent(
            new CustomEvent('store-config', { detail: config, bubbles: true, composed: true }),
          );
        }
        options.onEvent?.(name, payload);
        host.requestUpdate();
      },
      onSocket: (socket) => {
        socket.on('devices:status', (payload) => options.onDevices?.(payload));
        socket.on('line:next', (payload) => {
          // A push older than the snapshot in hand (one that crossed a resync) would undo it.
          if (!this.queue || payload.seq < this.queue.seq) return;
          this.queue = { ...this.queue, nextCalls: payload.next };
          host.requestUpdate();
        });
      },
    });
  }

  get connected(): boolean {
    return this.#socket.connected;
  }

  hostConnected(): void {}

  /** Joins the store once it is known (call again when it changes). */
  join(): void {
    this.#socket.join();
  }

  resync(): void {
    this.#socket.resync();
  }
}
