import type { Kysely, Transaction } from 'kysely';
import { localParts } from '../../shared/time.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { Service, StoreState, Ticket } from '../engine/state.ts';
import { type AuditEntry, writeAudit } from './audit-repository.ts';
import { type Db, sqliteHandle } from './database.ts';
import { markReportDays } from './report-marks.ts';
import {
  counterToRow,
  parseSettings,
  rowToCounter,
  rowToService,
  rowToTicket,
  serviceToRow,
  ticketToRow,
} from './rows.ts';
import type { Database, TicketsTable } from './schema.ts';
import { type CommittedEvent, SqliteCommitWriter } from './sqlite-commit.ts';

export type { CommittedEvent };

/**
 * Another node committed for this store after `lastSeq`: the decision was made on an old line.
 * Nothing was written; the caller catches up (`eventsAfter`) and decides again.
 */
export class StaleLineError extends Error {
  constructor(storeId: string, lastSeq: number) {
    super(`store ${storeId} moved past seq ${lastSeq}`);
  }
}

interface Runtime {
  numbering: StoreState['numbering'];
  priorityStreaks: StoreState['priorityStreaks'];
}

/**
 * Where lines live between restarts. The only storage the line service talks to: events are
 * appended and projections updated in one transaction per command.
 */
export class LineRepository {
  readonly #db: Db;
  readonly #writer: SqliteCommitWriter | undefined;

  constructor(db: Db) {
    this.#db = db;
    const sqlite = sqliteHandle(db);
    this.#writer = sqlite && new SqliteCommitWriter(sqlite);
  }

  /**
   * True on SQLite: this process is the file's only writer, so nobody commits for a store between
   * its decisions and several commands may share one transaction (see `CommitGroups`).
   */
  get soleWriter(): boolean {
    return this.#writer !== undefined;
  }

  /** Every store's state as the engine needs it, plus its last `seq`. */
  async loadAll(): Promise<Array<{ state: StoreState; lastSeq: number }>> {
    const stores = await this.#db.selectFrom('stores').selectAll().execute();
    const result: Array<{ state: StoreState; lastSeq: number }> = [];
    for (const s of stores) result.push({ state: await this.#loadState(s.id), lastSeq: Number(s.last_seq) });
    return result;
  }

  /** One store's state and last `seq` (a store another node created), or undefined. */
  async loadStore(storeId: string): Promise<{ state: StoreState; lastSeq: number } | undefined> {
    const store = await this.#db.selectFrom('stores').select('last_seq').where('id', '=', storeId).executeTakeFirst();
    return store && { state: await this.#loadState(storeId), lastSeq: Number(store.last_seq) };
  }

  /** Every store's last committed `seq`. */
  async lastSeqs(): Promise<Map<string, number>> {
    const rows = await this.#db.selectFrom('stores').select(['id', 'last_seq']).execute();
    return new Map(rows.map((r) => [r.id, Number(r.last_seq)]));
  }

  /** Events committed for a store after `seq`, in order (what another node decided since). */
  async eventsAfter(storeId: string, seq: number): Promise<CommittedEvent[]> {
    const rows = await this.#db
      .selectFrom('events')
      .select(['seq', 'payload_json'])
      .where('store_id', '=', storeId)
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ ...(JSON.parse(r.payload_json) as EngineEvent), seq: Number(r.seq) }));
  }

