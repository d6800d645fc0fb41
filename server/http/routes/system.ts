import type { ApiRouter } from '../api-router.ts';
import { HttpError } from '../http-error.ts';
import { openApiDocument } from '../openapi.ts';

/** Health and the API's own description. */
export function systemRoutes(api: ApiRouter, version: string): void {
  api.register('health', async ({ deps }) => {
    if (!(await deps.health.reachable()))
      throw new HttpError(503, 'database_unavailable', 'The database is not reachable.');
    return { ok: true } as const;
  });

  api.register('ready', async ({ deps }) => {
    if (!(await deps.health.ready()))
      throw new HttpError(503, 'not_ready', 'The database is not reachable or its migrations have not all run.');
    return { ok: true } as const;
  });

  api.register('openApi', () => openApiDocument(api.operations, version));
}
