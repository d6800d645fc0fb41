import { deviceStatus } from '../../realtime/device-status.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError, notFound } from '../http-error.ts';
import { auditBy } from './admin-support.ts';

/** Kiosks and screens: pair by the code the device shows, list with health, revoke. */
export function adminDeviceRoutes(api: ApiRouter): void {
  api.register('listDevices', async ({ deps: { devices, lines }, store }) => {
    const now = lines.now();
    const list = await devices.list(store.id);
    return {
      devices: list.map((d) => ({
        ...d,
        status: d.revokedAt ? ('revoked' as const) : health(d.lastSeenAt, d.lastRenderedAt, now),
      })),
    };
  });

  api.register('pairDevice', async ({ c, deps: { devices, lines }, store, body: { code, name } }) => {
    const device = await devices.completePairing(store.id, code, name, lines.now(), (d) =>
      auditBy(c, store.id, 'device_paired', { id: d.id, name, kind: d.kind }),
    );
    if (!device)
      throw new HttpError(
        404,
        'unknown_pairing_code',
        'No device of this store is showing that code (it may have expired).',
      );
    return { device };
  });

  api.register('revokeDevice', async ({ c, deps: { devices, lines }, store, params }) => {
    const audit = auditBy(c, store.id, 'device_revoked', { id: params.device });
    if (!(await devices.revoke(store.id, params.device, lines.now(), audit))) throw notFound('device');
    return { ok: true } as const;
  });
}

/** The same online / stale / offline rule the realtime layer pushes in `devices:status`. */
function health(lastSeenAt: string | null, lastRenderedAt: string | null, now: number) {
  if (!lastSeenAt) return 'offline';
  const seenAt = Date.parse(lastSeenAt);
  return deviceStatus({ seenAt, renderedAt: lastRenderedAt ? Date.parse(lastRenderedAt) : seenAt }, now);
}
