import type { ReactiveController, ReactiveControllerHost } from 'lit';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Calls `onIdle` once nobody has touched the screen for `timeoutMs` while `armed()` is true,
 * e.g. to take a kiosk back to its start screen.
 */
export class IdleController implements ReactiveController {
  #timeoutMs: number;
  #armed: () => boolean;
  #onIdle: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: { timeoutMs: number; armed: () => boolean; onIdle: () => void }) {
    this.#timeoutMs = options.timeoutMs;
    this.#armed = options.armed;
    this.#onIdle = options.onIdle;
    host.addController(this);
  }

  hostConnected(): void {
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, this.#restart, { passive: true, capture: true });
  }

  hostDisconnected(): void {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, this.#restart, { capture: true });
    clearTimeout(this.#timer);
  }

  /** Re-checks after each render whether the countdown should run. */
  hostUpdated(): void {
    if (this.#armed() && this.#timer === undefined) this.#restart();
    if (!this.#armed()) this.#stop();
  }

  #restart = (): void => {
    this.#stop();
    if (!this.#armed()) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#armed()) this.#onIdle();
    }, this.#timeoutMs);
  };

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
