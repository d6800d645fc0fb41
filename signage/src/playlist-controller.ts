import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MediaCache } from './media-cache.ts';
import { loadPlaylist, type PlaylistItem } from './playlist.ts';

/** The media zone's playlist and its offline copies; `refresh()` on start, reconnect and content changes. */
export class PlaylistController implements ReactiveController {
  items: PlaylistItem[] = [];
  #host: ReactiveControllerHost;
  #cache = new MediaCache();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  async refresh(store: string): Promise<void> {
    const items = await loadPlaylist(store);
    const urls = items.filter((i) => i.kind !== 'text' && i.url).map((i) => i.url!);
    await this.#cache.prepare(urls);
    this.items = items;
    this.#host.requestUpdate();
  }

  /** The `src` for a media URL: its offline copy once loaded. */
  src = (url: string): string => this.#cache.src(url);
}
