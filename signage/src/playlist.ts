import { fetchJson, HttpError } from '../../shared/client/fetch-json.ts';
import { parseClockTime, zonedParts } from '../../shared/client/zoned-time.ts';

export interface PlaylistWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  from: string;
  to: string;
}

export interface PlaylistItem {
  id: string;
  kind: 'image' | 'video' | 'text';
  url?: string;
  text?: string;
  durationSec: number;
  windows: PlaylistWindow[];
}

/**
 * Whether an item may show at `now` in the store's time zone: no windows means always; a window
 * whose `to` is before its `from` runs past midnight (the weekday is the one it starts on).
 */
export function isShowing(item: PlaylistItem, now: Date, timeZone: string): boolean {
  if (!item.windows?.length) return true;
  const { weekday, minutes } = zonedParts(now, timeZone);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return item.windows.some((w) => {
    const from = parseClockTime(w.from);
    const to = parseClockTime(w.to);
    if (from === null || to === null) return false;
    if (from <= to) return w.weekdays.includes(weekday) && minutes >= from && minutes < to;
    return (w.weekdays.includes(weekday) && minutes >= from) || (w.weekdays.includes(yesterday) && minutes < to);
  });
}

/**
 * The store's playlist: from the server when it answers (and remembered), else the last one
 * remembered, so a screen that loses the network keeps its content. 404 means no playlist.
 */
export async function loadPlaylist(store: string): Promise<PlaylistItem[]> {
  const key = `linecast:signage:${store}:playlist`;
  try {
    const { items } = await fetchJson<{ items: PlaylistItem[] }>(
      `/api/stores/${encodeURIComponent(store)}/signage/playlist`,
    );
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
