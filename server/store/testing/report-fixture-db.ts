import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CANCELS,
  COUNTER_EVENTS,
  DAY,
  FEEDBACK,
  local,
  NOW,
  type S,
  SEGMENTS,
  SETTINGS,
  STORE_ID,
  type T,
  TICKETS,
} from '../../../test/support/reports/fixture-day.ts';
import { type Db, openDatabase } from '../database.ts';
import { ReportService } from '../report-service.ts';
import type { ServiceSegmentsTable, TicketsTable } from '../schema.ts';

/** Writes the fixture (and the two rows that must stay out of the report) into an empty database. */
export async function seedFixtureDay(db: Db): Promise<void> {
  await insertStore(db, STORE_ID);
  await insertStore(db, 'other');
  for (const [id, code] of [
    ['A', 'A'],
    ['B', 'B'],
    ['C', 'C'],
  ] as const) {
    await db
      .insertInto('services')
      .values({ store_id: STORE_ID, id, code, name_json: `{"en":"${id}"}`, sort_order: 0, active: 1 })
      .execute();
  }
  for (const id of ['c1', 'c2', 'c3', 'c4']) {
    await db
      .insertInto('counters')
      .values({
        store_id: STORE_ID,
        id,
        name: `Counter ${id.slice(1)}`,
        service_ids_json: '[]',
        status: 'closed',
        status_since: 0,
        pause_reason: null,
        operator_id: null,
        current_ticket_id: null,
        active: 1,
      })
      .execute();
  }
  for (const [id, username] of [
    ['u1', 'alice'],
    ['u2', 'bob'],
  ]) {
    await db
      .insertInto('users')
      .values({ id: id!, username: username!, password_hash: 'x', role: 'operator', active: 1, created_at: 0 })
      .execute();
  }
  for (const t of TICKETS)
    await db
      .insertInto('tickets')
      .values(ticketRow(STORE_ID, t, DAY))
      .execute();
  await db
    .insertInto('tickets')
    .values(
      ticketRow(
        STORE_ID,
        ['Y1', 'A099', 'A', 'done', '21:30', '21:31', '21:31', null, '21:35', 'c2', 'u2', 0, 0],
        '2026-03-01',
      ),
    )
    .execute();
  await db
    .insertInto('tickets')
    .values(
      ticketRow('other', ['X1', 'A001', 'A', 'done', '10:00', '10:01', '10:01', null, '10:02', 'c1', 'u1', 0, 0], DAY),
    )
    .execute();
  for (const s of SEGMENTS)
    await db
      .insertInto('service_segments')
      .values(segmentRow(STORE_ID, s, DAY))
      .execute();
  await db
    .insertInto('service_segments')
    .values(segmentRow(STORE_ID, ['Y1', 'A', 'c2', 'u2', '21:31', null, '21:35', 'done'], '2026-03-01'))
    .execute();
  await db
    .insertInto('service_segments')
    .values(segmentRow('other', ['X1', 'A', 'c1', 'u1', '10:01', null, '10:02', 'done'], DAY))
    .execute();
  for (const [ticketId, csat, nps, ces, comment] of FEEDBACK) {
    await db
      .insertInto('feedback')
      .values({ ticket_id: ticketId, store_id: STORE_ID, day: DAY, csat, nps, ces, comment, created_at: NOW })
      .execute();
  }
  await db
    .insertInto('feedback')
    .values({ ticket_id: 'X1', store_id: 'other', day: DAY, csat: 1, nps: 0, ces: 7, comment: null, created_at: NOW })
    .execute();

  const events = [
    ...COUNTER_EVENTS.map(([id, status, operatorId, time, day]) => {
      const at = local(time, day);
      const counter = {
        id,
        name: id,
        serviceIds: [],
        status,
        statusSince: at,
        pauseReason: null,
        operatorId,
        currentTicketId: null,
        active: true,
      };
      return { type: 'counter:updated', at, payload: { type: 'counter:updated', at, counter } };
    }),
    ...CANCELS.map(([ticketId, time]) => {
      const at = local(time);
      return { type: 'ticket:cancelled', at, payload: { type: 'ticket:cancelled', at, ticketId } };
    }),
  ].sort((a, b) => a.at - b.at);
  let seq = 0;
  for (const e of events) {
    seq++;
    await db
      .insertInto('events')
      .values({ store_id: STORE_ID, seq, type: e.type, at: e.at, payload_json: JSON.stringify({ ...e.payload, seq }) })
      .execute();
  }
  // Another store's counter, open all day: must not leak into this store's idle time.
  const other = { id: 'c1', status: 'open', operatorId: 'u1' };
  await db
    .insertInto('events')
    .values({
      store_id: 'other',
      seq: 1,
      type: 'counter:updated',
      at: local('09:00'),
      payload_json: JSON.stringify({ type: 'counter:updated', counter: other }),
    })
    .execute();
}