  async #loadState(storeId: string): Promise<StoreState> {
    const store = await this.#db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirstOrThrow();
    const runtime = JSON.parse(store.runtime_json) as Runtime;
    const services = await this.#db.selectFrom('services').selectAll().where('store_id', '=', storeId).execute();
    const counters = await this.#db.selectFrom('counters').selectAll().where('store_id', '=', storeId).execute();
    // Active tickets of any day, and every ticket of the numbering day (terminal ones too).
    const tickets = await this.#db
      .selectFrom('tickets')
      .selectAll()
      .where('store_id', '=', storeId)
      .where((eb) =>
        eb.or([eb('status', 'in', ['waiting', 'called', 'serving']), eb('day', '=', runtime.numbering.day)]),
      )
      .execute();
    return {
      settings: parseSettings(store.settings_json),
      services: Object.fromEntries(services.map((r) => [r.id, rowToService(r)])),
      counters: Object.fromEntries(counters.map((r) => [r.id, rowToCounter(r)])),
      tickets: Object.fromEntries(tickets.map((r) => [r.id, rowToTicket(r)])),
      numbering: runtime.numbering,
      priorityStreaks: runtime.priorityStreaks ?? {},
    };
  }

  /** Creates a store with its services and counters (no events: this is its starting state). */
  async createStore(state: StoreState, now: number, audit?: AuditEntry): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('stores')
        .values({
          id: state.settings.id,
          slug: state.settings.slug,
          name: state.settings.name,
          time_zone: state.settings.timeZone,
          settings_json: JSON.stringify(state.settings),
          runtime_json: JSON.stringify(runtimeOf(state)),
          last_seq: 0,
          created_at: now,
        })
        .execute();
      for (const s of Object.values(state.services))
        await trx.insertInto('services').values(serviceToRow(state.settings.id, s)).execute();
      for (const c of Object.values(state.counters))
        await trx.insertInto('counters').values(counterToRow(state.settings.id, c)).execute();
      await writeAudit(trx, audit, undefined);
    });
  }

  /**
   * Appends `events` after `lastSeq` and brings the projections to `after`, atomically, with
   * the admin's audit entry when the command came from the admin pages. Returns the events
   * with their `seq`.
   */
  async commit(
    storeId: string,
    lastSeq: number,
    events: EngineEvent[],
    after: StoreState,
    audit?: AuditEntry,
  ): Promise<CommittedEvent[]> {
    const writer = this.#writer;
    if (!writer) {
      return this.#db.transaction().execute(async (trx) => {
        // Claiming the next seqs is the store's lock across nodes: the row stays locked until this
        // transaction ends, and a node that decided on an older line claims nothing (see
        // docs/multi-node.md).
        if (events.length > 0) {
          const claimed = await trx
            .updateTable('stores')
            .set({ last_seq: lastSeq + events.length })
            .where('id', '=', storeId)
            .where('last_seq', '=', lastSeq)
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) !== 1) throw new StaleLineError(storeId, lastSeq);
        }
        const committed = await writeEvents(trx, storeId, lastSeq, events, after);
        await writeAudit(trx, audit, undefined);
        return committed;
      });
    }
    // Holding kysely's one connection keeps its transactions from interleaving with this one.
    return this.#db.connection().execute(async () => writer.commit(storeId, lastSeq, events, after, audit));
  }

  /** Same as `commit`, for many commands at once (simulated history): one transaction. */
  async commitBatch(storeId: string, lastSeq: number, batches: Array<{ events: EngineEvent[]; after: StoreState }>) {
    const writer = this.#writer;
    if (writer) return this.#db.connection().execute(async () => writer.commitBatch(storeId, lastSeq, batches));
    return this.#db.transaction().execute(async (trx) => {
      let seq = lastSeq;
      for (const b of batches) {
        const committed = await writeEvents(trx, storeId, seq, b.events, b.after);
        seq += committed.length;
      }
      return seq;
    });
  }

  async findTicketByToken(token: string): Promise<{ storeId: string; ticket: Ticket } | undefined> {
    const row = await this.#db.selectFrom('tickets').selectAll().where('token', '=', token).executeTakeFirst();
    return row && { storeId: row.store_id, ticket: rowToTicket(row) };
  }

  async findTicketByIdempotencyKey(storeId: string, key: string): Promise<Ticket | undefined> {
    const row = await this.#db
      .selectFrom('tickets')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row && rowToTicket(row);
  }
}

function runtimeOf(state: StoreState): Runtime {
  return { numbering: state.numbering, priorityStreaks: state.priorityStreaks };
}

async function writeEvents(
  trx: Transaction<Database>,
  storeId: string,
  lastSeq: number,
  events: EngineEvent[],
  after: StoreState,
): Promise<CommittedEvent[]> {
  const committed = events.map((e, i) => ({ ...e, seq: lastSeq + i + 1 }));
  if (committed.length === 0) return committed;
  // SQLite allows 32766 bound values per statement: 5 per event row.
  for (let i = 0; i < committed.length; i += 5000) {
    await trx
      .insertInto('events')
      .values(
        committed.slice(i, i + 5000).map((e) => ({
          store_id: storeId,
          seq: e.seq,
          type: e.type,
          at: e.at,
          payload_json: JSON.stringify(e),
        })),
      )
      .execute();
  }
  // A ticket or counter touched by several events is written once, as it is after all of them,
  // tickets first: segments and feedback refer to them.
  const touched = touchedBy(committed);
  await upsertTickets(trx, storeId, after, [...touched.tickets]);
  for (const e of committed) await project(trx, storeId, e, after);
  for (const id of touched.counters) await upsertCounter(trx, storeId, after, id);
  await markReportDays(trx, storeId, lastSeq + committed.length, committed, after);
  await trx
    .updateTable('stores')
    .set({ last_seq: lastSeq + committed.length, runtime_json: JSON.stringify(runtimeOf(after)) })
    .where('id', '=', storeId)
    .execute();
  return committed;
}

