import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MEDIA_TYPES } from '../../signage/media-store.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError, notFound } from '../http-error.ts';
import { createSignageBody, updateSignageBody } from './admin-schemas.ts';
import { ADMIN_ERRORS, auditBy } from './admin-support.ts';

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
  api.route(
    {
      method: 'get',
      path: '/admin/stores/:store/signage',
      summary: 'Every signage item (active or not) in playing order',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{items}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      return c.json({ items: await c.get('deps').signage.list(storeId) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/stores/:store/signage',
      summary: 'Add a text slide, image or video with order and weekday/time windows',
      tag: 'admin',
      audience: 'manager',
      body: createSignageBody,
      responses: { 201: '{item}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const body = await readBody(c, createSignageBody);
      const { signage, lines, signageEvents } = c.get('deps');
      const item = await signage.create(storeId, body, lines.now(), (i) =>
        auditBy(c, storeId, 'signage_created', { id: i.id, kind: i.kind }),
      );
      signageEvents.contentChanged(storeId);
      return c.json({ item }, 201);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/admin/stores/:store/signage/:item',
      summary: 'Change a signage item',
      tag: 'admin',
      audience: 'manager',
      body: updateSignageBody,
      responses: { 200: '{item}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const patch = await readBody(c, updateSignageBody);
      const { signage, signageEvents } = c.get('deps');
      const id = c.req.param('item') ?? '';
      if (!(await signage.find(storeId, id))) throw notFound('item');
      const item = await signage.update(storeId, id, patch, auditBy(c, storeId, 'signage_updated', { id, ...patch }));
      signageEvents.contentChanged(storeId);
      return c.json({ item });
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/admin/stores/:store/signage/:item',
      summary: 'Remove a signage item',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{ok}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const { signage, signageEvents } = c.get('deps');
      const id = c.req.param('item') ?? '';
      if (!(await signage.remove(storeId, id, auditBy(c, storeId, 'signage_deleted', { id })))) throw notFound('item');
      signageEvents.contentChanged(storeId);
      return c.json({ ok: true });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/stores/:store/signage/media',
      summary: `Upload an image or video as the raw body (Content-Type one of ${Object.keys(MEDIA_TYPES).join(', ')}; at most 50 MiB)`,
      tag: 'admin',
      audience: 'manager',
      responses: { 201: '{url, kind, file}', 413: 'file too large', 415: 'unsupported media type', ...ADMIN_ERRORS },
    },
    limitMedia,
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!MEDIA_TYPES[type])
        throw new HttpError(415, 'unsupported_media_type', `Upload one of ${Object.keys(MEDIA_TYPES).join(', ')}.`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new HttpError(422, 'empty_file', 'The uploaded file is empty.');
      const { media, audit } = c.get('deps');
      const { file, kind } = await media.save(storeId, bytes, type);
      const url = `/api/stores/${encodeURIComponent(storeId)}/signage/media/${file}`;
      // The file is not in the database, so its audit entry is written alone, after it is saved.
      await audit.record(auditBy(c, storeId, 'media_uploaded', { file, type, bytes: bytes.length }));
      return c.json({ url, kind, file }, 201);
    },
  );
}
