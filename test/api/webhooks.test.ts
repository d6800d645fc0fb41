import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../server/webhooks/signature.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from './store-socket.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

describe('outgoing webhooks', () => {
  let now = Date.parse('2026-06-02T03:00Z');
  let s: TestServer;
  let receiver: Server;
  let receiverUrl = '';
  const received: Received[] = [];
  /** How the receiver answers the next deliveries (500 = down for maintenance). */
  const answers: number[] = [];
  let admin = '';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const answered = answers.shift() ?? 204;
        received.push({ headers: req.headers, body, answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/linecast`;
    s = await startTestServer({ clock: () => now });
    admin = await s.cookieFor('admin');
  });
  afterAll(async () => {
    await s?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('are signed, verifiable with the documented recipe, retried after a failure, and logged', async () => {
    const created = await s.api(
      'POST',
      '/api/admin/stores/demo/webhooks',
      { url: receiverUrl, events: ['ticket:issued', 'ticket:called'] },
      admin,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { secret, id } = created.body.webhook as { secret: string; id: string };
    expect(secret).toMatch(/^whsec_/);

    // The receiver is down for the first delivery.
    answers.push(500);
    const issued = await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' }, admin);
    expect(issued.status).toBe(201);
    await waitFor(() => received.length === 1, 'the first attempt');
    const log = async () =>
      (await s.api('GET', '/api/admin/stores/demo/webhooks/deliveries', undefined, admin)).body.deliveries as Array<{
        id: string;
        webhookId: string;
        eventType: string;
        status: string;
        attempts: number;
        lastStatusCode: number | null;
      }>;
    await waitFor(async () => (await log())[0]?.attempts === 1, 'the failed attempt in the log');
    expect((await log())[0]).toMatchObject({
      webhookId: id,
      eventType: 'ticket:issued',
      status: 'pending',
      lastStatusCode: 500,
    });

    // Ten seconds later (the first backoff) the same delivery is tried again, and arrives.
    now += 11_000;
    await waitFor(() => received.length === 2, 'the retry');
    expect(received[1]!.headers['x-linecast-delivery']).toBe(received[0]!.headers['x-linecast-delivery']);
    await waitFor(async () => (await log())[0]?.status === 'delivered', 'the delivery in the log');
    expect((await log())[0]).toMatchObject({ attempts: 2, lastStatusCode: 204 });

    // A call is sent too; a counter opening is not (not subscribed).
    expect((await s.api('POST', '/api/stores/demo/counters/c1/open', {}, admin)).status).toBe(200);
    expect((await s.api('POST', '/api/stores/demo/counters/c1/call-next', {}, admin)).status).toBe(200);
    await waitFor(() => received.length === 3, 'the call');
    const call = JSON.parse(received[2]!.body);
    expect(call).toMatchObject({
      type: 'ticket:called',
      storeId: 'demo',
      ticket: { number: 'A001', status: 'called' },
    });
    expect(received.map((r) => r.headers['x-linecast-event'])).toEqual([
      'ticket:issued',
      'ticket:issued',
      'ticket:called',
    ]);

    for (const r of received) {
      const headers = {
        timestamp: r.headers['x-linecast-timestamp'] as string,
        signature: r.headers['x-linecast-signature'] as string,
      };
      const nowSec = Number(headers.timestamp);
      expect(verify(secret, headers, r.body, nowSec)).toBe(true);
      // Tampered, signed with another secret, or replayed ten minutes later: refused.
      expect(verify(secret, headers, r.body.replace('A001', 'A002'), nowSec)).toBe(false);
      expect(verify('whsec_another', headers, r.body, nowSec)).toBe(false);
      expect(verify(secret, headers, r.body, nowSec + 600)).toBe(false);
      // What authorises a customer never leaves the server.
      expect(r.body).not.toContain('"token"');
      expect(r.body).not.toContain(issued.body.ticket.token);
    }
  });

  it('are for managers of the store, with a clear error for a bad address', async () => {
    const operator = await s.cookieFor('operator');
    expect((await s.api('GET', '/api/admin/stores/demo/webhooks', undefined, operator)).status).toBe(403);
    const bad = await s.api('POST', '/api/admin/stores/demo/webhooks', { url: 'ftp://example.com/x' }, admin);
    expect(bad.status).toBe(422);
    const list = await s.api('GET', '/api/admin/stores/demo/webhooks', undefined, admin);
    expect(list.body.webhooks).toHaveLength(1);
  });
});
