import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeChildData, startChildServer } from '../support/child-server.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { StoreSocket, waitFor } from './store-socket.ts';

describe('running Linecast: request ids and metrics', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('gives every answer an X-Request-Id, keeps a plain one the caller sent, and puts it in error bodies', async () => {
    const ok = await fetch(`${s.url}/api/health`);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await fetch(`${s.url}/api/stores/nowhere`, { headers: { 'x-request-id': 'lb-4711.abc' } });
    expect(mine.status).toBe(404);
    expect(mine.headers.get('x-request-id')).toBe('lb-4711.abc');
    expect(((await mine.json()) as { error: { requestId: string } }).error.requestId).toBe('lb-4711.abc');
    // An id that could forge log lines is replaced, not echoed.
    const forged = await fetch(`${s.url}/api/nothing-here`, { headers: { 'x-request-id': 'a b\tc' } });
    const id = forged.headers.get('x-request-id');
    expect(id).not.toBe('a b\tc');
    expect(((await forged.json()) as { error: { requestId: string } }).error.requestId).toBe(id);
    const page = await fetch(`${s.url}/kiosk/?store=demo`);
    expect(page.headers.get('x-request-id')).toBeTruthy();
  });

  it('exposes Prometheus metrics: latency by route, event-loop lag, sockets by kind, the line and its wait, commits', async () => {
    const operator = await s.cookieFor('operator');
    expect((await s.api('POST', '/api/stores/demo/counters/c1/open', {}, operator)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).status).toBe(201);
    const display = await StoreSocket.join(s.url);
    const text = await (await fetch(`${s.url}/metrics`)).text();
    display.close();
    const value = (pattern: RegExp) => Number(text.match(pattern)?.[1]);
    expect(
      value(
        /linecast_http_request_duration_seconds_count\{method="POST",route="\/api\/stores\/:store\/tickets",status="201"\} (\d+)/,
      ),
    ).toBe(3);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
    expect(value(/linecast_sockets_connected\{kind="display"\} (\d+)/)).toBe(1);
    expect(value(/linecast_waiting_tickets\{store="demo"\} (\d+)/)).toBe(3);
    expect(value(/linecast_counters\{store="demo",status="open"\} (\d+)/)).toBe(1);
    expect(value(/linecast_events_committed_total\{store="demo",type="ticket:issued"\} (\d+)/)).toBe(3);
    // Predictions are refreshed off the request path, so the figure may still be the one from
    // before these tickets: the series is there, with a number.
    expect(
      value(/linecast_predicted_wait_seconds\{store="demo",service="pickup",quantile="0.9"\} ([\d.]+)/),
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('the server log', () => {
  it('is JSON lines with a level and the request id, and never holds a token, a password or a comment', {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linecast-log-'));
    process.env.LOG_LEVEL = 'debug';
    const child = await startChildServer({ dataDir, adminPassword: 'log-test-password-1' });
    delete process.env.LOG_LEVEL;
    try {
      const issued = await fetch(`${child.url}/api/stores/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-1' },
        body: JSON.stringify({ serviceId: 'pickup' }),
      });
      const token = ((await issued.json()) as { ticket: { token: string } }).ticket.token;
      await fetch(`${child.url}/api/tickets/${token}`);
      await fetch(`${child.url}/t/${token}`);
      await fetch(`${child.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'a-wrong-secret-password' }),
      });
      await waitFor(() => child.output().includes('/api/auth/login'), 'the sign-in in the log');
      const lines = child
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; reqId?: string; path?: string });
      const requests = lines.filter((l) => l.path);
      expect(requests.length).toBeGreaterThanOrEqual(4);
      for (const l of requests) {
        expect(typeof l.level).toBe('number');
        expect(l.reqId).toBeTruthy();
      }
      expect(requests.find((l) => l.path === '/api/stores/demo/tickets')?.reqId).toBe('trace-me-1');
      expect(child.output()).not.toContain(token);
      expect(child.output()).not.toContain('a-wrong-secret-password');
    } finally {
      await child.kill();
      await removeChildData(dataDir);
    }
  });
});
