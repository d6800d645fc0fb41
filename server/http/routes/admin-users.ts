import type { Context } from 'hono';
import { createUserBody } from '../../../shared/schemas.ts';
import type { UserRecord } from '../../store/user-repository.ts';
import { toUserDto } from '../../store/user-repository.ts';
import { type ApiRouter, readBody, readQuery } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { requireRole } from '../guards.ts';
import { HttpError, notFound } from '../http-error.ts';
import { updateUserBody, userListQuery } from './admin-schemas.ts';
import { ADMIN_ERRORS, auditBy } from './admin-support.ts';

/**
 * Staff accounts. An admin manages everyone; a manager manages operator accounts of their own
 * stores only (and can never hand out the manager or admin role).
 */
export function adminUserRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'get',
      path: '/admin/users',
      summary: 'Staff accounts (a manager sees those of their stores)',
      tag: 'admin',
      audience: 'manager',
      query: userListQuery,
      responses: { 200: '{users}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { store } = readQuery(c, userListQuery);
      const { users, lines } = c.get('deps');
      const storeId = store ? lines.resolveStore(store) : undefined;
      if (store && !storeId) throw notFound('store');
      const me = requireRole(c, 'manager', storeId);
      if (storeId || me.role === 'admin') return c.json({ users: await users.list(storeId) });
      const lists = await Promise.all(me.storeIds.map((id) => users.list(id)));
      const byId = new Map(lists.flat().map((u) => [u.id, u]));
      return c.json({ users: [...byId.values()].sort((a, b) => a.username.localeCompare(b.username)) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/users',
      summary: 'Create a staff account (managers: operators of their stores)',
      tag: 'admin',
      audience: 'manager',
      body: createUserBody,
      responses: { 201: '{user}', 409: 'username taken', ...ADMIN_ERRORS },
    },
    async (c) => {
      const me = requireRole(c, 'manager');
      const body = await readBody(c, createUserBody);
      checkGrant(c, me, body.role, body.storeIds);
      const { users, lines } = c.get('deps');
      if (await users.findByUsername(body.username))
        throw new HttpError(409, 'username_taken', `The username "${body.username}" is taken.`);
      const user = await users.create(body, lines.now(), ({ id }) =>
        auditBy(c, null, 'user_created', { id, username: body.username, role: body.role, storeIds: body.storeIds }),
      );
      return c.json({ user: toUserDto(user) }, 201);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/admin/users/:user',
      summary: 'Change role, stores, active or password',
      tag: 'admin',
      audience: 'manager',
      body: updateUserBody,
      responses: { 200: '{user}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const me = requireRole(c, 'manager');
      const { users } = c.get('deps');
      const target = await users.findById(c.req.param('user') ?? '');
      if (!target) throw notFound('user');
      const patch = await readBody(c, updateUserBody);
      if (me.role !== 'admin') {
        const mine = target.role === 'operator' && target.storeIds.some((s) => me.storeIds.includes(s));
        if (!mine)
          throw new HttpError(403, 'forbidden', 'A manager may change only operator accounts of their stores.');
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
      return c.json({ user: user && toUserDto(user) });
    },
  );
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