async function insertStore(db: Db, id: string) {
  const settings = { ...SETTINGS, id, slug: id };
  await db
    .insertInto('stores')
    .values({
      id,
      slug: id,
      name: id,
      time_zone: settings.timeZone,
      settings_json: JSON.stringify(settings),
      runtime_json: '{}',
      last_seq: 0,
      created_at: 0,
    })
    .execute();
}

function ticketRow(storeId: string, t: T, day: string): TicketsTable {
  const [
    id,
    number,
    service,
    status,
    issued,
    firstCalled,
    called,
    started,
    done,
    counter,
    operator,
    recalls,
    transfers,
    priority,
  ] = t;
  const at = (time: string | null) => (time === null ? null : local(time, day));
  return {
    id,
    store_id: storeId,
    token: `token-${storeId}-${id}`,
    number,
    service_id: service,
    priority: priority ?? 0,
    language: 'en',
    status,
    day,
    hour: Number(issued.slice(0, 2)),
    issued_at: local(issued, day),
    joined_at: local(issued, day),
    first_called_at: at(firstCalled),
    called_at: at(called),
    started_at: at(started),
    done_at: at(done),
    counter_id: counter,
    operator_id: operator,
    recalls,
    transfers,
    source: 'kiosk',
    idempotency_key: null,
    feedback_given: FEEDBACK.some((f) => f[0] === id) ? 1 : 0,
  };
}

function segmentRow(storeId: string, s: S, day: string): Omit<ServiceSegmentsTable, 'id'> {
  const [ticket, service, counter, operator, called, started, ended, outcome] = s;
  const at = (time: string | null) => (time === null ? null : local(time, day));
  return {
    store_id: storeId,
    ticket_id: ticket,
    service_id: service,
    counter_id: counter,
    operator_id: operator,
    day,
    hour: Number(called.slice(0, 2)),
    called_at: local(called, day),
    started_at: at(started),
    ended_at: at(ended),
    outcome,
  };
}

export interface FixtureDb {
  db: Db;
  dir: string;
  reports: ReportService;
  /** More tickets for a test of its own (rows as the line writes them). */
  insertTickets(rows: TicketRow[]): Promise<void>;
  close(): Promise<void>;
}

export type TicketRow = TicketsTable;

/**
 * A fresh SQLite database in a temporary directory, migrated and seeded with the fixture day,
 * and the report service (worker thread) reading it.
 */
export async function openFixtureDb(): Promise<FixtureDb> {
  const dir = await mkdtemp(join(tmpdir(), 'linecast-reports-'));
  const db = await openDatabase({ dataDir: dir });
  await seedFixtureDay(db);
  const reports = new ReportService({ dataDir: dir });
  return {
    db,
    dir,
    reports,
    async insertTickets(rows) {
      // In slices: SQLite caps the bound parameters of one statement.
      for (let i = 0; i < rows.length; i += 500)
        await db
          .insertInto('tickets')
          .values(rows.slice(i, i + 500))
          .execute();
    },
    close: async () => {
      await reports.close();
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
