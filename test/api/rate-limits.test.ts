import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.ts';
import { tableFingerprint } from '../../server/store/testing/table-fingerprint.ts';
import type { Operation } from '../../shared/api/operation.ts';
import { operations } from '../../shared/api/operations.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answers
  body: any;
}

/** A JSON request from a chosen loopback address (127.0.0.x), as a phone on another network would send it. */
function send(url: string, body: unknown, from: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const LIMITS = {
  phoneJoinPerAddress: { max: 3, windowSec: 360 },
  feedbackPerAddress: { max: 4, windowSec: 600 },
  feedbackPerTicket: { max: 2, windowSec: 240 },
};

describe('rate limits on joining from a phone and on feedback', () => {
  let now = Date.parse('2026-06-02T09:00Z');
  let s: TestServer;
  const join = (from: string, headers?: Record<string, string>) =>
    send(`${s.url}/api/stores/demo/tickets`, { serviceId: 'pickup' }, from, headers);
  const rate = (token: string, from: string, feedback: unknown = { csat: 5 }) =>
    send(`${s.url}/api/tickets/${token}/feedback`, feedback, from);

  beforeAll(async () => {
    s = await startTestServer({ clock: () => now, rateLimits: LIMITS });
  });
  afterAll(() => s?.close());

  it('refuse the fourth phone join from one address with 429, Retry-After and a JSON error, creating nothing', async () => {
    for (let i = 0; i < 3; i++) expect((await join('127.0.0.2')).status).toBe(201);
    const before = await tableFingerprint(s.server.storage.db);
    const refused = await join('127.0.0.2');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('120'); // one ticket given back every 360 s / 3
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', details: { retryAfterSec: 120 } });
    expect(refused.body.error.message).toMatch(/Try again in 120 s/);
    expect(typeof refused.body.error.requestId).toBe('string');
    // A header naming another address changes nothing while no proxy is trusted.
    expect((await join('127.0.0.2', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
    expect(await tableFingerprint(s.server.storage.db)).toEqual(before);
    // Another address, and the store's own staff at the same address, are not refused.
    expect((await join('127.0.0.3')).status).toBe(201);
    const operator = await s.cookieFor('operator');
    expect((await join('127.0.0.2', { cookie: operator, origin: s.url })).status).toBe(201);
    // Once the wait has passed, the address may join again.
    now += 120_000;
    expect((await join('127.0.0.2')).status).toBe(201);
    expect((await join('127.0.0.2')).status).toBe(429);
  });

  it('refuse feedback past its budget per ticket and per address, recording nothing', async () => {
    const operator = await s.cookieFor('operator');
    const served: string[] = [];
    expect((await s.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator)).status).toBe(200);
    for (const from of ['127.0.0.10', '127.0.0.11', '127.0.0.12']) {
      const ticket = (await join(from)).body.ticket;
      // The line is served in order: earlier tests' tickets go first.
      while ((await s.api('GET', `/api/tickets/${ticket.token}`)).body.ticket.status !== 'done') {
        expect((await s.api('POST', '/api/stores/demo/counters/c1/call-next', undefined, operator)).status).toBe(200);
        expect((await s.api('POST', '/api/stores/demo/counters/c1/complete', undefined, operator)).status).toBe(200);
      }
      served.push(ticket.token);
    }
    const [first, second, third] = served as [string, string, string];
    // Per ticket: two tries (here, both malformed), then even a good one must wait.
    expect((await rate(first, '127.0.0.20', { csat: 9 })).status).toBe(422);
    expect((await rate(first, '127.0.0.20', { csat: 'great' })).status).toBe(422);
    const before = await tableFingerprint(s.server.storage.db);
    const perTicket = await rate(first, '127.0.0.21');
    expect(perTicket.status).toBe(429);
    expect(perTicket.retryAfter).toBe('120');
    expect(await tableFingerprint(s.server.storage.db)).toEqual(before);
    expect((await s.api('GET', `/api/tickets/${first}`)).body.ticket.feedbackGiven).toBe(false);
    // Per address: two more tries from 127.0.0.20 spend its budget of four.
    expect((await rate(second, '127.0.0.20', {})).status).toBe(422);
    expect((await rate(second, '127.0.0.20', {})).status).toBe(422);
    const perAddress = await rate(third, '127.0.0.20');
    expect(perAddress.status).toBe(429);
    expect(Number(perAddress.retryAfter)).toBeGreaterThan(0);
    expect(perAddress.body.error.code).toBe('rate_limited');
    // The same ticket from another address is served.
    expect((await rate(third, '127.0.0.22')).status).toBe(201);
    expect((await s.api('GET', `/api/tickets/${third}`)).body.ticket.feedbackGiven).toBe(true);
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ trustProxy: 1, rateLimits: { phoneJoinPerAddress: { max: 1, windowSec: 60 } } });
  });
  afterAll(() => s?.close());

  it('count each address the proxy saw, not what the client wrote before it', async () => {
    const join = (forwarded: string) =>
      send(`${s.url}/api/stores/demo/tickets`, { serviceId: 'pickup' }, '127.0.0.1', { 'x-forwarded-for': forwarded });
    expect((await join('203.0.113.5')).status).toBe(201);
    expect((await join('6.6.6.6, 203.0.113.5')).status).toBe(429);
    expect((await join('203.0.113.6')).status).toBe(201);
    expect((await join('2001:db8:1:2::1')).status).toBe(201);
    // The same IPv6 /64 is one budget.
    expect((await join('2001:db8:1:2:ffff::9')).status).toBe(429);
  });
});

describe('rate limits in the OpenAPI document', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  it('show each limited operation’s budgets and its 429 with Retry-After', async () => {
    const doc = (await s.api('GET', '/api/openapi.json')).body;
    const limited = Object.entries(operations as Record<string, Operation>).filter(([, op]) => op.limits?.length);
    expect(limited.map(([id]) => id).sort()).toEqual(['giveFeedback', 'issueTicket']);
    for (const [id, op] of limited) {
      const documented = doc.paths[`/api${op.path}`.replace(/:(\w+)/g, '{$1}')][op.method];
      expect(
        documented['x-rate-limits'].map((l: { name: string }) => l.name),
        id,
      ).toEqual(op.limits);
      expect(documented.responses['429'].headers['Retry-After'], id).toBeDefined();
    }
  });
});

describe('rate limit settings from the environment', () => {
  it('read "<requests>/<seconds>" or "off" per budget, and refuse anything else', () => {
    const config = configFromEnv({
      LINECAST_RATE_LIMIT_PHONE_JOIN_PER_ADDRESS: '120/600',
      LINECAST_RATE_LIMIT_FEEDBACK_PER_TICKET: 'off',
      TRUST_PROXY: 'true',
    });
    expect(config.rateLimits).toEqual({ phoneJoinPerAddress: { max: 120, windowSec: 600 }, feedbackPerTicket: 'off' });
    expect(config.trustProxy).toBe(1);
    expect(() => configFromEnv({ LINECAST_RATE_LIMIT_FEEDBACK_PER_ADDRESS: 'lots' })).toThrow(/60\/600/);
    expect(() => configFromEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});