/** Tickets and counters whose rows the events change (a call changes the counter's current ticket). */
function touchedBy(events: EngineEvent[]) {
  const tickets = new Set<string>();
  const counters = new Set<string>();
  for (const e of events) {
    if (e.type === 'ticket:issued') tickets.add(e.ticket.id);
    else if ('ticketId' in e) tickets.add(e.ticketId);
    if ('counterId' in e) counters.add(e.counterId);
    if (e.type === 'counter:updated') counters.add(e.counter.id);
  }
  return { tickets, counters };
}

/** Projection rows that are not a plain copy of the state: segments, feedback, audit, settings. */
async function project(trx: Kysely<Database>, storeId: string, e: EngineEvent, after: StoreState) {
  const tz = after.settings.timeZone;
  switch (e.type) {
    case 'ticket:called': {
      const t = after.tickets[e.ticketId];
      const local = localParts(e.at, tz);
      await trx
        .insertInto('service_segments')
        .values({
          store_id: storeId,
          ticket_id: e.ticketId,
          service_id: t?.serviceId ?? '',
          counter_id: e.counterId,
          operator_id: e.operatorId,
          day: local.day,
          hour: local.hour,
          called_at: e.at,
          started_at: null,
          ended_at: null,
          outcome: null,
        })
        .execute();
      if (e.manual) {
        await trx
          .insertInto('audit_log')
          .values({
            store_id: storeId,
            actor_id: e.manual.actorId,
            action: 'call_ticket',
            details_json: JSON.stringify({ ticketId: e.ticketId, counterId: e.counterId, reason: e.manual.reason }),
            at: e.at,
          })
          .execute();
      }
      return;
    }
    case 'ticket:started':
      await trx
        .updateTable('service_segments')
        .set({ started_at: e.at })
        .where('ticket_id', '=', e.ticketId)
        .where('ended_at', 'is', null)
        .execute();
      return;
    case 'ticket:done':
    case 'ticket:no_show':
    case 'ticket:transferred': {
      const outcome = e.type === 'ticket:done' ? 'done' : e.type === 'ticket:no_show' ? 'no_show' : 'transferred';
      await trx
        .updateTable('service_segments')
        .set({ ended_at: e.at, outcome })
        .where('ticket_id', '=', e.ticketId)
        .where('ended_at', 'is', null)
        .execute();
      return;
    }
    case 'ticket:feedback': {
      const f = e.feedback;
      await trx
        .insertInto('feedback')
        .values({
          ticket_id: e.ticketId,
          store_id: storeId,
          day: localParts(e.at, tz).day,
          csat: f.csat ?? null,
          nps: f.nps ?? null,
          ces: f.ces ?? null,
          comment: f.comment ?? null,
          created_at: e.at,
        })
        .execute();
      return;
    }
    case 'service:updated':
      return upsertService(trx, storeId, e.service);
    case 'store:updated':
      await trx
        .updateTable('stores')
        .set({ name: e.settings.name, time_zone: e.settings.timeZone, settings_json: JSON.stringify(e.settings) })
        .where('id', '=', storeId)
        .execute();
      return;
  }
}

/** Writes tickets as they are in `after`, many rows per statement (a simulated month has thousands). */
async function upsertTickets(trx: Kysely<Database>, storeId: string, after: StoreState, ticketIds: string[]) {
  const rows = ticketIds.flatMap((id) => {
    const t = after.tickets[id];
    return t ? [ticketToRow(storeId, t, localParts(t.issuedAt, after.settings.timeZone).hour)] : [];
  });
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).filter((k) => k !== 'id') as Array<keyof TicketsTable>;
  // 23 columns per row keeps 400 rows under SQLite's 32766 bound values.
  for (let i = 0; i < rows.length; i += 400) {
    await trx
      .insertInto('tickets')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

async function upsertCounter(trx: Kysely<Database>, storeId: string, after: StoreState, counterId: string) {
  const counter = after.counters[counterId];
  if (!counter) return;
  const row = counterToRow(storeId, counter);
  await trx
    .insertInto('counters')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'id']).doUpdateSet(row))
    .execute();
}

async function upsertService(trx: Kysely<Database>, storeId: string, s: Service) {
  const row = serviceToRow(storeId, s);
  await trx
    .insertInto('services')
    .values(row)
    .onConflict((oc) => oc.columns(['store_id', 'id']).doUpdateSet(row))
    .execute();
}
