import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { applyQueueEvent, applyWaits } from '../../shared/client/queue-reducer.ts';
import type { QueueSnapshot } from '../../shared/domain.ts';
import {
  type ClientToServerEvents,
  type DeviceStatusPayload,
  SEQUENCED_EVENTS,
  type SequencedEventName,
  type ServerToClientEvents,
} from '../../shared/protocol.ts';

type Payload<E extends SequencedEventName> = Parameters<ServerToClientEvents[E]>[0];

export interface StaffSocketOptions {
  store: () => string | null;
  /** Every sequenced event in order, after the queue was updated with it. */
  onEvent?: (name: SequencedEventName, payload: Payload<SequencedEventName>) => void;
  onDevices?: (payload: DeviceStatusPayload) => void;
}

/**
 * The staff room of a store (authenticated by the session cookie): keeps `queue` equal to the
 * server's line, resyncing on a `seq` gap, a reconnect or the tab becoming visible again.
 *
 * The shared StoreSocketController joins public rooms only; staff need `join {staff:true}`.
 *
 * @example
 * #live = new StaffSocketController(this, { store: () => this.session?.storeId ?? null });
 */
export class StaffSocketController implements ReactiveController {
  queue: QueueSnapshot | null = null;
  connected = false;
  #host: ReactiveControllerHost;
  #options: StaffSocketOptions;
  #socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  #joined: string | null = null;

  constructor(host: ReactiveControllerHost, options: StaffSocketOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: '/socket.io/' });
    this.#socket = socket;
    socket.on('connect', () => {
      this.connected = true;
      this.#joined = null;
      this.join();
    });
    socket.on('disconnect', () => {
      this.connected = false;
      this.#host.requestUpdate();
    });
    socket.on('queue:snapshot', (snapshot) => {
      this.queue = snapshot;
      this.#host.requestUpdate();
    });
    for (const name of SEQUENCED_EVENTS)
      socket.on(name, ((payload: Payload<typeof name>) => this.#sequenced(name, payload)) as never);
    socket.on('waits:updated', (payload) => {
      if (!this.queue) return;
      this.queue = applyWaits(this.queue, payload);
      this.#host.requestUpdate();
    });
    socket.on('devices:status', (payload) => this.#options.onDevices?.(payload));
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  /** Joins the store once it is known (call again when it changes). */
  join(): void {
    const store = this.#options.store();
    if (!this.#socket?.connected || !store || this.#joined === store) return;
    this.#joined = store;
    this.queue = null;
    this.#socket.emit('join', { store, staff: true });
  }

  resync(): void {
    const store = this.#options.store();
    if (store && this.#socket?.connected) this.#socket.emit('resync', { store });
  }

  #sequenced(name: SequencedEventName, payload: Payload<SequencedEventName>): void {
    const queue = this.queue;
    if (!queue || payload.seq <= queue.seq) return;
    if (payload.seq > queue.seq + 1) {
      this.queue = null;
      this.resync();
      return;
    }
    this.queue = applyQueueEvent(queue, name, payload as never);
    if (name === 'store:updated') {
      // Services and names changed: the app republishes the session so every page sees them.
      const config = (payload as Payload<'store:updated'>).config;
      (this.#host as unknown as HTMLElement).dispatchEvent(
        new CustomEvent('store-config', { detail: config, bubbles: true, composed: true }),
      );
    }
    this.#options.onEvent?.(name, payload);
    this.#host.requestUpdate();
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.resync();
  };
}
