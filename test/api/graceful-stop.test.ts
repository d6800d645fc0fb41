import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, removeChildData, startChildServer } from '../support/child-server.ts';
import { waitFor } from './store-socket.ts';

describe('SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-stop-'));
  const children: ChildServer[] = [];
  afterAll(async () => {
    for (const child of children) await child.kill('SIGKILL');
    await removeChildData(dataDir);
  });

  it('answers the request in flight, tells sockets to reconnect, and exits cleanly', { timeout: 120_000 }, async () => {
    const first = await startChildServer({ dataDir, adminPassword: 'stop-test-password' });
    children.push(first);
    const display = io(first.url, { transports: ['websocket'], reconnectionDelay: 200, forceNew: true });
    const reasons: string[] = [];
    let reconnecting = false;
    display.on('disconnect', (reason) => reasons.push(reason));
    display.io.on('reconnect_attempt', () => {
      reconnecting = true;
    });
    await new Promise<void>((resolve) => display.once('connect', () => resolve()));
    expect(await display.timeout(10_000).emitWithAck('join', { store: 'demo' })).toEqual({ ok: true, staff: false });

    // A ticket request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ serviceId: 'pickup', idempotencyKey: 'in-flight-at-sigterm' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${first.url}/api/stores/demo/tickets`,
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // The server has the request; now it is told to stop, then the rest of the body comes.
      setTimeout(() => {
        first.process.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    const answered = await answer;
    expect(answered.status, answered.text).toBe(201);
    const token = JSON.parse(answered.text).ticket.token as string;

    await waitFor(() => first.process.exitCode !== null, 'the process to exit');
    expect(first.process.exitCode).toBe(0);
    // A transport close (not a server disconnect) is what makes socket.io clients come back by themselves.
    expect(reasons).toEqual(['transport close']);
    await waitFor(() => reconnecting, 'the display to try to reconnect');

    const second = await startChildServer({ dataDir, adminPassword: 'stop-test-password' });
    children.push(second);
    const ticket = await fetch(`${second.url}/api/tickets/${token}`);
    expect(ticket.status).toBe(200);
    display.close();
  });
});
