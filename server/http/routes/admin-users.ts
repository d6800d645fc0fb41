import type { Context } from 'hono';
import type { UserRecord } from '../../store/user-repository.ts';
import { toUserDto } from '../../store/user-repository.ts';
import type { ApiRouter } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { HttpError, notFound } from '../http-error.ts';
import { auditBy } from './admin-support.ts';

/**
 * Staff accounts. An admin manages everyone; a manager manages operator accounts of their own
 * stores only (and can never hand out the manager or admin role).
 */
export function adminUserRoutes(api: ApiRouter): void {
  api.register('listUsers', async ({ deps: { users }, store, caller: { user: me } }) => {
    if (store || me.role === 'admin') return { users: await users.list(store?.id) };
    const lists = await Promise.all(me.storeIds.map((id) => users.list(id)));
    const byId = new Map(lists.flat().map((u) => [u.id, u]));
    return { users: [...byId.values()].sort((a, b) => a.username.localeCompare(b.username)) };
  });

  api.register('createUser', async ({ c, deps: { users, lines }, body, caller: { user: me } }) => {
    checkGrant(c, me, body.role, body.storeIds);
    if (await users.findByUsername(body.username))
      throw new HttpError(409, 'username_taken', `The username "${body.username}" is taken.`);
    const user = await users.create(body, lines.now(), ({ id }) =>
      auditBy(c, null, 'user_created', { id, username: body.username, role: body.role, storeIds: body.storeIds }),
    );
    return { user: toUserDto(user) };
  });

  api.register('updateUser', async ({ c, deps: { users }, params, body: patch, caller: { user: me } }) => {
    const target = await users.findById(params.user);
    if (!target) throw notFound('user');
    if (me.role !== 'admin') {
      const mine = target.role === 'operator' && target.storeIds.some((s) => me.storeIds.includes(s));
      if (!mine) throw new HttpError(403, 'forbidden', 'A manager may change only operator accounts of their stores.');
    }
    if (patch.role || patch.storeIds) checkGrant(c, me, patch.role ?? target.role, patch.storeIds ?? target.storeIds);
    if (target.id === me.id && (patch.active === false || (patch.role && patch.role !== me.role))) {
      throw new HttpError(409, 'self_lockout', 'You cannot deactivate yourself or change your own role.');
    }
    const user = await users.update(
      target.id,
      patch,
      auditBy(c, null, 'user_updated', {
        id: target.id,
        ...patch,
        password: patch.password ? '(changed)' : undefined,
      }),
    );
    if (!user) throw notFound('user');
    return { user: toUserDto(user) };
  });
}

/** May `me` give `role` in `storeIds`? Stores must exist; managers grant operator in their own stores. */
function checkGrant(c: Context<AppEnv>, me: UserRecord, role: string, storeIds: string[]): void {
  const { lines } = c.get('deps');
  const unknown = storeIds.find((id) => !lines.state(id));
  if (unknown) throw new HttpError(422, 'unknown_store', `There is no store "${unknown}".`);
  if (me.role === 'admin') return;
  if (role !== 'operator') throw new HttpError(403, 'forbidden', 'Only an admin can give the manager or admin role.');
  if (storeIds.length === 0 || storeIds.some((id) => !me.storeIds.includes(id))) {
    throw new HttpError(403, 'forbidden', 'A manager may add operators only to their own stores.');
  }
}
