import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChildDatabase } from '../../server/store/testing/child-database.ts';
import type { QueueSnapshot } from '../../shared/domain.ts';
import { type ChildServer, removeChildData, startChildServer } from '../support/child-server.ts';

const ADMIN_PASSWORD = 'durability-admin-password';
const CLIENTS = 8;
const KILL_AFTER_ACKS = 150;
const MAX_REQUESTS = 2000;
const MAX_STREAM_MS = 15_000;
const SERVICES = ['pickup', 'returns', 'personalisation'];

interface Acked {
  key: string;
  id: string;
  number: string;
  token: string;
  serviceId: string;
}

interface TicketBody {
  ticket: { id: string; number: string; token: string; serviceId: string; status: string };
}

async function json<T = TicketBody>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as T };
}

describe('a server killed with SIGKILL in the middle of a stream of tickets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-durability-'));
  const children: ChildServer[] = [];
  afterAll(async () => {
    for (const child of children) await child.kill('SIGKILL');
    await removeChildData(dataDir);
  });

  it('loses no acknowledged ticket, and the line is the one it had committed', { timeout: 90_000 }, async () => {
    const first = await startChildServer({ dataDir, adminPassword: ADMIN_PASSWORD });
    children.push(first);

    // Some history first: A001 served, B001 called at counter 1, C001 and A002 waiting.
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const staff = (path: string) =>
      json(`${first.url}/api/stores/demo/counters/c1/${path}`, { method: 'POST', headers: { cookie } });
    expect((await staff('open')).status).toBe(200);
    const acked: Acked[] = [];
    const issue = async (base: string, serviceId: string, key: string) => {
      const r = await json(`${base}/api/stores/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId, idempotencyKey: key }),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return {
        key,
        id: r.body.ticket.id,
        number: r.body.ticket.number,
        token: r.body.ticket.token,
        serviceId,
      } as Acked;
    };
    const early = [];
    for (const [i, serviceId] of ['pickup', 'returns', 'personalisation', 'pickup'].entries()) {
      early.push(await issue(first.url, serviceId, `before-stream-${i}`));
    }
    expect(early.map((t) => t.number)).toEqual(['A001', 'B001', 'C001', 'A002']);
    expect((await staff('call-next')).body.ticket.number).toBe('A001');
    expect((await staff('call-next')).body.ticket.number).toBe('B001');
    acked.push(...early.slice(2));

    // The stream: clients take tickets until the kill; an observer keeps reading the line.
    const unanswered = new Set<string>();
    const failures: string[] = [];
    let killed = false;
    let sent = 0;
    let observed: QueueSnapshot | undefined;
    const kill = () => {
      if (killed) return;
      killed = true;
      first.process.kill('SIGKILL');
    };
    const client = async (n: number) => {
      while (!killed && sent < MAX_REQUESTS) {
        const key = `stream-${n}-${sent++}`;
        const serviceId = SERVICES[sent % SERVICES.length]!;
        let r: { status: number; body: TicketBody };
        try {
          r = await json(`${first.url}/api/stores/demo/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ serviceId, idempotencyKey: key }),
          });
        } catch {
          unanswered.add(key);
          return;
        }
        if (r.status !== 201) {
          failures.push(`${key}: ${r.status} ${JSON.stringify(r.body)}`);
          return;
        }
        acked.push({ key, id: r.body.ticket.id, number: r.body.ticket.number, token: r.body.ticket.token, serviceId });
        if (acked.length - 2 >= KILL_AFTER_ACKS) kill();
      }
    };
    const observer = async () => {
      while (!killed) {
        try {
          const r = await json<QueueSnapshot>(`${first.url}/api/stores/demo/queue`);
          if (!killed) observed = r.body;
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    // On a slow machine the time bound, not the count, ends the stream: still with requests in flight.
    const timer = setTimeout(kill, MAX_STREAM_MS);
    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), observer()]);
    clearTimeout(timer);
    kill();
    await first.kill('SIGKILL');
    expect(failures).toEqual([]);
    expect(first.process.signalCode).toBe('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(30);
    expect(sent).toBeLessThan(MAX_REQUESTS);
    expect(observed).toBeDefined();
    const before = observed!;

    const second = await startChildServer({ dataDir, adminPassword: ADMIN_PASSWORD });
    children.push(second);

    // Every acknowledged ticket is there, with the number it was given, still waiting.
    for (let i = 0; i < acked.length; i += CLIENTS) {
      const batch = acked.slice(i, i + CLIENTS);
      const answers = await Promise.all(batch.map((t) => json(`${second.url}/api/tickets/${t.token}`)));
      for (const [j, r] of answers.entries()) {
        const t = batch[j]!;
        expect(r.status, t.key).toBe(200);
        expect(r.body.ticket).toMatchObject({ id: t.id, number: t.number, serviceId: t.serviceId, status: 'waiting' });
      }
    }

    const after = (await json<QueueSnapshot>(`${second.url}/api/stores/demo/queue`)).body;
    const waitingIds = after.waiting.map((t) => t.id);
    expect(new Set(waitingIds).size).toBe(waitingIds.length);
    const ackedIds = new Set(acked.map((t) => t.id));
    expect(waitingIds.filter((id) => ackedIds.has(id)).length).toBe(ackedIds.size);

    // Anything else in the line is a ticket whose request was sent but whose answer was lost.
    const { rows, issuedAt } = await readChildDatabase(dataDir, async (db) => ({
      rows: await db
        .selectFrom('tickets')
        .select(['id', 'number', 'idempotency_key as key'])
        .where('store_id', '=', 'demo')
        .execute(),
      issuedAt: new Map(
        (
          await db
            .selectFrom('events')
            .select(['seq', 'payload_json'])
            .where('store_id', '=', 'demo')
            .where('type', '=', 'ticket:issued')
            .execute()
        ).map((e) => [JSON.parse(e.payload_json).ticket.id as string, e.seq]),
      ),
    }));
    const keyOf = new Map(rows.map((r) => [r.id, r.key]));
    const extras = waitingIds.filter((id) => !ackedIds.has(id));
    for (const id of extras) expect(unanswered.has(keyOf.get(id)!), `extra ticket ${id}`).toBe(true);
    expect(extras.length).toBeLessThanOrEqual(unanswered.size);

    // Numbers: unique, and per service exactly 1..n — none skipped, none given twice.
    const numbers = rows.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const code of ['A', 'B', 'C']) {
      const taken = numbers.filter((n) => n.startsWith(code)).map((n) => Number(n.slice(1)));
      expect(taken.sort((a, b) => a - b)).toEqual(taken.map((_, i) => i + 1));
    }

    // The line as last seen before the crash is the restarted line without what joined after it.
    expect(after.seq).toBeGreaterThanOrEqual(before.seq);
    expect(after.seq - before.seq).toBe(waitingIds.length - before.waiting.length);
    expect(waitingIds.filter((id) => issuedAt.get(id)! <= before.seq)).toEqual(before.waiting.map((t) => t.id));
    expect(after.called).toEqual(before.called);
    expect(after.counters).toEqual(before.counters);
    const seen = new Map(before.waiting.map((t) => [t.id, t]));
    for (const t of after.waiting) {
      const then = seen.get(t.id);
      if (then) expect({ ...t, position: 0, wait: null }).toEqual({ ...then, position: 0, wait: null });
    }

    // Retrying a request whose answer was lost gives the committed ticket back (idempotency survives the crash).
    const extraKeys = new Set(extras.map((id) => keyOf.get(id)));
    for (const key of unanswered) {
      const r = await json(`${second.url}/api/stores/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'pickup', idempotencyKey: key }),
      });
      expect(r.status).toBe(extraKeys.has(key) ? 200 : 201);
    }
  });
});
