import { z } from 'zod';
import { idSchema } from '../../../shared/schemas.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import { HttpError } from '../http-error.ts';

const startPairingBody = z.object({ store: z.string().min(1).max(64), kind: z.enum(['kiosk', 'signage']) }).strict();

/** How an unpaired kiosk or screen gets a code to show and, once a manager types it, its token. */
export function deviceRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'post',
      path: '/devices/pairing',
      summary: 'Start pairing: returns a one-time code for the device to show',
      tag: 'devices',
      audience: 'anyone',
      body: startPairingBody,
      responses: { 201: '{pairingId, code, expiresAt}', 404: 'unknown store', 422: 'invalid body' },
    },
    async (c) => {
      const { store, kind } = await readBody(c, startPairingBody);
      const { lines, devices } = c.get('deps');
      const storeId = lines.resolveStore(store);
      if (!storeId) throw new HttpError(404, 'unknown_store', 'No such store.');
      return c.json(await devices.startPairing(storeId, kind, lines.now()), 201);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/devices/pairing/:pairingId',
      summary: 'Pairing status; once paired, hands the device its token exactly once',
      tag: 'devices',
      audience: 'anyone',
      responses: { 200: '{status: pending|paired|claimed|expired, deviceToken?, device?}', 404: 'unknown pairing' },
    },
    async (c) => {
      const id = idSchema.safeParse(c.req.param('pairingId'));
      const { lines, devices } = c.get('deps');
      const status = id.success ? await devices.pollPairing(id.data, lines.now()) : undefined;
      if (!status) throw new HttpError(404, 'unknown_pairing', 'No such pairing.');
      return c.json(status);
    },
  );
}
