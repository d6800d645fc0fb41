/**
 * The bare reference stack of `npm run bench`: the libraries Linecast is built on and nothing
 * else. Hono + @hono/node-server + better-sqlite3 with Linecast's pragmas + socket.io; each
 * operation is one transaction that appends an event row and inserts or updates a ticket row,
 * then a broadcast to the store's room. Run as its own process: PORT, DATA_DIR.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { Server } from 'socket.io';

const dataDir = process.env.DATA_DIR ?? '/tmp/linecast-bare';
mkdirSync(dataDir, { recursive: true });
const db = new SQLite(join(dataDir, 'bare.db'));
// The same pragmas as server/store/database.ts.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.exec(`
  CREATE TABLE IF NOT EXISTS events (store_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
    at INTEGER NOT NULL, payload_json TEXT NOT NULL, PRIMARY KEY (store_id, seq));
  CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, store_id TEXT NOT NULL, number TEXT NOT NULL,
    service_id TEXT NOT NULL, status TEXT NOT NULL, issued_at INTEGER NOT NULL, counter_id TEXT,
    called_at INTEGER, done_at INTEGER);
  CREATE INDEX IF NOT EXISTS tickets_waiting ON tickets (store_id, status, issued_at);
  CREATE INDEX IF NOT EXISTS tickets_counter ON tickets (store_id, counter_id, status);
`);

const STORE = 'bench';
let seq = (db.prepare('SELECT max(seq) AS s FROM events').get() as { s: number | null }).s ?? 0;
let number = 0;
const insertEvent = db.prepare('INSERT INTO events (store_id, seq, type, at, payload_json) VALUES (?, ?, ?, ?, ?)');
const insertTicket = db.prepare(
  "INSERT INTO tickets (id, store_id, number, service_id, status, issued_at) VALUES (?, ?, ?, ?, 'waiting', ?)",
);
const finishCurrent = db.prepare(
  "UPDATE tickets SET status = 'done', done_at = ? WHERE store_id = ? AND counter_id = ? AND status = 'called' RETURNING id",
);
const nextWaiting = db.prepare(
  "SELECT id, number FROM tickets WHERE store_id = ? AND status = 'waiting' ORDER BY issued_at LIMIT 1",
);
const callTicket = db.prepare("UPDATE tickets SET status = 'called', counter_id = ?, called_at = ? WHERE id = ?");

type Payload = Record<string, unknown>;
const append = (type: string, payload: Payload): Payload => {
  seq += 1;
  const event = { seq, storeId: STORE, at: new Date().toISOString(), ...payload };
  insertEvent.run(STORE, seq, type, Date.now(), JSON.stringify(event));
  return event;
};

const issue = db.transaction((serviceId: string, pad: number) => {
  const id = randomUUID();
  number += 1;
  const ticket = { id, number: `A${String(number).padStart(3, '0')}`, serviceId, status: 'waiting' };
  insertTicket.run(id, STORE, ticket.number, serviceId, Date.now());
  return append('ticket:issued', { ticket, ...(pad > 0 ? { pad: 'x'.repeat(pad) } : {}) });
});
const callNext = db.transaction((counterId: string) => {
  const now = Date.now();
  const events: Array<[string, Payload]> = [];
  for (const done of finishCurrent.all(now, STORE, counterId) as Array<{ id: string }>)
    events.push(['ticket:done', append('ticket:done', { ticketId: done.id, counterId })]);
  const next = nextWaiting.get(STORE) as { id: string; number: string } | undefined;
  if (next) {
    callTicket.run(counterId, now, next.id);
    events.push(['ticket:called', append('ticket:called', { ticket: next, counterId })]);
  }
  return events;
});
const complete = db.transaction((counterId: string) =>
  (finishCurrent.all(Date.now(), STORE, counterId) as Array<{ id: string }>).map(
    (done) => ['ticket:done', append('ticket:done', { ticketId: done.id, counterId })] as [string, Payload],
  ),
);

const app = new Hono();
let io: Server | undefined;
const room = `public:${STORE}`;
app.get('/api/health', (c) => c.json({ ok: true }));
app.post('/tickets', async (c) => {
  const body = (await c.req.json()) as { serviceId?: string; pad?: number };
  const event = issue(body.serviceId ?? 'pickup', Math.min(100_000, Math.max(0, Number(body.pad ?? 0))));
  io?.to(room).emit('ticket:issued', event);
  return c.json({ ticket: event.ticket }, 201);
});
app.post('/counters/:counter/call-next', (c) => {
  const events = callNext(c.req.param('counter'));
  for (const [name, payload] of events) io?.to(room).emit(name, payload);
  return c.json({ events: events.length });
});
app.post('/counters/:counter/complete', (c) => {
  const events = complete(c.req.param('counter'));
  for (const [name, payload] of events) io?.to(room).emit(name, payload);
  return events.length > 0 ? c.json({ events: 1 }) : c.json({ error: { code: 'no_current_ticket' } }, 409);
});

const server = createServer(getRequestListener(app.fetch));
server.keepAliveTimeout = 65_000;
io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (_payload: unknown, ack: unknown) => {
    void socket.join(room);
    socket.emit('queue:snapshot', { seq, storeId: STORE });
    if (typeof ack === 'function') ack({ ok: true });
  });
});
server.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void io?.close();
    server.closeAllConnections();
    db.close();
    process.exit(0);
  });
