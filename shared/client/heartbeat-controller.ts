import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HeartbeatPayload } from '../protocol.ts';
import type { StoreSocket } from './store-socket-controller.ts';

const HEARTBEAT_MS = 15_000;

export interface HeartbeatOptions {
  store: string;
  kind: HeartbeatPayload['kind'];
  /** e.g. the signage layout; shown to staff next to an unpaired device. */
  layout?: string;
  /** The paired device token, if any: a paired device reports under the name a manager gave it. */
  deviceToken: () => string | null;
  /** The ticket number on screen now, if any. */
  lastTicketShown: () => string | null;
}

/**
 * Tells the server every 15 s, and after each (re)join, that this screen or kiosk is alive and
 * what it shows, so a manager sees a frozen or dark device under its name. Each beat follows a
 * fresh render of the host, so "last rendered" proves the page still draws, not just that its
 * timers run.
 *
 * @example
 * #heartbeat = new HeartbeatController(this, { store, kind: 'kiosk', deviceToken: () => token, lastTicketShown: () => null });
 * // then, from StoreSocketController's onSocket: this.#heartbeat.attach(socket)
 */
export class HeartbeatController implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: HeartbeatOptions;
  #socket: StoreSocket | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastRenderedAt = new Date();

  constructor(host: ReactiveControllerHost, options: HeartbeatOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Reports on `socket` from now on, at once after each snapshot (that is, after every join). */
  attach(socket: StoreSocket): void {
    this.#socket = socket;
    socket.on('queue:snapshot', this.beat);
  }

  hostConnected(): void {
    this.#timer = setInterval(this.beat, HEARTBEAT_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }

  hostUpdated(): void {
    this.#lastRenderedAt = new Date();
  }

  /** Renders the host once more, then reports (a failed render leaves "last rendered" behind). */
  beat = (): void => {
    this.#host.requestUpdate();
    void this.#host.updateComplete.catch(() => false).then(() => this.#send());
  };

  #send(): void {
    const socket = this.#socket;
    if (!socket?.connected || !this.#options.store) return;
    const { store, kind, layout } = this.#options;
    const deviceToken = this.#options.deviceToken();
    socket.emit('heartbeat', {
      store,
      kind,
      ...(deviceToken ? { deviceToken } : {}),
      ...(layout ? { layout } : {}),
      lastRenderedAt: this.#lastRenderedAt.toISOString(),
      lastTicketShown: this.#options.lastTicketShown(),
    });
  }
}
