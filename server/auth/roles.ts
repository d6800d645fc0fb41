import type { Role, UserDto } from '../../shared/domain.ts';

/** Each role may do everything the roles below it may. */
const RANK: Record<Role, number> = { operator: 1, manager: 2, admin: 3 };

/** True when `role` is `least` or above it. */
export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

/**
 * True when the user may act in the store with at least `role` (admins: every store).
 *
 * @example
 * hasRole(manager, 'operator', manager.storeIds[0]); // true
 */
export function hasRole(user: Pick<UserDto, 'role' | 'storeIds'> | undefined, role: Role, storeId: string): boolean {
  if (!user || !roleAtLeast(user.role, role)) return false;
  return user.role === 'admin' || user.storeIds.includes(storeId);
}
