import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../server/engine/index.ts';
import { readChildDatabase } from '../../server/store/testing/child-database.ts';
import { testDatabaseUrl } from '../../server/store/testing/test-databases.ts';
import { StoreSocket, waitFor } from '../api/store-socket.ts';
import { type Answer, call, STATUS_RANK, signInAdmin } from '../support/child-calls.ts';
import { type ChildServer, removeChildData, startChildServer } from '../support/child-server.ts';

const ADMIN_PASSWORD = 'two-nodes-admin-password';
const SERVICES = ['pickup', 'returns', 'personalisation'];
const COUNTERS = ['c1', 'c2', 'c3', 'c4'];
const STORM_REQUESTS = 5_000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** What the shared database holds for the demo store: events in order and the tickets. */
function readStore(dataDir: string) {
  return readChildDatabase(dataDir, async (db) => {
    const events = await db
      .selectFrom('events')
      .select(['seq', 'type', 'payload_json'])
      .where('store_id', '=', 'demo')
      .orderBy('seq')
      .execute();
    const tickets = await db
      .selectFrom('tickets')
      .select(['id', 'number', 'service_id', 'day', 'status'])
      .where('store_id', '=', 'demo')
      .execute();
    return { events: events.map((e) => ({ ...e, seq: Number(e.seq) })), tickets };
  });
}

/** The `seq` of every sequenced event a display received, in arrival order. */
const seqsOf = (display: StoreSocket) => display.sequenced().map((r) => r.payload.seq as number);

/** True when `seqs` runs on from `after` without a gap or a repeat. */
const contiguousFrom = (after: number, seqs: number[]) => seqs.every((s, i) => s === after + i + 1);

