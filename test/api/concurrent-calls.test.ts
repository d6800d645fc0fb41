import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { callJson } from './http-client.ts';
import { StoreSocket } from './store-socket.ts';

const COUNTERS = ['c1', 'c2', 'c3', 'c4'] as const;
const SERVES: Record<string, string[]> = {
  c1: ['pickup', 'returns', 'personalisation'],
  c2: ['pickup', 'returns', 'personalisation'],
  c3: ['pickup'],
  c4: ['returns'],
};
const SERVICES = ['pickup', 'returns', 'personalisation'];
type Answer = Awaited<ReturnType<TestServer['api']>>;

describe('concurrent call-next from every counter', () => {
  let s: TestServer;
  /** One operator per counter, each with their own session. */
  const operators: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer();
    const admin = await s.cookieFor('admin');
    for (const id of COUNTERS) {
      const username = `operator-${id}`;
      const password = `password-${id}-123`;
      const created = await s.api(
        'POST',
        '/api/admin/users',
        { username, password, role: 'operator', storeIds: ['demo'] },
        admin,
      );
      expect(created.status).toBe(201);
      const login = await fetch(`${s.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      expect(login.status).toBe(200);
      operators[id] = login.headers.get('set-cookie')!.split(';')[0]!;
      expect((await s.api('POST', `/api/stores/demo/counters/${id}/open`, undefined, operators[id])).status).toBe(200);
    }
  });
  afterAll(() => s.close());

  const issueOne = (serviceId: string, priority: boolean) =>
    callJson('POST', `${s.url}/api/stores/demo/tickets`, { serviceId, priority });
  const issueMany = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => issueOne(SERVICES[(i + offset) % 3]!, (i + offset) % 7 === 0));
  const callMany = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => {
      const id = COUNTERS[(i + offset) % 4]!;
      return callJson('POST', `${s.url}/api/stores/demo/counters/${id}/call-next`, undefined, operators[id]).then(
        (r) => ({
          counterId: id,
          ...r,
        }),
      );
    });

  it('never calls one ticket twice, and each counter has at most one current ticket', {
    timeout: 120_000,
  }, async () => {
    const display = await StoreSocket.join(s.url);
    const startSeq = display.snapshot.seq;
    const calledByResponse: Array<{ ticketId: string; serviceId: string; counterId: string }> = [];
    const issued = new Map<string, string>();

    const record = (results: Array<Answer & { counterId: string }>) => {
      for (const r of results) {
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        const t = r.body.ticket;
        if (t) calledByResponse.push({ ticketId: t.id, serviceId: t.serviceId, counterId: r.counterId });
      }
    };
    const remember = (results: Answer[]) => {
      for (const r of results) {
        expect(r.status).toBe(201);
        issued.set(r.body.ticket.id, r.body.ticket.number);
      }
    };

    // The counters' rows say which ticket each one holds, as the live state does (a restart loads them).
    const { db } = s.server.storage;
    const rowsAgree = async () => {
      const state = s.server.deps.lines.state('demo')!;
      const rows = await db
        .selectFrom('counters')
        .select(['id', 'current_ticket_id'])
        .where('store_id', '=', 'demo')
        .execute();
      expect(Object.fromEntries(rows.map((r) => [r.id, r.current_ticket_id]))).toEqual(
        Object.fromEntries(Object.values(state.counters).map((c) => [c.id, c.currentTicketId])),
      );
      return Object.values(state.counters).filter((c) => c.currentTicketId !== null).length;
    };

    remember(await Promise.all(issueMany(40, 0)));
    record(await Promise.all(callMany(50, 0)));
    await rowsAgree();
    // Issuing and calling at the same time.
    const issuing = Promise.all(issueMany(40, 1));
    record(await Promise.all(callMany(50, 1)));
    remember(await issuing);
    await rowsAgree();
    // Drain the line.
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(callMany(50, round));
      record(results);
      if (results.every((r) => r.body.ticket === null)) break;
    }
    // Four pick-up and four returns tickets, one call per counter at once: every counter holds one.
    remember(await Promise.all(Array.from({ length: 8 }, (_, i) => issueOne(i < 4 ? 'pickup' : 'returns', false))));
    record(await Promise.all(callMany(4, 0)));
    expect(await rowsAgree()).toBe(4);

    // Every ticket called once, except the four still waiting after the last step.
    const ids = calledByResponse.map((c) => c.ticketId);
    expect(new Set(ids).size).toBe(ids.length);
    const stillWaiting = Object.values(s.server.deps.lines.state('demo')!.tickets)
      .filter((t) => t.status === 'waiting')
      .map((t) => t.id);
    expect(stillWaiting).toHaveLength(4);
    expect(ids.filter((id) => stillWaiting.includes(id))).toEqual([]);
    expect(new Set([...ids, ...stillWaiting])).toEqual(new Set(issued.keys()));
    for (const c of calledByResponse) expect(SERVES[c.counterId]).toContain(c.serviceId);
    const numbers = [...issued.values()];
    expect(new Set(numbers).size).toBe(numbers.length);

    const endSeq = s.server.deps.lines.lastSeq('demo');
    await display.until(endSeq);
    const events = display.sequenced();
    expect(events.map((e) => e.payload.seq)).toEqual(events.map((_, i) => startSeq + i + 1));
    const calledEvents = events.filter((e) => e.name === 'ticket:called');
    const socketIds = calledEvents.map((e) => e.payload.ticket.id as string);
    expect(new Set(socketIds).size).toBe(socketIds.length);
    expect(new Set(socketIds)).toEqual(new Set(ids));
    const responseCounter = new Map(calledByResponse.map((c) => [c.ticketId, c.counterId]));
    for (const e of calledEvents) expect(e.payload.counterId).toBe(responseCounter.get(e.payload.ticket.id));
    display.close();

    // The live state: each current ticket at exactly one counter, and it is called there.
    const state = s.server.deps.lines.state('demo')!;
    const current = Object.values(state.counters)
      .map((c) => c.currentTicketId)
      .filter((id): id is string => id !== null);
    expect(new Set(current).size).toBe(current.length);
    const active = Object.values(state.tickets).filter((t) => t.status === 'called' || t.status === 'serving');
    expect(active.map((t) => t.id).sort()).toEqual([...current].sort());
    for (const t of active) expect(state.counters[t.counterId!]!.currentTicketId).toBe(t.id);

    // The database agrees.
    await rowsAgree();
    const doubleOpen = await db
      .selectFrom('service_segments')
      .select((eb) => ['ticket_id', eb.fn.countAll<number>().as('n')])
      .where('ended_at', 'is', null)
      .groupBy('ticket_id')
      .having((eb) => eb(eb.fn.countAll(), '>', 1))
      .execute();
    expect(doubleOpen).toEqual([]);
    const perTicket = await db
      .selectFrom('service_segments')
      .select((eb) => ['ticket_id', eb.fn.countAll<number>().as('n')])
      .groupBy('ticket_id')
      .execute();
    expect(perTicket).toHaveLength(ids.length);
    expect(perTicket.every((r) => Number(r.n) === 1)).toBe(true);
    const open = await db.selectFrom('service_segments').select('ticket_id').where('ended_at', 'is', null).execute();
    expect(open.map((r) => r.ticket_id).sort()).toEqual([...current].sort());
    const statuses = await db
      .selectFrom('tickets')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const byStatus = Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)]));
    expect(byStatus.waiting).toBe(4);
    expect((byStatus.done ?? 0) + (byStatus.called ?? 0)).toBe(ids.length);
    expect(byStatus.called ?? 0).toBe(current.length);
  });
});
