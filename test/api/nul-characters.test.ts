import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFingerprint } from '../../server/store/testing/table-fingerprint.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// PostgreSQL refuses a NUL character in text even to compare it, where SQLite just finds no row:
// on either engine a NUL in a path, a query or a JSON body is the client's mistake (400).

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

describe('a NUL character in a request', () => {
  it('is a 400 JSON answer that changes nothing, wherever it is', async () => {
    const admin = await s.cookieFor('admin');
    const before = await tableFingerprint(s.server.storage.db);
    const answers = [
      await s.api('GET', '/api/devices/pairing/%00', undefined, admin),
      await s.api('PATCH', '/api/admin/users/usr%00', { role: 'manager' }, admin),
      await s.api('GET', '/api/stores/demo/queue?x=%00', undefined, admin),
      await s.api('POST', '/api/auth/login', { username: 'admin\u0000', password: 'whatever-password' }),
      await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup', idempotencyKey: 'key-\u0000-12345' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toMatch(/^(bad_request|invalid_json)$/);
    }
    expect(await tableFingerprint(s.server.storage.db)).toEqual(before);
  });
});
