import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoreSocket } from '../../shared/client/store-socket-controller.ts';
import type { HeartbeatPayload } from '../../shared/protocol.ts';

export const HEARTBEAT_MS = 15_000;

/**
 * Tells the server every 15 s (and on each connect) that this screen is alive and what it
 * shows, so a manager sees a frozen or dark screen under its device name.
 */
export class HeartbeatController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #socket: () => StoreSocket | null;
  #payload: () => HeartbeatPayload | null;

  constructor(host: ReactiveControllerHost, socket: () => StoreSocket | null, payload: () => HeartbeatPayload | null) {
    this.#socket = socket;
    this.#payload = payload;
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(this.beat, HEARTBEAT_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }

  beat = (): void => {
    const socket = this.#socket();
    const payload = this.#payload();
    if (socket?.connected && payload) socket.emit('heartbeat', payload);
  };
}
