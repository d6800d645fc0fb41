/** Screens and kiosks beat every 15 s: one missed beat is fine, three mean trouble. */
export const ONLINE_WITHIN_MS = 45_000;
export const STALE_WITHIN_MS = 5 * 60_000;

export type DeviceHealth = 'online' | 'stale' | 'offline';

/**
 * Health of a device from its last heartbeat.
 *
 * @example
 * deviceHealth('2025-01-06T09:00:00Z', Date.parse('2025-01-06T09:00:20Z')) // 'online'
 */
export function deviceHealth(lastSeenAt: string | null, now: number): DeviceHealth {
  if (!lastSeenAt) return 'offline';
  const age = now - Date.parse(lastSeenAt);
  if (age <= ONLINE_WITHIN_MS) return 'online';
  return age <= STALE_WITHIN_MS ? 'stale' : 'offline';
}
