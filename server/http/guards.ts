import type { Context } from 'hono';
import type { Role } from '../../shared/domain.ts';
import { roleAtLeast } from '../auth/roles.ts';
import type { StoreState } from '../engine/state.ts';
import type { UserRecord } from '../store/user-repository.ts';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';

/** The signed-in user, or 401. */
export function requireUser(c: Context<AppEnv>): UserRecord {
  const user = c.get('user');
  if (!user) throw new HttpError(401, 'not_signed_in', 'Sign in first.');
  return user;
}

/** A user of at least `role` who may work in `storeId` (admins: every store), or 401/403. */
export function requireRole(c: Context<AppEnv>, role: Role, storeId?: string): UserRecord {
  const user = requireUser(c);
  if (!roleAtLeast(user.role, role)) throw new HttpError(403, 'forbidden', `This needs the ${role} role.`);
  if (storeId && user.role !== 'admin' && !user.storeIds.includes(storeId)) {
    throw new HttpError(403, 'forbidden', 'You do not work in this store.');
  }
  return user;
}

/** The store named by the `:store` path parameter (id or slug) and its live state, or 404. */
export function storeFromPath(c: Context<AppEnv>): { storeId: string; state: StoreState } {
  const lines = c.get('deps').lines;
  const storeId = lines.resolveStore(c.req.param('store') ?? '');
  const state = storeId ? lines.state(storeId) : undefined;
  if (!storeId || !state) throw new HttpError(404, 'unknown_store', 'No such store.');
  return { storeId, state };
}
