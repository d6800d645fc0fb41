import { deviceStatus } from '../../realtime/device-status.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError, notFound } from '../http-error.ts';
import { pairDeviceBody } from './admin-schemas.ts';
import { ADMIN_ERRORS, auditBy } from './admin-support.ts';

/** Kiosks and screens: pair by the code the device shows, list with health, revoke. */
export function adminDeviceRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'get',
      path: '/admin/stores/:store/devices',
      summary: 'Paired devices with their health (online / stale / offline)',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{devices}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const { devices, lines } = c.get('deps');
      const now = lines.now();
      const list = await devices.list(storeId);
      return c.json({
        devices: list.map((d) => ({
          ...d,
          status: d.revokedAt ? 'revoked' : health(d.lastSeenAt, d.lastRenderedAt, now),
        })),
      });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/stores/:store/devices/pair',
      summary: 'Pair a kiosk or screen by the one-time code it shows',
      tag: 'admin',
      audience: 'manager',
      body: pairDeviceBody,
      responses: { ...ADMIN_ERRORS, 201: '{device}', 404: 'unknown store, or no pending pairing with that code' },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const { code, name } = await readBody(c, pairDeviceBody);
      const { devices, lines } = c.get('deps');
      const device = await devices.completePairing(storeId, code, name, lines.now(), (d) =>
        auditBy(c, storeId, 'device_paired', { id: d.id, name, kind: d.kind }),
      );
      if (!device)
        throw new HttpError(
          404,
          'unknown_pairing_code',
          'No device of this store is showing that code (it may have expired).',
        );
      return c.json({ device }, 201);
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/admin/stores/:store/devices/:device',
      summary: 'Revoke a device (its token stops working)',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{ok}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const { devices, lines } = c.get('deps');
      const id = c.req.param('device') ?? '';
      const revoked = await devices.revoke(storeId, id, lines.now(), auditBy(c, storeId, 'device_revoked', { id }));
      if (!revoked) throw notFound('device');
      return c.json({ ok: true });
    },
  );
}

/** The same online / stale / offline rule the realtime layer pushes in `devices:status`. */
function health(lastSeenAt: string | null, lastRenderedAt: string | null, now: number) {
  if (!lastSeenAt) return 'offline';
  const seenAt = Date.parse(lastSeenAt);
  return deviceStatus({ seenAt, renderedAt: lastRenderedAt ? Date.parse(lastRenderedAt) : seenAt }, now);
}
