import { idSchema } from '../../../shared/schemas.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError } from '../http-error.ts';

/** How an unpaired kiosk or screen gets a code to show and, once a manager types it, its token. */
export function deviceRoutes(api: ApiRouter): void {
  api.register('startPairing', async ({ deps: { lines, devices }, body: { store, kind } }) => {
    const storeId = lines.resolveStore(store);
    if (!storeId) throw new HttpError(404, 'unknown_store', 'No such store.');
    return devices.startPairing(storeId, kind, lines.now());
  });

  api.register('pollPairing', async ({ deps: { lines, devices }, params }) => {
    const id = idSchema.safeParse(params.pairingId);
    const status = id.success ? await devices.pollPairing(id.data, lines.now()) : undefined;
    if (!status) throw new HttpError(404, 'unknown_pairing', 'No such pairing.');
    return status;
  });
}
