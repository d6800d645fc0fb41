import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localParts } from '../../shared/time.ts';

export interface DailyReloadOptions {
  /** Local hour (store time zone) when the screen reloads itself, e.g. 4 for 04:00–04:59. */
  hour: number;
  timeZone: () => string | null;
  /** Time (ms) of the last call shown; no reload within a minute of one. */
  lastCallAt: () => number;
  /** Only reload while the server answers, so a reload can never leave a white screen. */
  online: () => boolean;
}

const CHECK_MS = 60_000;
/** A freshly loaded page does not reload again the same night. */
const MIN_UPTIME_MS = 2 * 60 * 60_000;

/** Reloads the page once a day at a quiet hour, clearing leaks and picking up new app versions. */
export class DailyReloadController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #loadedAt = Date.now();
  #options: DailyReloadOptions;

  constructor(host: ReactiveControllerHost, options: DailyReloadOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => void this.#check(), CHECK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }

  async #check(): Promise<void> {
    const timeZone = this.#options.timeZone();
    const now = Date.now();
    if (!timeZone || !this.#options.online() || now - this.#loadedAt < MIN_UPTIME_MS) return;
    if (localParts(now, timeZone).hour !== this.#options.hour) return;
    if (now - this.#options.lastCallAt() < 60_000) return;
    const page = await fetch(location.href, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
    if (page?.ok) location.reload();
  }
}
