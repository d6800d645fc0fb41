import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, removeChildData, startChildServer } from '../support/child-server.ts';
import { rawRequest } from './http-client.ts';
import { StoreSocket, waitFor } from './store-socket.ts';

const ADMIN_PASSWORD = 'personal-data-admin-pw';
/** What a customer wrote: unmistakable, so any copy of it anywhere is found. */
const COMMENT = 'Call me on 0171-555-0199, my name is Mei Lin Zhang (comment-7f3a)';
const WRONG_PASSWORD = 'a-wrong-password-9c1e';

// The server runs as its own process at LOG_LEVEL=debug, so every request's log line is printed
// and captured: exactly what an operator's log collector would receive.
describe('ticket tokens and what customers write', () => {
  let s: ChildServer;
  let display: StoreSocket;
  let admin = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-personal-'));
  const secrets: string[] = [COMMENT, '0171-555-0199', 'Mei Lin Zhang', WRONG_PASSWORD, ADMIN_PASSWORD];

  beforeAll(async () => {
    s = await startChildServer({ dataDir, adminPassword: ADMIN_PASSWORD, env: { LOG_LEVEL: 'debug' } });
    display = await StoreSocket.join(s.url);
    const login = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    admin = login.headers.get('set-cookie')!.split(';')[0]!;
    secrets.push(admin.split('=')[1]!);
  });
  afterAll(async () => {
    display?.close();
    await s?.kill();
    await removeChildData(dataDir);
  });

  /** A JSON request with the headers given; the answer parsed. */
  async function callJson(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const withType = body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
    const res = await rawRequest(method, url, withType, body === undefined ? undefined : JSON.stringify(body));
    // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON a route answers
    let parsed: any = res.text;
    try {
      parsed = JSON.parse(res.text);
    } catch {}
    return { status: res.status, body: parsed };
  }
  const staff = (path: string, body?: unknown) =>
    callJson('POST', `${s.url}/api/stores/demo/${path}`, body, { cookie: admin, origin: s.url });

  it('never reach a public room or a log line, through a whole visit and its mistakes', async () => {
    // A paired kiosk: its device token is a credential too.
    const started = await callJson('POST', `${s.url}/api/devices/pairing`, { store: 'demo', kind: 'kiosk' });
    const pairing = { code: started.body.code, name: 'Entrance' };
    const paired = await callJson('POST', `${s.url}/api/admin/stores/demo/devices/pair`, pairing, {
      cookie: admin,
      origin: s.url,
    });
    expect(paired.status).toBe(201);
    const deviceToken = (await callJson('GET', `${s.url}/api/devices/pairing/${started.body.pairingId}`)).body
      .deviceToken as string;
    secrets.push(deviceToken);

    expect((await staff('counters/c1/open')).status).toBe(200);
    const fromKiosk = await callJson(
      'POST',
      `${s.url}/api/stores/demo/tickets`,
      { serviceId: 'pickup' },
      { authorization: `Bearer ${deviceToken}` },
    );
    const fromPhone = await callJson('POST', `${s.url}/api/stores/demo/tickets`, { serviceId: 'pickup' });
    expect([fromKiosk.status, fromPhone.status]).toEqual([201, 201]);
    const tokens = [fromKiosk.body.ticket.token as string, fromPhone.body.ticket.token as string];
    secrets.push(...tokens);
    const [kioskToken, phoneToken] = tokens as [string, string];

    // The holder follows the ticket; mistakes along the way are logged at info.
    expect((await fetch(`${s.url}/t/${phoneToken}`)).status).toBe(200);
    expect((await callJson('GET', `${s.url}/api/tickets/${phoneToken}`)).status).toBe(200);
    expect((await callJson('GET', `${s.url}/api/tickets/${phoneToken}/nothing-here`)).status).toBe(404);
    expect((await callJson('POST', `${s.url}/api/tickets/${phoneToken}/feedback`, { csat: 5 })).status).toBe(409);
    const wrongLogin = { username: 'admin', password: WRONG_PASSWORD };
    expect((await callJson('POST', `${s.url}/api/auth/login`, wrongLogin)).status).toBe(401);

    // Served, rated with a comment, and a second (refused) rating with the comment again.
    for (const token of [kioskToken, phoneToken]) {
      while ((await callJson('GET', `${s.url}/api/tickets/${token}`)).body.ticket.status !== 'done') {
        expect((await staff('counters/c1/call-next')).status).toBe(200);
        expect((await staff('counters/c1/complete')).status).toBe(200);
      }
    }
    const feedback = { csat: 2, nps: 3, comment: COMMENT };
    expect((await callJson('POST', `${s.url}/api/tickets/${phoneToken}/feedback`, feedback)).status).toBe(201);
    expect((await callJson('POST', `${s.url}/api/tickets/${phoneToken}/feedback`, feedback)).status).toBe(409);
    expect(
      (await callJson('POST', `${s.url}/api/tickets/${kioskToken}/feedback`, { csat: 11, comment: COMMENT })).status,
    ).toBe(422);
    await waitFor(
      () => display.received.some((m) => m.name === 'ticket:feedback'),
      'the feedback event on the display',
    );
    expect((await callJson('GET', `${s.url}/api/stores/demo/queue`)).status).toBe(200);

    const publicRoom = JSON.stringify(display.received);
    const log = s.output();
    // The capture works: each request above left its line, the token cut to its first characters.
    expect(log).toContain(`"path":"/api/tickets/${phoneToken.slice(0, 6)}…"`);
    expect(log).toContain(`"path":"/t/${phoneToken.slice(0, 6)}…"`);
    expect(log).toMatch(/"level":30.*"status":401/);
    expect(publicRoom).toContain(fromPhone.body.ticket.number);
    for (const secret of secrets) {
      expect(publicRoom, 'a public room').not.toContain(secret);
      expect(log, 'the log').not.toContain(secret);
    }
    expect(publicRoom).not.toMatch(/"token"|"comment"/);
  });
});
