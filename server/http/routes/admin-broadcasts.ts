import { type ApiRouter, readBody, readQuery } from '../api-router.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError, notFound } from '../http-error.ts';
import { auditQuery, createBroadcastBody } from './admin-schemas.ts';
import { ADMIN_ERRORS, auditBy } from './admin-support.ts';

/** Full-screen messages on every screen of a store until they expire or are ended; and the audit log. */
export function adminBroadcastRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'get',
      path: '/admin/stores/:store/broadcasts',
      summary: 'Recent broadcasts, newest first',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{broadcasts}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      return c.json({ broadcasts: await c.get('deps').signage.listBroadcasts(storeId) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/stores/:store/broadcasts',
      summary: 'Show a message on every screen until it expires',
      tag: 'admin',
      audience: 'manager',
      body: createBroadcastBody,
      responses: { 201: '{broadcast}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      const user = requireRole(c, 'manager', storeId);
      const body = await readBody(c, createBroadcastBody);
      const { signage, lines, signageEvents } = c.get('deps');
      const now = lines.now();
      const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : now + (body.durationMin ?? 5) * 60_000;
      if (expiresAt <= now) throw new HttpError(422, 'invalid_body', 'The broadcast must expire in the future.');
      const broadcast = await signage.createBroadcast(storeId, body.message, expiresAt, user.id, now, (b) =>
        auditBy(c, storeId, 'broadcast_created', { id: b.id, message: b.message, expiresAt: b.expiresAt }),
      );
      signageEvents.broadcast(storeId, {
        id: broadcast.id,
        message: broadcast.message,
        expiresAt: broadcast.expiresAt,
      });
      return c.json({ broadcast }, 201);
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/admin/stores/:store/broadcasts/:broadcast',
      summary: 'End a broadcast now',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{broadcast}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const { signage, lines, signageEvents } = c.get('deps');
      const broadcast = await signage.endBroadcast(storeId, c.req.param('broadcast') ?? '', lines.now(), (b) =>
        auditBy(c, storeId, 'broadcast_ended', { id: b.id }),
      );
      if (!broadcast) throw notFound('broadcast');
      // Screens drop a message whose expiry has passed: sending it again with the new expiry ends it.
      signageEvents.broadcast(storeId, {
        id: broadcast.id,
        message: broadcast.message,
        expiresAt: broadcast.expiresAt,
      });
      return c.json({ broadcast });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/admin/stores/:store/audit',
      summary: 'Recent audit log of the store (admin changes, out-of-order calls)',
      tag: 'admin',
      audience: 'manager',
      query: auditQuery,
      responses: { 200: '{entries}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const { limit } = readQuery(c, auditQuery);
      const entries = await c.get('deps').audit.recent(storeId, limit ?? 100);
      return c.json({ entries });
    },
  );
}
