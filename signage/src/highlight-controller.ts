import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallView } from './board-model.ts';

/** How long each new call stays highlighted, at least, however fast the next one comes. */
export const MIN_HIGHLIGHT_MS = 8_000;

/**
 * Queues "now calling" highlights so each new call (or recall) is featured for at least
 * `holdMs`: back-to-back calls take turns instead of one replacing the other after a blink.
 *
 * @example
 * this.#highlight.push(call); // render this.#highlight.current while this.#highlight.active
 */
export class HighlightController implements ReactiveController {
  /** The call being featured; stays set after its highlight ends until the next one. */
  current: CallView | null = null;
  /** True while `current` is within its highlight time. */
  active = false;
  #queue: CallView[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #host: ReactiveControllerHost;
  #holdMs: number;

  constructor(host: ReactiveControllerHost, holdMs = MIN_HIGHLIGHT_MS) {
    this.#host = host;
    this.#holdMs = holdMs;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Number of calls waiting for their turn to be featured. */
  get pending(): number {
    return this.#queue.length;
  }

  push(call: CallView): void {
    this.#queue.push(call);
    if (!this.active) this.#next();
  }

  #next = (): void => {
    const call = this.#queue.shift();
    this.active = call !== undefined;
    if (call) {
      this.current = call;
      this.#timer = setTimeout(this.#next, this.#holdMs);
    } else {
      this.#timer = undefined;
    }
    this.#host.requestUpdate();
  };
}
