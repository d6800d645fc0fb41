import type { ApiRouter } from '../api-router.ts';
import { HttpError, notFound } from '../http-error.ts';
import { audit } from './admin-support.ts';

/** Full-screen messages on every screen of a store until they expire or are ended; and the audit log. */
export function adminBroadcastRoutes(api: ApiRouter): void {
  api.register('listBroadcasts', async ({ deps, store }) => ({
    broadcasts: await deps.signage.listBroadcasts(store.id),
  }));

  api.register('createBroadcast', async ({ c, deps: { signage, lines, realtime }, store, body, caller }) => {
    const now = lines.now();
    const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : now + (body.durationMin ?? 5) * 60_000;
    if (expiresAt <= now) throw new HttpError(422, 'invalid_body', 'The broadcast must expire in the future.');
    const broadcast = await signage.createBroadcast(store.id, body.message, expiresAt, caller.user.id, now);
    realtime.broadcast(store.id, { id: broadcast.id, message: broadcast.message, expiresAt: broadcast.expiresAt });
    await audit(c, store.id, 'broadcast_created', {
      id: broadcast.id,
      message: broadcast.message,
      expiresAt: broadcast.expiresAt,
    });
    return { broadcast };
  });

  api.register('endBroadcast', async ({ c, deps: { signage, lines, realtime }, store, params }) => {
    const broadcast = await signage.endBroadcast(store.id, params.broadcast, lines.now());
    if (!broadcast) throw notFound('broadcast');
    // Screens drop a message whose expiry has passed: sending it again with the new expiry ends it.
    realtime.broadcast(store.id, { id: broadcast.id, message: broadcast.message, expiresAt: broadcast.expiresAt });
    await audit(c, store.id, 'broadcast_ended', { id: broadcast.id });
    return { broadcast };
  });

  api.register('auditLog', async ({ deps, store, query: { limit } }) => {
    const rows = await deps.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.action',
        'audit_log.details_json',
        'audit_log.at',
        'audit_log.actor_id',
        'users.username',
      ])
      .where('audit_log.store_id', '=', store.id)
      .orderBy('audit_log.id', 'desc')
      .limit(limit ?? 100)
      .execute();
    const entries = rows.map((r) => ({
      id: Number(r.id),
      action: r.action,
      actorId: r.actor_id,
      actor: r.username,
      details: JSON.parse(r.details_json) as unknown,
      at: new Date(Number(r.at)).toISOString(),
    }));
    return { entries };
  });
}
