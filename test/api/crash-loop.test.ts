import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoStoreState } from '../../server/demo/demo-store.ts';
import { applyEvents, type EngineEvent, type Ticket } from '../../server/engine/index.ts';
import { rowToTicket } from '../../server/store/rows.ts';
import { readChildDatabase } from '../../server/store/testing/child-database.ts';
import { type Answer, call, STATUS_RANK, signInAdmin } from '../support/child-calls.ts';
import { type ChildServer, removeChildData, startChildServer } from '../support/child-server.ts';

const ADMIN_PASSWORD = 'crash-loop-admin-password';
const CRASHES = 20;
/** Each round ends after this many acknowledged operations or this long, whichever comes first. */
const OPS_PER_ROUND = 40;
const ROUND_MS = 2_000;
const SERVICES = ['pickup', 'returns', 'personalisation'];
const COUNTERS = ['c1', 'c2', 'c3', 'c4'];

/** What the database holds after a crash: projections and the events they came from. */
function readStore(dataDir: string) {
  return readChildDatabase(dataDir, async (db) => {
    const store = await db.selectFrom('stores').select('created_at').where('id', '=', 'demo').executeTakeFirstOrThrow();
    const eventRows = await db
      .selectFrom('events')
      .select(['seq', 'payload_json'])
      .where('store_id', '=', 'demo')
      .orderBy('seq')
      .execute();
    const tickets = (await db.selectFrom('tickets').selectAll().where('store_id', '=', 'demo').execute()).map((r) =>
      rowToTicket(r),
    );
    const counters = await db
      .selectFrom('counters')
      .select(['id', 'status', 'current_ticket_id as current'])
      .where('store_id', '=', 'demo')
      .execute();
    return {
      createdAt: Number(store.created_at),
      events: eventRows.map((r) => JSON.parse(r.payload_json) as EngineEvent),
      seqs: eventRows.map((r) => r.seq),
      tickets,
      counters,
    };
  });
}

describe(`a server killed with SIGKILL under load, ${CRASHES} times over`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linecast-crash-loop-'));
  let child: ChildServer | undefined;
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await removeChildData(dataDir);
  });

  it('never loses an acknowledged operation, never calls a ticket to two counters, and its projections equal a replay of its events', {
    timeout: 600_000,
  }, async () => {
    /** The furthest status an answer acknowledged for each ticket, and its number. */
    const acked = new Map<string, { number: string; rank: number; token: string }>();
    let lastRound = new Set<string>();
    const ack = (ticket: { id: string; number: string; status: Ticket['status']; token?: string }) => {
      lastRound.add(ticket.id);
      const known = acked.get(ticket.id);
      acked.set(ticket.id, {
        number: ticket.number,
        rank: Math.max(known?.rank ?? 0, STATUS_RANK[ticket.status]),
        token: ticket.token ?? known?.token ?? '',
      });
    };

    for (let round = 0; round <= CRASHES; round++) {
      child = await startChildServer({ dataDir, adminPassword: ADMIN_PASSWORD });
      const url = child.url;
      const cookie = await signInAdmin(url, ADMIN_PASSWORD);

      // What the last round acknowledged is served after the restart (the database check below
      // covers every round). A ticket whose issue answer was lost in a crash has no known token.
      for (const id of lastRound) {
        const t = acked.get(id)!;
        if (!t.token) continue;
        const r = await call(`${url}/api/tickets/${t.token}`, 'GET');
        expect(r.status, id).toBe(200);
        expect(r.body.ticket.number).toBe(t.number);
        expect(STATUS_RANK[r.body.ticket.status as Ticket['status']], `${t.number} went back`).toBeGreaterThanOrEqual(
          t.rank,
        );
      }
      if (round === CRASHES) break;
      lastRound = new Set();

      for (const counter of COUNTERS) {
        const r = await call(`${url}/api/stores/demo/counters/${counter}/open`, 'POST', cookie);
        expect(r.status).toBe(200);
      }
      let ops = 0;
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        child?.process.kill('SIGKILL');
      };
      const failures: string[] = [];
      const checked = (r: Answer, what: string, ok: number[]) => {
        if (!ok.includes(r.status)) failures.push(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
        else if (++ops >= OPS_PER_ROUND) kill();
      };
      const customers = async (n: number) => {
        for (let i = 0; !killed && i < OPS_PER_ROUND; i++) {
          const body = {
            serviceId: SERVICES[(n + i) % SERVICES.length],
            idempotencyKey: `crash-round-${round}-${n}-${i}`,
          };
          const r = await call(`${url}/api/stores/demo/tickets`, 'POST', undefined, body).catch(() => undefined);
          if (!r) return;
          if (r.status === 201 || r.status === 200) ack(r.body.ticket);
          checked(r, 'issue', [200, 201]);
        }
      };
      const counter = async (id: string) => {
        for (let i = 0; !killed && i < OPS_PER_ROUND; i++) {
          const action = i % 2 === 0 ? 'call-next' : 'complete';
          const r = await call(`${url}/api/stores/demo/counters/${id}/${action}`, 'POST', cookie).catch(
            () => undefined,
          );
          if (!r) return;
          if (r.status === 200 && r.body.ticket) ack(r.body.ticket);
          // 409: nothing current to complete (the call found nobody) — a valid answer.
          checked(r, `${id} ${action}`, [200, 409]);
        }
      };
      const timer = setTimeout(kill, ROUND_MS);
      await Promise.all([customers(0), customers(1), ...COUNTERS.map(counter)]);
      clearTimeout(timer);
      kill();
      await child.kill('SIGKILL');
      expect(failures).toEqual([]);

      const { createdAt, events, seqs, tickets, counters } = await readStore(dataDir);
      // Every acknowledged ticket is stored with its number, at least as far on as acknowledged.
      const stored = new Map(tickets.map((t) => [t.id, t]));
      for (const [id, t] of acked) {
        expect(stored.get(id)?.number, id).toBe(t.number);
        expect(STATUS_RANK[stored.get(id)!.status], `${t.number} went back`).toBeGreaterThanOrEqual(t.rank);
      }
      // seq is contiguous from 1.
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      // No ticket is current at two counters; every called or serving ticket is current at one.
      const current = counters.map((c) => c.current).filter((id): id is string => id !== null);
      expect(new Set(current).size).toBe(current.length);
      const atCounter = tickets.filter((t) => t.status === 'called' || t.status === 'serving').map((t) => t.id);
      expect(new Set(atCounter)).toEqual(new Set(current));
      // Numbers unique per service: 1..n with none skipped or given twice.
      for (const code of ['A', 'B', 'C']) {
        const taken = tickets
          .map((t) => t.number)
          .filter((n) => n.startsWith(code))
          .map((n) => Number(n.slice(1)))
          .sort((a, b) => a - b);
        expect(taken).toEqual(taken.map((_, i) => i + 1));
      }
      // The projections are what the events say.
      const replayed = applyEvents(demoStoreState(createdAt), events);
      const byId = (list: Ticket[]) => Object.fromEntries(list.map((t) => [t.id, t]));
      expect(byId(tickets)).toEqual(byId(Object.values(replayed.tickets)));
      expect(Object.fromEntries(counters.map((c) => [c.id, { status: c.status, current: c.current }]))).toEqual(
        Object.fromEntries(
          Object.values(replayed.counters).map((c) => [c.id, { status: c.status, current: c.currentTicketId }]),
        ),
      );
    }
    expect(acked.size).toBeGreaterThan(CRASHES);
  });
});
