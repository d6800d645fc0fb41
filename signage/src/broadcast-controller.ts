import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { callApi } from '../../shared/api/client.ts';
import type { BroadcastPayload } from '../../shared/protocol.ts';

export type Broadcast = Pick<BroadcastPayload, 'id' | 'message' | 'messageByLanguage' | 'expiresAt'>;

/** Longest a timer may be set for in browsers (~24.8 days); later expiries are re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The manager's full-screen broadcast: loaded over HTTP, replaced by `signage:broadcast`, and
 * removed by itself at `expiresAt` (a broadcast that arrives already expired clears the screen).
 */
export class BroadcastController implements ReactiveController {
  current: Broadcast | null = null;
  #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Fetches the store's current broadcast; keeps what it has when the server cannot be reached. */
  async load(store: string): Promise<void> {
    try {
      const { broadcast } = await callApi('currentBroadcast', { params: { store } });
      this.show(broadcast);
    } catch {
      // 404 (not built yet) or offline: nothing new to show.
    }
  }

  show(broadcast: Broadcast | null): void {
    clearTimeout(this.#timer);
    const remaining = broadcast ? Date.parse(broadcast.expiresAt) - Date.now() : 0;
    this.current = broadcast && remaining > 0 ? broadcast : null;
    if (this.current) {
      const shown = this.current;
      this.#timer = setTimeout(() => this.show(shown), Math.min(remaining, MAX_TIMER_MS));
    }
    this.#host.requestUpdate();
  }
}
