import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Answer {
  status: number;
  retryAfter: string | undefined;
}

describe('failed sign-ins', () => {
  let now = Date.parse('2026-06-01T09:00Z');
  let s: TestServer;
  /** Signs in from a chosen loopback address (127.0.0.x), as a person at another machine would. */
  const signIn = (username: string, password: string, from = '127.0.0.1') =>
    new Promise<Answer>((resolve, reject) => {
      const body = JSON.stringify({ username, password });
      const req = request(
        `${s.url}/api/auth/login`,
        { method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    s = await startTestServer({ clock: () => now });
    const admin = await s.cookieFor('admin');
    for (const username of ['anna', 'ben', 'chen']) {
      const user = { username, password: `${username}-password-1`, role: 'operator', storeIds: ['demo'] };
      expect((await s.api('POST', '/api/admin/users', user, admin)).status).toBe(201);
    }
  });
  afterAll(() => s.close());

  it('slow down the account that fails, from that address, with growing delays and a Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('anna', 'wrong-password')).status).toBe(401);
    const first = await signIn('anna', 'anna-password-1');
    expect(first.status).toBe(429);
    const firstWait = Number(first.retryAfter);
    expect(firstWait).toBeGreaterThan(0);
    // After the wait, one more failure makes the next wait longer.
    now += firstWait * 1000;
    expect((await signIn('anna', 'wrong-again')).status).toBe(401);
    const second = await signIn('anna', 'anna-password-1');
    expect(second.status).toBe(429);
    expect(Number(second.retryAfter)).toBeGreaterThan(firstWait);
  });

  it('never refuse a colleague’s right password because someone on the same address mistyped', async () => {
    // Many failures from one address, across accounts: the store network's bored guesser.
    for (let i = 0; i < 40; i++) await signIn(`nobody-${i % 7}`, 'guess', '127.0.0.1');
    expect((await signIn('ben', 'ben-password-1', '127.0.0.1')).status).toBe(200);
    // Anna's own account, signing in from another till, is not held back by the first address either.
    now += 60_000;
    expect((await signIn('anna', 'anna-password-1', '127.0.0.2')).status).toBe(200);
  });

  it('are remembered across a restart', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('chen', 'wrong-password')).status).toBe(401);
    expect((await signIn('chen', 'chen-password-1')).status).toBe(429);
    await s.restart();
    const after = await signIn('chen', 'chen-password-1');
    expect(after.status).toBe(429);
    expect(Number(after.retryAfter)).toBeGreaterThan(0);
    // Once the wait has passed, the right password works and clears the account's count: one
    // later typo, even on this busy address, does not hold the colleague back.
    now += Number(after.retryAfter) * 1000;
    expect((await signIn('chen', 'chen-password-1')).status).toBe(200);
    expect((await signIn('chen', 'wrong-password')).status).toBe(401);
    expect((await signIn('chen', 'chen-password-1')).status).toBe(200);
  });
});
