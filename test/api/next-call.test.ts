import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NextCall } from '../../shared/domain.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { StoreSocket, waitFor } from './store-socket.ts';

describe('the server tells staff who each counter calls next', () => {
  let s: TestServer;
  let operator: string;
  let staff: StoreSocket;
  let display: StoreSocket;

  beforeAll(async () => {
    s = await startTestServer();
    operator = await s.cookieFor('operator');
    expect((await s.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator)).status).toBe(200);
    staff = await StoreSocket.join(s.url, { cookie: operator });
    display = await StoreSocket.join(s.url);
  });
  afterAll(async () => {
    staff?.close();
    display?.close();
    await s.close();
  });

  const issue = async (priority: boolean) => {
    const res = await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup', priority });
    expect(res.status).toBe(201);
    return res.body.ticket as { id: string; number: string };
  };
  const nextAt = async (counter: string): Promise<NextCall | null> => {
    const res = await s.api('GET', `/api/stores/demo/counters/${counter}/next`, undefined, operator);
    expect(res.status).toBe(200);
    return res.body.next;
  };
  /** The staff room's `line:next` reflecting `seq` or later. */
  const pushedAt = (seq: number) =>
    waitFor(
      () => staff.received.find((r) => r.name === 'line:next' && r.payload.seq >= seq)?.payload,
      `line:next at ${seq}`,
    );

  it('names the ticket call-next then calls, where the priority ratio passes over a waiting priority ticket', async () => {
    // The demo store allows 2 priority calls in a row while a normal ticket waits.
    const normal = await issue(false);
    const priority = [await issue(true), await issue(true), await issue(true)];
    const expected = [priority[0], priority[1], normal, priority[2]];
    const called: string[] = [];
    for (const want of expected) {
      const next = await nextAt('c1');
      expect(next?.ticketId).toBe(want!.id);
      const queue = await s.api('GET', '/api/stores/demo/queue');
      expect((await pushedAt(queue.body.seq)).next.c1).toEqual(next);
      const call = await s.api('POST', '/api/stores/demo/counters/c1/call-next', undefined, operator);
      expect(call.body.ticket.id).toBe(next?.ticketId);
      called.push(call.body.ticket.number);
    }
    // The rule, not joining order alone: the normal ticket came third although it joined first.
    expect(called).toEqual([priority[0]!.number, priority[1]!.number, normal.number, priority[2]!.number]);
    expect(await nextAt('c1')).toBeNull();
  });

  it('is in the staff snapshot and never in public rooms or the public queue', async () => {
    const ticket = await issue(false);
    const fresh = await StoreSocket.join(s.url, { cookie: operator });
    try {
      expect(fresh.snapshot.nextCalls?.c1?.ticketId).toBe(ticket.id);
      expect(fresh.snapshot.nextCalls?.c4).toBeNull();
    } finally {
      fresh.close();
    }
    const pub = await StoreSocket.join(s.url);
    try {
      expect(pub.snapshot.nextCalls).toBeUndefined();
    } finally {
      pub.close();
    }
    expect((await s.api('GET', '/api/stores/demo/queue')).body.nextCalls).toBeUndefined();
    expect(display.received.some((r) => r.name === 'line:next')).toBe(false);
  });

  it('answers 404 for an unknown counter and 401 without a session', async () => {
    expect((await s.api('GET', '/api/stores/demo/counters/nope/next', undefined, operator)).status).toBe(404);
    expect((await s.api('GET', '/api/stores/demo/counters/c1/next')).status).toBe(401);
  });
});