describe.skipIf(!testDatabaseUrl() || !process.env.REDIS_URL)('two nodes on PostgreSQL and Redis', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-two-nodes-'));
  const env = {
    REDIS_URL: process.env.REDIS_URL ?? '',
    LINECAST_REDIS_PREFIX: `lc-test-${randomBytes(6).toString('hex')}`,
  };
  const nodes: ChildServer[] = [];
  const displays: StoreSocket[] = [];
  let cookie = '';
  /** The furthest status an answer acknowledged for each ticket, and its number. */
  const acked = new Map<string, { number: string; rank: number }>();
  const ack = (ticket: { id: string; number: string; status: Ticket['status'] }) => {
    const known = acked.get(ticket.id);
    acked.set(ticket.id, { number: ticket.number, rank: Math.max(known?.rank ?? 0, STATUS_RANK[ticket.status]) });
  };

  beforeAll(async () => {
    // Started together on an empty database: one creates the admin and the demo store, the other waits.
    nodes.push(
      ...(await Promise.all([0, 1].map(() => startChildServer({ dataDir, adminPassword: ADMIN_PASSWORD, env })))),
    );
    cookie = await signInAdmin(nodes[0]!.url, ADMIN_PASSWORD);
    for (const id of COUNTERS) {
      const opened = await call(`${nodes[0]!.url}/api/stores/demo/counters/${id}/open`, 'POST', cookie);
      if (opened.status !== 200) throw new Error(`open ${id}: ${opened.status}`);
    }
  }, 120_000);
  afterAll(async () => {
    for (const d of displays) d.close();
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await removeChildData(dataDir);
  });

  it('serves a user, a paired screen and uploaded media from either node', async () => {
    const [a, b] = nodes as [ChildServer, ChildServer];
    const me = await call(`${b.url}/api/auth/me`, 'GET', cookie);
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('admin');

    const pairing = await call(`${a.url}/api/devices/pairing`, 'POST', undefined, { store: 'demo', kind: 'signage' });
    expect(pairing.status).toBe(201);
    const paired = await call(`${b.url}/api/admin/stores/demo/devices/pair`, 'POST', cookie, {
      code: pairing.body.code,
      name: 'Door screen',
    });
    expect(paired.status).toBe(201);
    const poll = await call(`${a.url}/api/devices/pairing/${pairing.body.pairingId}`, 'GET');
    expect(poll.body.status).toBe('paired');
    // The screen reports through node A; node B's staff list shows it alive.
    const screen = await StoreSocket.join(a.url);
    displays.push(screen);
    screen.socket.emit('heartbeat', {
      store: 'demo',
      kind: 'signage',
      layout: 'board',
      deviceToken: poll.body.deviceToken,
      lastRenderedAt: new Date().toISOString(),
    });
    await waitFor(async () => {
      const list = await call(`${b.url}/api/admin/stores/demo/devices`, 'GET', cookie);
      return list.body.devices.find(
        (d: { name: string; status: string }) => d.name === 'Door screen' && d.status === 'online',
      );
    }, 'the screen online on node B');

    const upload = await fetch(`${a.url}/api/admin/stores/demo/signage/media`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const { url } = (await upload.json()) as { url: string };
    const served = await fetch(b.url + url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it(`takes ${STORM_REQUESTS} concurrent requests over both nodes: no ticket called twice, none lost, numbers unique, the same contiguous seq on each node's display`, {
    timeout: 600_000,
  }, async () => {
    const [a, b] = nodes as [ChildServer, ChildServer];
    for (const id of COUNTERS)
      expect((await call(`${a.url}/api/stores/demo/counters/${id}/open`, 'POST', cookie)).status).toBe(200);
    const onA = await StoreSocket.join(a.url);
    const onB = await StoreSocket.join(b.url);
    displays.push(onA, onB);

    const result = await storm(nodes, STORM_REQUESTS, cookie, ack);
    expect(result.failures).toEqual([]);
    console.log(`two-node storm: ${result.sent} requests, ${result.busy} answered 503 (busy, not acknowledged)`);

    const { events, tickets } = await readStore(dataDir);
    const lastSeq = events.at(-1)!.seq;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    await Promise.all([onA.until(lastSeq, 120_000), onB.until(lastSeq, 120_000)]);
    for (const display of [onA, onB]) {
      expect(contiguousFrom(display.snapshot.seq, seqsOf(display))).toBe(true);
      expect(seqsOf(display).at(-1)).toBe(lastSeq);
    }
    checkStore(events, tickets, acked);
  });

  it('keeps serving when one node is killed mid-storm; displays of both converge on the same line', {
    timeout: 600_000,
  }, async () => {
    const [a, b] = nodes as [ChildServer, ChildServer];
    const onA = await StoreSocket.join(a.url);
    const onB = await StoreSocket.join(b.url);
    displays.push(onA, onB);
    const running = storm(nodes, 1_000, cookie, ack, { killAfter: 300, kill: () => b.kill('SIGKILL') });
    // The killed node's display finds the survivor, as the apps do when their server goes away.
    await waitFor(() => !onB.socket.connected, 'the killed node display to drop', 300_000);
    const moved = await StoreSocket.join(a.url);
    displays.push(moved);
    const result = await running;
    expect(result.failures).toEqual([]);

    const { events, tickets } = await readStore(dataDir);
    const lastSeq = events.at(-1)!.seq;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const seqA = (await call(`${a.url}/api/stores/demo/queue`, 'GET')).body.seq;
    console.log(
      `after the kill: stored seq ${lastSeq}, node A at ${seqA}, displays at ${seqsOf(onA).at(-1)} / ${seqsOf(moved).at(-1)}`,
    );
    await Promise.all([onA.until(lastSeq, 120_000), moved.until(lastSeq, 120_000)]);
    expect(contiguousFrom(onA.snapshot.seq, seqsOf(onA))).toBe(true);
    expect(contiguousFrom(moved.snapshot.seq, seqsOf(moved))).toBe(true);
    // What the killed node's display saw before it went is a prefix of what the survivor's saw.
    const before = seqsOf(onB);
    expect(contiguousFrom(onB.snapshot.seq, before)).toBe(true);
    onA.socket.emit('resync');
    moved.socket.emit('resync');
    const latest = (d: StoreSocket) => d.received.filter((r) => r.name === 'queue:snapshot').at(-1)!.payload;
    await waitFor(() => latest(onA).seq === lastSeq && latest(moved).seq === lastSeq, 'fresh snapshots');
    // The line itself; predicted waits and the snapshot's own time are each node's estimate.
    const line = (d: StoreSocket) => {
      const { waits: _waits, at: _at, ...rest } = latest(d);
      return rest;
    };
    expect(line(moved)).toEqual(line(onA));
    checkStore(events, tickets, acked);
  });
});

/**
 * Customers and the four counters hit both nodes at once, alternating, until `total` requests
 * were sent. With `killAfter`, `kill` runs after that many and the dead node gets no more.
 */
async function storm(
  nodes: ChildServer[],
  total: number,
  cookie: string,
  ack: (t: { id: string; number: string; status: Ticket['status'] }) => void,
  dying?: { killAfter: number; kill: () => Promise<void> },
) {
  let sent = 0;
  let busy = 0;
  let dead: ChildServer | undefined;
  const failures: string[] = [];
  const pick = (i: number) => {
    const node = nodes[i % nodes.length]!;
    return node === dead ? nodes.find((n) => n !== dead)! : node;
  };
  const take = () => {
    if (sent >= total) return false;
    sent++;
    if (dying && sent === dying.killAfter) {
      dead = nodes[1];
      void dying.kill();
    }
    return true;
  };
  const send = async (node: ChildServer, path: string, body: unknown, withCookie: boolean, ok: number[]) => {
    let r: Answer;
    try {
      r = await call(`${node.url}${path}`, 'POST', withCookie ? cookie : undefined, body);
    } catch (error) {
      // A request to the node being killed may fail unanswered: not acknowledged, so not owed.
      if (dying && node === nodes[1]) return undefined;
      failures.push(`${path}: ${String(error)}`);
      return undefined;
    }
    if (r.status === 503) busy++;
    else if (!ok.includes(r.status)) failures.push(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const customer = async (n: number) => {
    for (let i = 0; take(); i++) {
      const body = { serviceId: SERVICES[(n + i) % SERVICES.length], idempotencyKey: `storm-${n}-${i}-${sent}` };
      const r = await send(pick(n + i), '/api/stores/demo/tickets', body, false, [200, 201]);
      if (r && (r.status === 200 || r.status === 201)) ack(r.body.ticket);
    }
  };
  const counter = async (id: string, n: number) => {
    for (let i = 0; take(); i++) {
      const action = i % 2 === 0 ? 'call-next' : 'complete';
      // 409: nothing current to complete (the call found nobody), a valid answer.
      const r = await send(pick(n + i), `/api/stores/demo/counters/${id}/${action}`, undefined, true, [200, 409]);
      if (r?.status === 200 && r.body.ticket) ack(r.body.ticket);
    }
  };
  // Two customers for four counters that alternate call and complete: about as many tickets
  // issued as called, so the line (and each node's wait prediction over it) stays store-sized.
  await Promise.all([0, 1].map(customer).concat(COUNTERS.map(counter)));
  return { sent, busy, failures };
}

/** What must hold of the stored line whatever the interleaving of nodes was. */
function checkStore(
  events: Array<{ seq: number; type: string; payload_json: string }>,
  tickets: Array<{ id: string; number: string; service_id: string; day: string; status: string }>,
  acked: Map<string, { number: string; rank: number }>,
) {
  const calls = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'ticket:called') continue;
    const { ticketId } = JSON.parse(e.payload_json) as { ticketId: string };
    calls.set(ticketId, (calls.get(ticketId) ?? 0) + 1);
  }
  expect([...calls].filter(([, n]) => n > 1)).toEqual([]);
  const stored = new Map(tickets.map((t) => [t.id, t]));
  const missing = [...acked].filter(([id, t]) => stored.get(id)?.number !== t.number);
  expect(missing).toEqual([]);
  for (const [id, t] of acked)
    expect(STATUS_RANK[stored.get(id)!.status as Ticket['status']], id).toBeGreaterThanOrEqual(t.rank);
  const numbers = tickets.map((t) => `${t.day} ${t.service_id} ${t.number}`);
  expect(new Set(numbers).size).toBe(numbers.length);
}
