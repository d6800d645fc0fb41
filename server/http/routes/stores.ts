import { queueSnapshot, storeConfig } from '../../line/views.ts';
import type { ApiRouter } from '../api-router.ts';
import { storeFromPath } from '../guards.ts';

/** Public store data: what any kiosk, phone or screen may read. */
export function storeRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'get',
      path: '/stores/:store',
      summary: 'Public configuration: name, languages, services, counters',
      tag: 'stores',
      audience: 'anyone',
      responses: { 200: 'StorePublicConfig', 404: 'unknown store' },
    },
    (c) => c.json(storeConfig(storeFromPath(c).state)),
  );

  api.route(
    {
      method: 'get',
      path: '/stores/:store/queue',
      summary:
        'Snapshot of the line: waiting, called, recent calls, no-shows, counters and waits per service (no tokens)',
      tag: 'stores',
      audience: 'anyone',
      responses: { 200: 'QueueSnapshot', 404: 'unknown store' },
    },
    (c) => {
      const { storeId } = storeFromPath(c);
      const { lines, waits } = c.get('deps');
      const view = lines.view(storeId)!;
      return c.json(queueSnapshot(view.state, view.lastSeq, waits.forStore(storeId), lines.now()));
    },
  );
}
