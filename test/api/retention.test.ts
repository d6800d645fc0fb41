import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

const DAY = 86_400_000;

describe('retention of what customers wrote', () => {
  let now = Date.parse('2026-05-04T04:00Z'); // noon in the demo store (Asia/Shanghai)
  let s: TestServer;
  let operator = '';

  /** Sessions end over the months this test's clock jumps: sign in afresh each time. */
  const signIn = async (role: 'operator' | 'manager') => {
    await s.cookieFor(role); // creates the user once
    const res = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `test-${role}`, password: `${role}-password-123` }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  /** A customer served at counter 1 who then rates the visit with a comment. */
  const servedWithComment = async (comment: string) => {
    const issued = await s.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    expect(issued.status).toBe(201);
    operator = await signIn('operator');
    expect((await s.api('POST', '/api/stores/demo/counters/c1/open', {}, operator)).status).toBe(200);
    expect((await s.api('POST', '/api/stores/demo/counters/c1/call-next', {}, operator)).status).toBe(200);
    expect((await s.api('POST', '/api/stores/demo/counters/c1/complete', {}, operator)).status).toBe(200);
    const token = issued.body.ticket.token as string;
    const rated = await s.api('POST', `/api/tickets/${token}/feedback`, { csat: 5, nps: 9, comment });
    expect(rated.status, JSON.stringify(rated.body)).toBeLessThan(300);
    return issued.body.ticket.id as string;
  };
  const stored = async (ticketId: string) => {
    const db = s.server.storage.db;
    const feedback = await db.selectFrom('feedback').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
    const events = await db.selectFrom('events').select('payload_json').where('type', '=', 'ticket:feedback').execute();
    const event = events.map((e) => JSON.parse(e.payload_json)).find((e) => e.ticketId === ticketId);
    return { feedback, event };
  };

  beforeAll(async () => {
    s = await startTestServer({ clock: () => now });
  });
  afterAll(() => s.close());

  it('forgets feedback comments after the retention period and keeps the scores and figures', async () => {
    const old = await servedWithComment('Call me on 555 0101, the blue jacket was lovely');
    now += 80 * DAY;
    const recent = await servedWithComment('Quick and friendly');
    const manager = await signIn('manager');
    const day = '2026-05-04';
    const before = await s.api('GET', `/api/stores/demo/reports/summary?from=${day}&to=${day}`, undefined, manager);
    expect(before.status).toBe(200);
    expect((await stored(old)).feedback?.comment).toContain('555 0101');

    // Ninety-one days after the first visit the server (re)starts: retention runs at start.
    now += 11 * DAY;
    await s.restart();
    // The client's pooled connection to the stopped server is dead; the first request finds out.
    await fetch(`${s.url}/api/health`).catch(() => undefined);
    // The pass at start runs beside the first requests (on PostgreSQL on another connection).
    let forgotten = await stored(old);
    for (let i = 0; i < 200 && forgotten.feedback?.comment; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      forgotten = await stored(old);
    }
    expect(forgotten.feedback?.comment).toBeNull();
    expect(forgotten.feedback?.csat).toBe(5);
    expect(forgotten.event.feedback.comment).toBeUndefined();
    expect(forgotten.event.feedback.csat).toBe(5);
    // What was written within the period stays.
    expect((await stored(recent)).feedback?.comment).toBe('Quick and friendly');
    expect((await stored(recent)).event.feedback.comment).toBe('Quick and friendly');

    const manager2 = await signIn('manager');
    const after = await s.api('GET', `/api/stores/demo/reports/summary?from=${day}&to=${day}`, undefined, manager2);
    expect({ ...after.body, generatedAt: 0 }).toEqual({ ...before.body, generatedAt: 0 });
  });
});
