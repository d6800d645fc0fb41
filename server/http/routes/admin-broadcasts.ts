import { liveBroadcast } from '../../signage/signage-events.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError, notFound } from '../http-error.ts';
import { auditBy } from './admin-support.ts';

/** Full-screen messages on every screen of a store until they expire or are ended; and the audit log. */
export function adminBroadcastRoutes(api: ApiRouter): void {
  api.register('listBroadcasts', async ({ deps, store }) => ({
    broadcasts: await deps.signage.listBroadcasts(store.id),
  }));

  api.register('createBroadcast', async ({ c, deps: { signage, lines, signageEvents }, store, body, caller }) => {
    const now = lines.now();
    const expiresAt = body.expiresAt ? Date.parse(body.expiresAt) : now + (body.durationMin ?? 5) * 60_000;
    if (expiresAt <= now) throw new HttpError(422, 'invalid_body', 'The broadcast must expire in the future.');
    const broadcast = await signage.createBroadcast(store.id, body.message, expiresAt, caller.user.id, now, (b) =>
      auditBy(c, store.id, 'broadcast_created', {
        id: b.id,
        message: b.messageByLanguage ?? b.message,
        expiresAt: b.expiresAt,
      }),
    );
    signageEvents.broadcast(store.id, liveBroadcast(broadcast));
    return { broadcast };
  });

  api.register('endBroadcast', async ({ c, deps: { signage, lines, signageEvents }, store, params }) => {
    const broadcast = await signage.endBroadcast(store.id, params.broadcast, lines.now(), (b) =>
      auditBy(c, store.id, 'broadcast_ended', { id: b.id }),
    );
    if (!broadcast) throw notFound('broadcast');
    // Screens drop a message whose expiry has passed: sending it again with the new expiry ends it.
    signageEvents.broadcast(store.id, liveBroadcast(broadcast));
    return { broadcast };
  });

  api.register('auditLog', async ({ deps, store, query: { limit } }) => {
    const entries = await deps.audit.recent(store.id, limit ?? 100);
    return { entries };
  });
}
