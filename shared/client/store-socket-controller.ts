import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { QueueSnapshot } from '../domain.ts';
import {
  type ClientToServerEvents,
  SEQUENCED_EVENTS,
  type SequencedEventName,
  type ServerToClientEvents,
  type WaitsPayload,
} from '../protocol.ts';

export type SequencedPayload<E extends SequencedEventName> = Parameters<ServerToClientEvents[E]>[0];

export interface StoreSocketOptions {
  /** The store slug to join; the controller waits until it is known. */
  store: () => string | null;
  /** Join the staff room (needs a session cookie; unredacted events and `devices:status`). */
  staff?: boolean;
  /** Every sequenced event, in order, after the snapshot it follows. */
  onEvent?: <E extends SequencedEventName>(name: E, payload: SequencedPayload<E>) => void;
  /** A fresh snapshot: on join, on reconnect, after a `seq` gap and after the device wakes up. */
  onSnapshot?: (snapshot: QueueSnapshot) => void;
  onWaits?: (payload: WaitsPayload) => void;
  /** The socket, once created: for extra listeners (e.g. `signage:broadcast`) and emits (e.g. `heartbeat`). */
  onSocket?: (socket: StoreSocket) => void;
}

export type StoreSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A device is considered to have slept when its timers fire this much later than asked. */
const SLEEP_DRIFT_MS = 10_000;
const TICK_MS = 5_000;

/**
 * Keeps a store-room socket joined and in sequence: a `seq` gap, a reconnect, the page becoming
 * visible again or the device waking up all lead to a `resync` and a fresh snapshot.
 *
 * @example
 * this.live = new StoreSocketController(this, { store: () => this.storeId, onEvent: (n, p) => … });
 */
export class StoreSocketController implements ReactiveController {
  connected = false;
  snapshot: QueueSnapshot | null = null;
  #host: ReactiveControllerHost;
  #options: StoreSocketOptions;
  #socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  #seq: number | null = null;
  #joined: string | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastTick = Date.now();

  constructor(host: ReactiveControllerHost, options: StoreSocketOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // WebSocket first: one connection that any node behind a load balancer can hold (long-polling,
    // the fallback for networks that block WebSockets, needs sticky sessions across nodes).
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io/',
      transports: ['websocket', 'polling'],
    });
    this.#socket = socket;
    socket.on('connect', () => {
      this.#setConnected(true);
      this.#joined = null;
      this.#join();
    });
    socket.on('disconnect', () => this.#setConnected(false));
    socket.on('queue:snapshot', (snapshot) => {
      this.#seq = snapshot.seq;
      this.snapshot = snapshot;
      this.#options.onSnapshot?.(snapshot);
      this.#host.requestUpdate();
    });
    for (const name of SEQUENCED_EVENTS) {
      socket.on(name, ((payload: SequencedPayload<typeof name>) => this.#sequenced(name, payload)) as never);
    }
    socket.on('line:events', ({ events }) => {
      for (const e of events) this.#sequenced(e.name, e.payload);
    });
    socket.on('waits:updated', (payload) => this.#options.onWaits?.(payload));
    this.#options.onSocket?.(socket);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#timer = setInterval(this.#tick, TICK_MS);
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#timer);
  }

  /** Joins the store once it is known (call again after `store()` changes). */
  join(): void {
    this.#join();
  }

  /** Asks the server for a fresh snapshot, reconnecting first if needed. */
  resync(): void {
    const socket = this.#socket;
    const store = this.#options.store();
    if (!socket || !store) return;
    if (!socket.connected) {
      socket.connect();
      return;
    }
    socket.emit('resync', { store });
  }

  #join(): void {
    const store = this.#options.store();
    if (!this.#socket?.connected || !store || this.#joined === store) return;
    this.#joined = store;
    this.#seq = null;
    // A public room's events come batched: one message per turn of the server, not per event.
    this.#socket.emit('join', this.#options.staff ? { store, staff: true } : { store, batch: true });
  }

  #sequenced<E extends SequencedEventName>(name: E, payload: SequencedPayload<E>): void {
    if (this.#seq === null) return; // the snapshot we are waiting for already includes it
    if (payload.seq <= this.#seq) return;
    if (payload.seq > this.#seq + 1) {
      this.#seq = null;
      this.resync();
      return;
    }
    this.#seq = payload.seq;
    this.#options.onEvent?.(name, payload);
  }

  #setConnected(connected: boolean): void {
    this.connected = connected;
    this.#host.requestUpdate();
  }

  #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.resync();
  };

  #tick = (): void => {
    const now = Date.now();
    if (now - this.#lastTick > TICK_MS + SLEEP_DRIFT_MS) this.resync();
    this.#lastTick = now;
  };
}
