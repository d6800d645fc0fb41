import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyQueueEvent, applyWaits } from '../../shared/client/queue-reducer.ts';
import { type StoreSocket, StoreSocketController } from '../../shared/client/store-socket-controller.ts';
import type { PublicTicketDto, QueueSnapshot, StorePublicConfig } from '../../shared/domain.ts';
import type { SequencedEventName, TicketEventPayload } from '../../shared/protocol.ts';

/** Calls made while the screen was away are reported on its return only if this recent. */
const AWAY_CALL_MAX_AGE_MS = 2 * 60_000;

export interface LiveQueueOptions {
  store: string;
  /** A call or recall to show and announce, in order; also for calls made while disconnected. */
  onCall: (ticket: PublicTicketDto, counterName: string | null) => void;
  onConfig: (config: StorePublicConfig) => void;
  /** After a reconnect: time to refetch whatever else the screen shows. */
  onReconnect: () => void;
  /** The socket, for extra listeners and the heartbeat. */
  onSocket: (socket: StoreSocket) => void;
}

/**
 * The public queue as a screen shows it: the latest snapshot (from the socket or HTTP,
 * whichever is newer) with every later event folded in. `synced` is false from a disconnect
 * until the fresh snapshot after the reconnect, which is when the screen must say it is stale.
 */
export class LiveQueueController implements ReactiveController {
  queue: QueueSnapshot | null = null;
  synced = false;
  /** The socket has connected at least once (so a disconnect now means "stale"). */
  everConnected = false;
  #host: ReactiveControllerHost;
  #options: LiveQueueOptions;

  constructor(host: ReactiveControllerHost, options: LiveQueueOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    new StoreSocketController(host, {
      store: () => options.store,
      onSnapshot: (snapshot) => {
        this.adopt(snapshot);
        this.synced = true;
      },
      onEvent: (name, payload) => this.#onEvent(name, payload),
      onWaits: (payload) => this.#set(this.queue && applyWaits(this.queue, payload)),
      onSocket: (socket) => this.#wire(socket),
    });
  }

  hostConnected(): void {}

  /**
   * Takes a snapshot unless the screen already holds a newer one (events up to the newer `seq`
   * are then skipped, so nothing is shown or said twice), and reports calls it did not know of.
   */
  adopt(snapshot: QueueSnapshot): void {
    const previous = this.queue;
    if (previous && snapshot.seq < previous.seq) return;
    this.#set(snapshot);
    if (previous) this.#callsMadeWhileAway(previous, snapshot);
  }

  #callsMadeWhileAway(previous: QueueSnapshot, next: QueueSnapshot): void {
    const known = new Map(previous.called.map((t) => [t.id, t.calledAt]));
    // Ages are measured on the server's clock, which the screen's may not agree with.
    const since = Date.parse(next.at) - AWAY_CALL_MAX_AGE_MS;
    const fresh = next.called
      .filter((t) => t.calledAt && Date.parse(t.calledAt) >= since && known.get(t.id) !== t.calledAt)
      .sort((a, b) => (a.calledAt ?? '').localeCompare(b.calledAt ?? ''));
    for (const ticket of fresh) this.#options.onCall(ticket, ticket.counterName);
  }

  #onEvent(name: SequencedEventName, payload: { seq: number }): void {
    if (!this.queue || payload.seq <= this.queue.seq) return;
    this.#set(applyQueueEvent(this.queue, name, payload));
    const event = payload as Partial<TicketEventPayload> & { config?: StorePublicConfig };
    if ((name === 'ticket:called' || name === 'ticket:recalled') && event.ticket) {
      this.#options.onCall(event.ticket, event.counterName ?? event.ticket.counterName);
    } else if (name === 'store:updated' && event.config) {
      this.#options.onConfig(event.config);
    }
  }

  #wire(socket: StoreSocket): void {
    socket.on('connect', () => {
      if (this.everConnected) this.#options.onReconnect();
      this.everConnected = true;
    });
    socket.on('disconnect', (reason) => {
      this.synced = false;
      this.#host.requestUpdate();
      // socket.io does not reconnect by itself after the server closed the socket on purpose.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2_000);
    });
    this.#options.onSocket(socket);
  }

  #set(queue: QueueSnapshot | null): void {
    this.queue = queue;
    this.#host.requestUpdate();
  }
}
