import type SQLite from 'better-sqlite3';
import { localParts } from '../../shared/time.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { StoreState } from '../engine/state.ts';
import type { AuditEntry } from './audit-repository.ts';
import { MARK_SQL, reportDaysOf } from './report-marks.ts';
import { counterToRow, serviceToRow, ticketToRow } from './rows.ts';

/** An engine event as stored: with its per-store sequence number. */
export type CommittedEvent = EngineEvent & { seq: number };

const TICKET_COLUMNS = [
  'id',
  'store_id',
  'token',
  'number',
  'service_id',
  'priority',
  'language',
  'status',
  'day',
  'hour',
  'issued_at',
  'joined_at',
  'first_called_at',
  'called_at',
  'started_at',
  'done_at',
  'counter_id',
  'operator_id',
  'recalls',
  'transfers',
  'source',
  'idempotency_key',
  'feedback_given',
] as const;

/**
 * What never changes on a ticket after its issue. Events after the issue update only the other
 * columns, which leaves three of the tickets table's five indexes untouched.
 */
const TICKET_FIXED_COLUMNS: readonly string[] = [
  'id',
  'store_id',
  'token',
  'number',
  'day',
  'hour',
  'issued_at',
  'source',
  'idempotency_key',
];
const TICKET_CHANGING_COLUMNS = TICKET_COLUMNS.filter((c) => !TICKET_FIXED_COLUMNS.includes(c));

const COUNTER_COLUMNS = [
  'store_id',
  'id',
  'name',
  'service_ids_json',
  'status',
  'status_since',
  'pause_reason',
  'operator_id',
  'current_ticket_id',
  'active',
] as const;

const SERVICE_COLUMNS = ['store_id', 'id', 'code', 'name_json', 'sort_order', 'active'] as const;

