import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('a staff session', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  /** Signs in as admin presenting `cookie` (if any); the session cookie the answer sets. */
  async function signIn(cookie?: string): Promise<string> {
    const res = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ username: 'admin', password: s.adminPassword }),
    });
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie')?.split(';')[0];
    expect(set).toMatch(/^lc_session=.{20,}/);
    return set!;
  }
  const me = async (cookie: string) => (await s.api('GET', '/api/auth/me', undefined, cookie)).status;

  it('gets a new id at sign-in: an id planted in the browser beforehand is not the one after, and never signs anyone in', async () => {
    const planted = 'lc_session=planted-by-someone-else-0123456789abcdef';
    const after = await signIn(planted);
    expect(after).not.toBe(planted);
    expect(await me(planted)).toBe(401);
    expect(await me(after)).toBe(200);
  });

  it('gets a new id when signing in again, and the earlier id stops working', async () => {
    const first = await signIn();
    expect(await me(first)).toBe(200);
    const second = await signIn(first);
    expect(second).not.toBe(first);
    expect(await me(first)).toBe(401);
    expect(await me(second)).toBe(200);
  });

  it('ends at logout: the same cookie presented afterwards is refused', async () => {
    const cookie = await signIn();
    const out = await fetch(`${s.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: s.url } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/lc_session=;/);
    expect(await me(cookie)).toBe(401);
    const again = await fetch(`${s.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: s.url } });
    expect(again.status).toBe(401);
  });
});
