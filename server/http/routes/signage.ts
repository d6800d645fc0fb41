import { liveBroadcast } from '../../signage/signage-events.ts';
import type { ApiRouter } from '../api-router.ts';
import { notFound } from '../http-error.ts';

/** What any screen may read without pairing: the playlist, the current broadcast, media files. */
export function signageRoutes(api: ApiRouter): void {
  api.register('playlist', async ({ c, deps, store }) => {
    c.header('Cache-Control', 'no-store');
    return { items: await deps.signage.playlist(store.id) };
  });

  api.register('currentBroadcast', async ({ c, deps: { signage, lines }, store }) => {
    const current = await signage.currentBroadcast(store.id, lines.now());
    c.header('Cache-Control', 'no-store');
    return { broadcast: current && liveBroadcast(current) };
  });

  api.register('media', async ({ c, deps, store, params }) => {
    const media = await deps.media.read(store.id, params.file);
    if (!media) throw notFound('file');
    // Names are random and never reused, so a file can be cached for good.
    return c.body(new Uint8Array(media.bytes), 200, {
      'Content-Type': media.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}