function upsert(table: string, columns: readonly string[], key: string): string {
  const keys = key.split(',');
  const set = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})
    on conflict (${key}) do update set ${set.join(', ')}`;
}

/**
 * The command path's writes on SQLite: statements prepared once and reused, run in one
 * synchronous transaction (no query building, no statement compiled per command). Writes the same
 * rows as the general path in `line-repository.ts`.
 */
export class SqliteCommitWriter {
  readonly #sqlite: SQLite.Database;
  readonly #statements;
  /** Local day and hour per time zone and quarter hour (every zone's offset is a multiple of 15 min). */
  readonly #local = new Map<string, { day: string; hour: number }>();

  constructor(sqlite: SQLite.Database) {
    this.#sqlite = sqlite;
    const s = (sql: string) => sqlite.prepare(sql);
    this.#statements = {
      event: s('insert into events (store_id, seq, type, at, payload_json) values (?, ?, ?, ?, ?)'),
      ticket: s(upsert('tickets', TICKET_COLUMNS, 'id')),
      ticketChange: s(
        `update tickets set ${TICKET_CHANGING_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} where id = @id`,
      ),
      counter: s(upsert('counters', COUNTER_COLUMNS, 'store_id,id')),
      service: s(upsert('services', SERVICE_COLUMNS, 'store_id,id')),
      segmentOpen: s(`insert into service_segments
        (store_id, ticket_id, service_id, counter_id, operator_id, day, hour, called_at, started_at, ended_at, outcome)
        values (?, ?, ?, ?, ?, ?, ?, ?, null, null, null)`),
      segmentStart: s('update service_segments set started_at = ? where ticket_id = ? and ended_at is null'),
      segmentEnd: s('update service_segments set ended_at = ?, outcome = ? where ticket_id = ? and ended_at is null'),
      audit: s('insert into audit_log (store_id, actor_id, action, details_json, at) values (?, ?, ?, ?, ?)'),
      feedback: s(`insert into feedback (ticket_id, store_id, day, csat, nps, ces, comment, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)`),
      settings: s('update stores set name = ?, time_zone = ?, settings_json = ? where id = ?'),
      runtime: s('update stores set last_seq = ?, runtime_json = ? where id = ?'),
      reportMark: s(MARK_SQL),
    };
  }

  /**
   * Appends `events` after `lastSeq` and brings the projections to `after`, with the admin's
   * `audit` entry, in one transaction.
   */
  commit(
    storeId: string,
    lastSeq: number,
    events: readonly EngineEvent[],
    after: StoreState,
    audit?: AuditEntry,
  ): CommittedEvent[] {
    const committed = events.map((e, i) => ({ ...e, seq: lastSeq + i + 1 }));
    if (committed.length === 0 && !audit) return committed;
    // Inside another transaction this would become a savepoint of it, and share its fate.
    if (this.#sqlite.inTransaction) throw new Error('command commit inside another transaction');
    this.#sqlite.transaction(() => {
      if (committed.length > 0) this.#write(storeId, lastSeq, committed, after);
      if (audit) {
        const a = audit;
        this.#statements.audit.run(a.storeId, a.actorId, a.action, JSON.stringify(a.details), a.at);
      }
    })();
    return committed;
  }

  /**
   * `commit` for many commands at once (an imported history): the same rows, one transaction,
   * each batch's projections brought to its `after`. Returns the store's new last `seq`.
   */
  commitBatch(
    storeId: string,
    lastSeq: number,
    batches: ReadonlyArray<{ events: readonly EngineEvent[]; after: StoreState }>,
  ): number {
    if (this.#sqlite.inTransaction) throw new Error('history commit inside another transaction');
    let seq = lastSeq;
    this.#sqlite.transaction(() => {
      for (const b of batches) {
        const committed = b.events.map((e, i) => ({ ...e, seq: seq + i + 1 }));
        if (committed.length === 0) continue;
        this.#write(storeId, seq, committed, b.after);
        seq += committed.length;
      }
    })();
    return seq;
  }

  #write(storeId: string, lastSeq: number, committed: CommittedEvent[], after: StoreState): void {
    const st = this.#statements;
    const tz = after.settings.timeZone;
    for (const e of committed) st.event.run(storeId, e.seq, e.type, e.at, JSON.stringify(e));
    // Tickets first (segments and feedback refer to them), each once as it is after all events.
    const tickets = new Set<string>();
    const issued = new Set<string>();
    const counters = new Set<string>();
    for (const e of committed) {
      if (e.type === 'ticket:issued') issued.add(e.ticket.id);
      else if ('ticketId' in e) tickets.add(e.ticketId);
      if ('counterId' in e) counters.add(e.counterId);
      if (e.type === 'counter:updated') counters.add(e.counter.id);
    }
    for (const id of issued) {
      const t = after.tickets[id];
      if (t) st.ticket.run(ticketToRow(storeId, t, this.#localOf(t.issuedAt, tz).hour));
    }
    for (const id of tickets) {
      const t = after.tickets[id];
      if (!t || issued.has(id)) continue;
      // A ticket of the live line has its row already (issued in an earlier commit).
      // The statement takes the columns it names from the row and leaves the rest.
      const row = ticketToRow(storeId, t, this.#localOf(t.issuedAt, tz).hour);
      if (st.ticketChange.run(row).changes === 0) st.ticket.run(row);
    }
    for (const e of committed) this.#project(storeId, e, after);
    for (const id of counters) {
      const c = after.counters[id];
      if (c) st.counter.run(counterToRow(storeId, c));
    }
    for (const day of reportDaysOf(committed, after)) st.reportMark.run(storeId, day, lastSeq + committed.length);
    const runtime = { numbering: after.numbering, priorityStreaks: after.priorityStreaks };
    st.runtime.run(lastSeq + committed.length, JSON.stringify(runtime), storeId);
  }

  #project(storeId: string, e: EngineEvent, after: StoreState): void {
    const st = this.#statements;
    const tz = after.settings.timeZone;
    switch (e.type) {
      case 'ticket:called': {
        const t = after.tickets[e.ticketId];
        const local = this.#localOf(e.at, tz);
        st.segmentOpen.run(
          storeId,
          e.ticketId,
          t?.serviceId ?? '',
          e.counterId,
          e.operatorId,
          local.day,
          local.hour,
          e.at,
        );
        if (e.manual) {
          const details = JSON.stringify({ ticketId: e.ticketId, counterId: e.counterId, reason: e.manual.reason });
          st.audit.run(storeId, e.manual.actorId, 'call_ticket', details, e.at);
        }
        return;
      }
      case 'ticket:started':
        st.segmentStart.run(e.at, e.ticketId);
        return;
      case 'ticket:done':
      case 'ticket:no_show':
      case 'ticket:transferred': {
        const outcome = e.type === 'ticket:done' ? 'done' : e.type === 'ticket:no_show' ? 'no_show' : 'transferred';
        st.segmentEnd.run(e.at, outcome, e.ticketId);
        return;
      }
      case 'ticket:feedback': {
        const f = e.feedback;
        const day = this.#localOf(e.at, tz).day;
        st.feedback.run(
          e.ticketId,
          storeId,
          day,
          f.csat ?? null,
          f.nps ?? null,
          f.ces ?? null,
          f.comment ?? null,
          e.at,
        );
        return;
      }
      case 'service:updated':
        st.service.run(serviceToRow(storeId, e.service));
        return;
      case 'store:updated':
        st.settings.run(e.settings.name, e.settings.timeZone, JSON.stringify(e.settings), storeId);
        return;
    }
  }

  #localOf(at: number, timeZone: string): { day: string; hour: number } {
    const key = `${timeZone}|${Math.floor(at / 900_000)}`;
    let local = this.#local.get(key);
    if (!local) {
      const { day, hour } = localParts(at, timeZone);
      local = { day, hour };
      if (this.#local.size > 1000) this.#local.clear();
      this.#local.set(key, local);
    }
    return local;
  }
}
