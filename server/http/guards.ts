import type { Role } from '../../shared/domain.ts';
import type { UserRecord } from '../auth/user-repository.ts';

const RANK: Record<Role, number> = { operator: 1, manager: 2, admin: 3 };

/** True when the user has at least `role` (in `storeId` when given; admins: every store). */
export function hasRole(user: UserRecord | undefined, role: Role, storeId?: string): boolean {
  if (!user || RANK[user.role] < RANK[role]) return false;
  return storeId === undefined || user.role === 'admin' || user.storeIds.includes(storeId);
}

export function hasRank(user: UserRecord, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}
