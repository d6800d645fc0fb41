import { queueSnapshot, storeConfig } from '../../line/views.ts';
import type { ApiRouter } from '../api-router.ts';

/** Public store data: what any kiosk, phone or screen may read. */
export function storeRoutes(api: ApiRouter): void {
  api.register('storeConfig', ({ store }) => storeConfig(store.state));

  api.register('queue', ({ store, deps: { lines, waits } }) => {
    const view = lines.view(store.id)!;
    return queueSnapshot(view.state, view.lastSeq, waits.forStore(store.id), lines.now());
  });
}
