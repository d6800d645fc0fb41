import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host on every wall-clock tick (each second by default), aligned to the
 * second so a shown time never lags by almost a whole tick.
 *
 * @example
 * #clock = new ClockController(this); // then render this.#clock.now
 */
export class ClockController implements ReactiveController {
  now = new Date();
  #host: ReactiveControllerHost;
  #intervalMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, intervalMs = 1000) {
    this.#host = host;
    this.#intervalMs = intervalMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.#tick();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #tick = (): void => {
    this.now = new Date();
    this.#host.requestUpdate();
    this.#timer = setTimeout(this.#tick, this.#intervalMs - (Date.now() % this.#intervalMs) + 5);
  };
}
