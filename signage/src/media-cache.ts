const CACHE_NAME = 'linecast-signage-media';

/**
 * Keeps playlist media available offline: each file is fetched once into the Cache API (when
 * the page is a secure context) and served to `<img>`/`<video>` as an object URL from memory,
 * so a network drop never blanks the media zone. Falls back to the cached copy when offline.
 */
export class MediaCache {
  #objectUrls = new Map<string, string>();

  /** Loads every URL (keeping ones already held) and frees the ones no longer listed. */
  async prepare(urls: readonly string[]): Promise<void> {
    const wanted = new Set(urls);
    for (const [url, objectUrl] of this.#objectUrls) {
      if (!wanted.has(url)) {
        URL.revokeObjectURL(objectUrl);
        this.#objectUrls.delete(url);
      }
    }
    for (const url of wanted) {
      if (this.#objectUrls.has(url)) continue;
      const blob = await this.#fetch(url);
      if (blob) this.#objectUrls.set(url, URL.createObjectURL(blob));
    }
  }

  /** The URL to put in `src`: the in-memory copy when there is one. */
  src(url: string): string {
    return this.#objectUrls.get(url) ?? url;
  }

  async #fetch(url: string): Promise<Blob | null> {
    const cache = typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME).catch(() => null);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await cache?.put(url, response.clone()).catch(() => undefined);
      return await response.blob();
    } catch {
      const cached = await cache?.match(url);
      return cached ? cached.blob() : null;
    }
  }
}
