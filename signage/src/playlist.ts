import { callApi } from '../../shared/api/client.ts';
import type { PlaylistItem } from '../../shared/api/signage-schemas.ts';
import { HttpError } from '../../shared/client/fetch-json.ts';

export type { PlaylistItem };

/**
 * The store's playlist: from the server when it answers (and remembered), else the last one
 * remembered, so a screen that loses the network keeps its content. 404 means no playlist.
 */
export async function loadPlaylist(store: string): Promise<PlaylistItem[]> {
  const key = `linecast:signage:${store}:playlist`;
  try {
    const { items } = await callApi('playlist', { params: { store } });
    const valid = (items ?? []).filter((i) => i && typeof i.id === 'string' && i.durationSec > 0);
    remember(key, valid);
    return valid;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      remember(key, []);
      return [];
    }
    return recall(key);
  }
}

function remember(key: string, items: PlaylistItem[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(items));
  } catch {
    // Storage full or disabled: the playlist still shows while the page lives.
  }
}

function recall(key: string): PlaylistItem[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? (stored as PlaylistItem[]) : [];
  } catch {
    return [];
  }
}
