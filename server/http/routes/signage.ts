import type { ApiRouter } from '../api-router.ts';
import { storeFromPath } from '../guards.ts';
import { notFound } from '../http-error.ts';

/** What any screen may read without pairing: the playlist, the current broadcast, media files. */
export function signageRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'get',
      path: '/stores/:store/signage/playlist',
      summary: 'Active signage items in playing order, with weekday/time windows',
      tag: 'signage',
      audience: 'anyone',
      responses: { 200: '{items}', 404: 'unknown store' },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      c.header('Cache-Control', 'no-store');
      return c.json({ items: await c.get('deps').signage.playlist(storeId) });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/stores/:store/signage/broadcast',
      summary: 'The broadcast message showing now, or null',
      tag: 'signage',
      audience: 'anyone',
      responses: { 200: '{broadcast}', 404: 'unknown store' },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      const { signage, lines } = c.get('deps');
      const current = await signage.currentBroadcast(storeId, lines.now());
      c.header('Cache-Control', 'no-store');
      return c.json({
        broadcast: current && { id: current.id, message: current.message, expiresAt: current.expiresAt },
      });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/stores/:store/signage/media/:file',
      summary: 'An uploaded image or video',
      tag: 'signage',
      audience: 'anyone',
      produces: 'application/octet-stream',
      responses: { 200: 'the file', 404: 'unknown store or file' },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      const media = await c.get('deps').media.read(storeId, c.req.param('file') ?? '');
      if (!media) throw notFound('file');
      // Names are random and never reused, so a file can be cached for good.
      return c.body(new Uint8Array(media.bytes), 200, {
        'Content-Type': media.contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
    },
  );
}
