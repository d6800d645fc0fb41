import { expect } from 'vitest';
import type { TestServer } from '../support/server.ts';

/** Everyone the access test calls each route as. */
export const CALLERS = [
  'anonymous',
  'ticketHolder',
  'kiosk',
  'signage',
  'operator',
  'manager',
  'otherManager',
  'admin',
  'revokedDevice',
  'expiredSession',
] as const;
export type CallerName = (typeof CALLERS)[number];

/** What a caller presents: a session cookie, a device's bearer token, or a ticket's token. */
export interface Credentials {
  cookie?: string;
  bearer?: string;
  holdsTicket?: boolean;
}

async function login(s: TestServer, username: string, password: string): Promise<string> {
  const res = await fetch(`${s.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function pairDevice(s: TestServer, kind: 'kiosk' | 'signage', admin: string) {
  const started = await s.api('POST', '/api/devices/pairing', { store: 'demo', kind });
  const paired = await s.api(
    'POST',
    '/api/admin/stores/demo/devices/pair',
    { code: started.body.code, name: kind },
    admin,
  );
  expect(paired.status).toBe(201);
  const poll = await s.api('GET', `/api/devices/pairing/${started.body.pairingId}`);
  return { id: paired.body.device.id as string, token: poll.body.deviceToken as string };
}

/**
 * Makes every caller on a server whose clock the test moves: the expired session is signed in
 * first, then the clock passes its idle limit, and everyone else signs in afterwards. Devices are
 * paired to the demo store; `otherManager` manages a second store; the revoked kiosk was paired,
 * then revoked.
 */
export async function makeCallers(
  s: TestServer,
  passTime: (ms: number) => void,
  idleLimitMs: number,
): Promise<Record<CallerName, Credentials>> {
  const firstAdmin = await login(s, 'admin', s.adminPassword);
  const stale = { username: 'stale-manager', password: 'stale-manager-pw', role: 'manager', storeIds: ['demo'] };
  expect((await s.api('POST', '/api/admin/users', stale, firstAdmin)).status).toBe(201);
  const expiredSession = await login(s, stale.username, stale.password);
  expect((await s.api('GET', '/api/auth/me', undefined, expiredSession)).status).toBe(200);
  passTime(idleLimitMs + 60_000);

  const admin = await login(s, 'admin', s.adminPassword);
  const other = { slug: 'other', name: 'Other', timeZone: 'Europe/Berlin' };
  expect((await s.api('POST', '/api/admin/stores', other, admin)).status).toBe(201);
  const otherUser = { username: 'other-manager', password: 'other-manager-pw', role: 'manager', storeIds: ['other'] };
  expect((await s.api('POST', '/api/admin/users', otherUser, admin)).status).toBe(201);
  const revoked = await pairDevice(s, 'kiosk', admin);
  expect((await s.api('DELETE', `/api/admin/stores/demo/devices/${revoked.id}`, undefined, admin)).status).toBe(200);
  return {
    anonymous: {},
    ticketHolder: { holdsTicket: true },
    kiosk: { bearer: (await pairDevice(s, 'kiosk', admin)).token },
    signage: { bearer: (await pairDevice(s, 'signage', admin)).token },
    operator: { cookie: await s.cookieFor('operator') },
    manager: { cookie: await s.cookieFor('manager') },
    otherManager: { cookie: await login(s, otherUser.username, otherUser.password) },
    admin: { cookie: admin },
    revokedDevice: { bearer: revoked.token },
    expiredSession: { cookie: expiredSession },
  };
}
