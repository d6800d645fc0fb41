import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('a fresh server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('answers health, the demo store and the OpenAPI document', async () => {
    expect((await s.api('GET', '/api/health')).body).toEqual({ ok: true });
    const store = await s.api('GET', '/api/stores/demo');
    expect(store.body.services.map((x: { id: string }) => x.id)).toEqual(['pickup', 'returns', 'personalisation']);
    const doc = await s.api('GET', '/api/openapi.json');
    expect(doc.body.paths['/api/stores/{store}/tickets'].post).toBeDefined();
  });
});
