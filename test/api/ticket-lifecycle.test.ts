import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEQUENCED_EVENTS } from '../../shared/protocol.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { deepKeys, StoreSocket } from './store-socket.ts';

describe('the life of tickets through the HTTP API and socket.io', () => {
  let s: TestServer;
  let operator: string;
  let manager: string;
  const counter = (id: string, action: string, body?: unknown, cookie = operator) =>
    s.api('POST', `/api/stores/demo/counters/${id}/${action}`, body, cookie);
  const issue = (serviceId: string, extra: Record<string, unknown> = {}) =>
    s.api('POST', '/api/stores/demo/tickets', { serviceId, ...extra });
  const lastSeq = () => s.server.deps.lines.lastSeq('demo');

  beforeAll(async () => {
    s = await startTestServer();
    operator = await s.cookieFor('operator');
    manager = await s.cookieFor('manager');
  });
  afterAll(() => s.close());

  it('issues, calls, recalls, starts, completes, no-shows, transfers, cancels and takes feedback once, while a display sees every event in order', async () => {
    const display = await StoreSocket.join(s.url);
    // A screen as the signage app joins: the same events, several to a message when they come together.
    const batched = await StoreSocket.join(s.url, { batch: true });
    const staff = await StoreSocket.join(s.url, { cookie: operator });
    expect(display.ack).toEqual({ ok: true, staff: false });
    expect(staff.ack).toEqual({ ok: true, staff: true });
    const startSeq = display.snapshot.seq;
    expect(startSeq).toBe(lastSeq());

    expect((await counter('c1', 'open')).body.counter.status).toBe('open');

    const a1 = await issue('pickup');
    const b1 = await issue('returns');
    const a2 = await issue('pickup');
    for (const r of [a1, b1, a2]) expect(r.status).toBe(201);
    const [t1, t2, t3] = [a1.body.ticket, b1.body.ticket, a2.body.ticket];
    expect([t1.number, t2.number, t3.number]).toEqual(['A001', 'B001', 'A002']);
    for (const t of [t1, t2, t3]) expect(t.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(t3.position).toBe(3);

    // issue → call → recall → start → complete
    const called = await counter('c1', 'call-next');
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({
      id: t1.id,
      status: 'called',
      counterId: 'c1',
      counterName: 'Counter 1',
    });
    expect(called.body.ticket.token).toBeUndefined();
    const mine = (await s.api('GET', `/api/tickets/${t1.token}`)).body.ticket;
    expect(mine).toMatchObject({ status: 'called', counterId: 'c1', position: null });
    expect((await counter('c1', 'recall')).body.ticket).toMatchObject({ id: t1.id, status: 'called', recalls: 1 });
    expect((await counter('c1', 'start')).body.ticket).toMatchObject({ id: t1.id, status: 'serving' });
    expect((await counter('c1', 'recall')).status).toBe(409);
    expect((await counter('c1', 'complete')).body.ticket).toMatchObject({ id: t1.id, status: 'done' });
    expect((await counter('c1', 'complete')).body.error.code).toBe('no_current_ticket');

    // feedback: only after service, exactly once
    const early = await s.api('POST', `/api/tickets/${t2.token}/feedback`, { csat: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ticket_not_done');
    const rating = { csat: 4, nps: 9, ces: 2, comment: 'quick and friendly' };
    expect((await s.api('POST', `/api/tickets/${t1.token}/feedback`, rating)).status).toBe(201);
    const again = await s.api('POST', `/api/tickets/${t1.token}/feedback`, { csat: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('feedback_already_given');
    expect((await s.api('GET', `/api/tickets/${t1.token}`)).body.ticket.feedbackGiven).toBe(true);

    // no-show: B001 joined before A002, so it is next
    expect((await counter('c1', 'call-next')).body.ticket.id).toBe(t2.id);
    expect((await counter('c1', 'no-show')).body.ticket).toMatchObject({ id: t2.id, status: 'no_show' });
    expect((await s.api('GET', `/api/tickets/${t2.token}`)).body.ticket.status).toBe('no_show');
    expect((await s.api('DELETE', `/api/tickets/${t2.token}`)).status).toBe(409);

    // transfer: back in line for returns, same number, same place in time
    expect((await counter('c1', 'call-next')).body.ticket.id).toBe(t3.id);
    expect((await counter('c1', 'transfer', { serviceId: 'pickup' })).body.error.code).toBe('invalid_transfer');
    const moved = await counter('c1', 'transfer', { serviceId: 'returns' });
    expect(moved.status).toBe(200);
    const back = (await s.api('GET', `/api/tickets/${t3.token}`)).body.ticket;
    expect(back).toMatchObject({
      number: 'A002',
      serviceId: 'returns',
      status: 'waiting',
      transfers: 1,
      counterId: null,
    });
    expect(back.issuedAt).toBe(t3.issuedAt);

    // leave from the phone: a later ticket leaves, the transferred one stays ahead of it
    const c1 = (await issue('personalisation')).body.ticket;
    expect(c1.number).toBe('C001');
    expect((await s.api('GET', `/api/tickets/${c1.token}`)).body.ticket.position).toBe(2);
    const left = await s.api('DELETE', `/api/tickets/${c1.token}`);
    expect(left.status).toBe(200);
    expect(left.body.ticket).toMatchObject({ id: c1.id, status: 'cancelled' });
    expect((await s.api('DELETE', `/api/tickets/${c1.token}`)).body.error.code).toBe('ticket_not_waiting');

    // the transferred ticket is served under its new service: first-contact resolution is lost
    expect((await counter('c1', 'call-next')).body.ticket).toMatchObject({ id: t3.id, number: 'A002' });
    expect((await counter('c1', 'complete')).body.ticket).toMatchObject({ id: t3.id, status: 'done', transfers: 1 });
    expect((await counter('c1', 'call-next')).body).toEqual({ ticket: null });
    expect((await counter('c1', 'close')).body.counter.status).toBe('closed');

    const { db } = s.server.storage;
    const segments = await db
      .selectFrom('service_segments')
      .selectAll()
      .where('ticket_id', '=', t3.id)
      .orderBy('id')
      .execute();
    expect(segments.map((x) => [x.service_id, x.outcome])).toEqual([
      ['pickup', 'transferred'],
      ['returns', 'done'],
    ]);
    const rows = await db.selectFrom('tickets').select(['id', 'status', 'transfers']).orderBy('issued_at').execute();
    expect(rows.map((r) => [r.status, r.transfers])).toEqual([
      ['done', 0],
      ['no_show', 0],
      ['done', 1],
      ['cancelled', 0],
    ]);
    const feedback = await db.selectFrom('feedback').selectAll().execute();
    expect(feedback).toMatchObject([{ ticket_id: t1.id, csat: 4, nps: 9, ces: 2, comment: 'quick and friendly' }]);

    const endSeq = lastSeq();
    await display.until(endSeq);
    await batched.until(endSeq);
    await staff.until(endSeq);
    const events = display.sequenced();
    expect(events.map((e) => e.name)).toEqual([
      'counter:updated',
      'ticket:issued',
      'ticket:issued',
      'ticket:issued',
      'ticket:called',
      'ticket:recalled',
      'ticket:started',
      'ticket:done',
      'ticket:feedback',
      'ticket:called',
      'ticket:no_show',
      'ticket:called',
      'ticket:transferred',
      'ticket:issued',
      'ticket:cancelled',
      'ticket:called',
      'ticket:done',
      'counter:updated',
    ]);
    expect(events.map((e) => e.payload.seq)).toEqual(events.map((_, i) => startSeq + i + 1));
    expect(staff.sequenced().map((e) => [e.name, e.payload.seq])).toEqual(events.map((e) => [e.name, e.payload.seq]));
    expect(batched.received.filter((r) => (SEQUENCED_EVENTS as readonly string[]).includes(r.name))).toEqual([]);
    expect(batched.sequenced()).toEqual(events);
    expect(events[12]!.payload).toMatchObject({
      fromServiceId: 'pickup',
      toServiceId: 'returns',
      ticket: { number: 'A002' },
    });

    // derived waits repeat the seq of a change already delivered, never one ahead of the stream
    let seen = startSeq;
    for (const r of display.received) {
      if (r.name === 'queue:snapshot') continue;
      if (r.name === 'waits:updated') {
        expect(r.payload.seq).toBeGreaterThanOrEqual(startSeq);
        expect(r.payload.seq).toBeLessThanOrEqual(seen);
      } else if (typeof r.payload?.seq === 'number') seen = r.payload.seq;
    }

    // public displays never see a token, nor the scores and comment of feedback; staff get the scores
    const tokens = [t1, t2, t3, c1].map((t) => t.token as string);
    for (const screen of [display, batched]) {
      const publicText = JSON.stringify(screen.received);
      expect(deepKeys(screen.received).has('token')).toBe(false);
      for (const token of tokens) expect(publicText).not.toContain(token);
    }
    const publicFeedback = events.find((e) => e.name === 'ticket:feedback')!.payload;
    expect(publicFeedback).toEqual({
      seq: publicFeedback.seq,
      storeId: 'demo',
      at: publicFeedback.at,
      ticketId: t1.id,
    });
    const staffFeedback = staff.sequenced().find((e) => e.name === 'ticket:feedback')!.payload;
    expect(staffFeedback).toMatchObject({ ticketId: t1.id, ...rating });

    const snapshot = (await s.api('GET', '/api/stores/demo/queue')).body;
    expect(snapshot.seq).toBe(endSeq);
    expect(deepKeys(snapshot).has('token')).toBe(false);
    display.close();
    batched.close();
    staff.close();
  });

  it('returns the same ticket for the same idempotency key, and a new one for another key', async () => {
    const first = await issue('pickup', { idempotencyKey: 'kiosk-tap-0001' });
    const retry = await issue('pickup', { idempotencyKey: 'kiosk-tap-0001' });
    const other = await issue('pickup', { idempotencyKey: 'kiosk-tap-0002' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.ticket.id).toBe(first.body.ticket.id);
    expect(retry.body.ticket.number).toBe(first.body.ticket.number);
    expect(other.status).toBe(201);
    expect(other.body.ticket.id).not.toBe(first.body.ticket.id);
    expect(other.body.ticket.number).not.toBe(first.body.ticket.number);
    const keyed = await s.server.storage.db
      .selectFrom('tickets')
      .select('id')
      .where('idempotency_key', 'in', ['kiosk-tap-0001', 'kiosk-tap-0002'])
      .execute();
    expect(keyed).toHaveLength(2);
    // Leave the line so the next tests start from an empty one.
    for (const t of [first.body.ticket, other.body.ticket])
      expect((await s.api('DELETE', `/api/tickets/${t.token}`)).status).toBe(200);
  });

  it('mixes priority tickets with normal ones by the store ratio (2 priority calls per normal call)', async () => {
    const issued: Array<{ id: string; number: string; priority: boolean }> = [];
    for (const priority of [false, false, false, true, true, true, true]) {
      const r = await issue('returns', { priority });
      expect(r.status).toBe(201);
      issued.push(r.body.ticket);
    }
    const [n1, n2, n3, p1, p2, p3, p4] = issued.map((t) => t.number);
    expect((await counter('c4', 'open')).status).toBe(200);
    const order: string[] = [];
    for (;;) {
      const r = await counter('c4', 'call-next');
      expect(r.status).toBe(200);
      if (!r.body.ticket) break;
      order.push(r.body.ticket.number);
    }
    expect(order).toEqual([p1, p2, n1, p3, p4, n2, n3]);
    expect((await counter('c4', 'close')).status).toBe(200);
  });

  it('lets a manager call a specific ticket with a reason, audited; an operator may not', async () => {
    const early = (await issue('pickup')).body.ticket;
    const late = (await issue('pickup')).body.ticket;
    expect((await counter('c2', 'open')).status).toBe(200);

    const denied = await counter('c2', 'call-ticket', { ticketId: late.id, reason: 'wheelchair user' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    const noReason = await counter('c2', 'call-ticket', { ticketId: late.id }, manager);
    expect(noReason.status).toBe(422);

    const auditBefore = await s.server.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'call_ticket')
      .execute();
    expect(auditBefore).toHaveLength(0);
    const picked = await counter('c2', 'call-ticket', { ticketId: late.id, reason: 'wheelchair user' }, manager);
    expect(picked.status).toBe(200);
    expect(picked.body.ticket).toMatchObject({ id: late.id, status: 'called', counterId: 'c2' });
    expect((await s.api('GET', `/api/tickets/${early.token}`)).body.ticket).toMatchObject({
      status: 'waiting',
      position: 1,
    });

    const me = (await s.api('GET', '/api/auth/me', undefined, manager)).body.user;
    const audit = await s.server.storage.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'call_ticket')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ store_id: 'demo', actor_id: me.id });
    expect(JSON.parse(audit[0]!.details_json)).toEqual({
      ticketId: late.id,
      counterId: 'c2',
      reason: 'wheelchair user',
    });

    // A busy counter is not silently cleared by an out-of-order call.
    const busy = await counter('c2', 'call-ticket', { ticketId: early.id, reason: 'wheelchair user' }, manager);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('counter_busy');
  });
});
