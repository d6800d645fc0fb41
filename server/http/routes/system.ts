import type { ApiRouter } from '../api-router.ts';
import { openApiDocument } from '../api-router.ts';
import { HttpError } from '../http-error.ts';

/** Health and the API's own description. */
export function systemRoutes(api: ApiRouter, version: string): void {
  api.route(
    {
      method: 'get',
      path: '/health',
      summary: 'Liveness: ok once the database answers',
      tag: 'system',
      audience: 'anyone',
      responses: { 200: '{"ok":true}', 503: 'database unreachable' },
    },
    async (c) => {
      if (!(await c.get('deps').health.reachable()))
        throw new HttpError(503, 'database_unavailable', 'The database is not reachable.');
      return c.json({ ok: true });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This document: every operation of the API',
      tag: 'system',
      audience: 'anyone',
      responses: { 200: 'OpenAPI 3.1 document' },
    },
    (c) => c.json(openApiDocument(api.operations, version)),
  );
}
