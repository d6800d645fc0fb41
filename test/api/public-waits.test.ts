import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_WAITS_TICKETS } from '../../shared/protocol.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { callJson } from './http-client.ts';
import { deepKeys, StoreSocket, waitFor } from './store-socket.ts';

describe('waits:updated in a public room', () => {
  let s: TestServer;
  let display: StoreSocket;
  let batched: StoreSocket;
  let staff: StoreSocket;
  const tokens: string[] = [];

  beforeAll(async () => {
    s = await startTestServer();
    const operator = await s.cookieFor('operator');
    expect((await s.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator)).status).toBe(200);
    display = await StoreSocket.join(s.url);
    batched = await StoreSocket.join(s.url, { batch: true });
    staff = await StoreSocket.join(s.url, { cookie: operator });
  });
  afterAll(async () => {
    display?.close();
    batched?.close();
    staff?.close();
    await s.close();
  });

  const issue = async (count: number) => {
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, () =>
        callJson('POST', `${s.url}/api/stores/demo/tickets`, { serviceId: 'pickup' }),
      );
      for (const r of await Promise.all(batch)) {
        expect(r.status).toBe(201);
        tokens.push(r.body.ticket.token);
      }
    }
    return (await s.api('GET', '/api/stores/demo/queue')).body.seq as number;
  };
  /** The first `waits:updated` a socket got that reflects `seq` or later. */
  const waitsAt = (socket: StoreSocket, seq: number) =>
    waitFor(
      () =>
        socket.received
          .map((r) => (r.name === 'waits:updated' ? r.payload : r.name === 'line:events' ? r.payload.waits : undefined))
          .find((w) => w && w.seq >= seq),
      `waits:updated at seq ${seq}`,
    );

  it('carries the same number of tickets with 10 and with 500 waiting, and never a token', async () => {
    const small = await waitsAt(display, await issue(10));
    const smallStaff = await waitsAt(staff, small.seq);
    expect(Object.keys(small.tickets)).toHaveLength(10);
    expect(small.next).toHaveLength(10);
    expect(Object.keys(smallStaff.tickets)).toHaveLength(10);

    const large = await waitsAt(display, await issue(490));
    const largeStaff = await waitsAt(staff, large.seq);
    expect(Object.keys(large.tickets)).toHaveLength(PUBLIC_WAITS_TICKETS);
    expect(large.next).toHaveLength(PUBLIC_WAITS_TICKETS);
    expect(Object.keys(large.waits).sort()).toEqual(Object.keys(small.waits).sort());
    // Staff rooms may keep the whole line.
    expect(Object.keys(largeStaff.tickets)).toHaveLength(500);
    // The first ten in line are the ten who joined first.
    expect(large.next.map((n: { number: string }) => n.number)).toEqual(
      small.next.map((n: { number: string }) => n.number),
    );

    // A batched screen gets its waits inside line:events, as bounded.
    const largeBatched = await waitsAt(batched, large.seq);
    expect(batched.received.some((r) => r.name === 'waits:updated')).toBe(false);
    expect(largeBatched.next).toHaveLength(PUBLIC_WAITS_TICKETS);
    expect(Object.keys(largeBatched.tickets)).toHaveLength(PUBLIC_WAITS_TICKETS);

    for (const screen of [display, batched]) {
      const publicText = JSON.stringify(screen.received);
      expect(deepKeys(screen.received).has('token')).toBe(false);
      for (const token of tokens) expect(publicText).not.toContain(token);
    }
  }, 180_000);
});
