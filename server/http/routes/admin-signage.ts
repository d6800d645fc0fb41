import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MEDIA_TYPES } from '../../signage/media-store.ts';
import type { ApiRouter } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { HttpError, notFound } from '../http-error.ts';
import { auditBy } from './admin-support.ts';

/** Largest upload: enough for a short 1080p loop, small enough to cache on every screen. */
export const MAX_MEDIA_BYTES = 50 * 1024 * 1024;

const limitMedia: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_MEDIA_BYTES,
  onError: (c) =>
    c.json(
      {
        error: {
          code: 'payload_too_large',
          message: `Media files may be at most ${MAX_MEDIA_BYTES / 1024 / 1024} MiB.`,
        },
      },
      413,
    ),
});

/** Signage content: playlist items, uploaded media files. Screens hear of changes at once. */
export function adminSignageRoutes(api: ApiRouter): void {
  api.register('listSignage', async ({ deps, store }) => ({ items: await deps.signage.list(store.id) }));

  api.register('createSignage', async ({ c, deps: { signage, lines, signageEvents }, store, body }) => {
    const item = await signage.create(store.id, body, lines.now(), (i) =>
      auditBy(c, store.id, 'signage_created', { id: i.id, kind: i.kind }),
    );
    signageEvents.contentChanged(store.id);
    return { item };
  });

  api.register('updateSignage', async ({ c, deps: { signage, signageEvents }, store, params, body: patch }) => {
    const id = params.item;
    if (!(await signage.find(store.id, id))) throw notFound('item');
    const item = await signage.update(store.id, id, patch, auditBy(c, store.id, 'signage_updated', { id, ...patch }));
    if (!item) throw notFound('item');
    signageEvents.contentChanged(store.id);
    return { item };
  });

  api.register('deleteSignage', async ({ c, deps: { signage, signageEvents }, store, params }) => {
    const audit = auditBy(c, store.id, 'signage_deleted', { id: params.item });
    if (!(await signage.remove(store.id, params.item, audit))) throw notFound('item');
    signageEvents.contentChanged(store.id);
    return { ok: true } as const;
  });

  api.register(
    'uploadMedia',
    async ({ c, deps, store }) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!MEDIA_TYPES[type])
        throw new HttpError(415, 'unsupported_media_type', `Upload one of ${Object.keys(MEDIA_TYPES).join(', ')}.`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new HttpError(422, 'empty_file', 'The uploaded file is empty.');
      const { file, kind } = await deps.media.save(store.id, bytes, type, deps.lines.now(), (file) =>
        auditBy(c, store.id, 'media_uploaded', { file, type, bytes: bytes.length }),
      );
      const url = `/api/stores/${encodeURIComponent(store.id)}/signage/media/${file}`;
      return { url, kind, file };
    },
    [limitMedia],
  );
}
