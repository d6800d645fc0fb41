import { sql } from 'kysely';
import type { DayFacts, QueriedFacts } from '../reports/day-facts.ts';
import type {
  BusySegment,
  CounterChange,
  CsvCursor,
  CsvRow,
  DayFactsQuery,
  KeptFacts,
  ReportNames,
  ReportSource,
  WaitingTicket,
} from '../reports/report-source.ts';
import type { Db } from './database.ts';
import { queryDayFacts } from './report-day-facts.ts';
import { keepDayFacts, keptDayFacts, keptDaySeqs } from './report-kept-facts.ts';

/** How many counter events to read per step when looking back for each counter's state at the range's start. */
const LOOK_BACK_PAGE = 200;

/** Everything reports read, in SQL that SQLite and PostgreSQL both run (see `dialect-sql.ts`). */
export class ReportQueries implements ReportSource {
  readonly #db: Db;
  readonly #writer: Db;

  /** @param writer where kept day facts are written (the report worker reads through a read-only connection). */
  constructor(db: Db, writer: Db = db) {
    this.#db = db;
    this.#writer = writer;
  }

  async dayMarks(storeId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.#db
      .selectFrom('report_day_marks')
      .select(['day', 'seq'])
      .where('store_id', '=', storeId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    return new Map(rows.map((r) => [r.day, Number(r.seq)]));
  }

  dayFacts(q: DayFactsQuery): Promise<Map<string, QueriedFacts>> {
    return queryDayFacts(this.#db, q);
  }

  keptDayFacts(storeId: string, from: string, to: string, basis: string): Promise<Map<string, KeptFacts>> {
    return keptDayFacts(this.#db, storeId, from, to, basis);
  }

  keptDaySeqs(storeId: string, from: string, to: string, basis: string): Promise<Map<string, number>> {
    return keptDaySeqs(this.#db, storeId, from, to, basis);
  }

  keepDayFacts(storeId: string, basis: string, days: Array<{ day: string; seq: number; facts: DayFacts }>) {
    return keepDayFacts(this.#writer, storeId, basis, days);
  }

  async waitingTickets(storeId: string, from: string, to: string): Promise<WaitingTicket[]> {
    const rows = await this.#db
      .selectFrom('tickets')
      .select(['day', 'hour', 'service_id', 'issued_at'])
      .where('store_id', '=', storeId)
      .where('status', '=', 'waiting')
      .where('first_called_at', 'is', null)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    return rows.map((r) => ({
      day: r.day,
      hour: Number(r.hour),
      serviceId: r.service_id,
      issuedAt: Number(r.issued_at),
    }));
  }

  /**
   * The events carry the whole counter as JSON; it is parsed here rather than in SQL, which
   * each database spells differently. Before the range only each counter's last event matters,
   * found by reading back page by page until every counter of the store has been seen.
   */
  async counterChanges(storeId: string, startMs: number, untilMs: number): Promise<CounterChange[]> {
    const events = this.#db
      .selectFrom('events')
      .select(['at', 'seq', 'payload_json'])
      .where('store_id', '=', storeId)
      .where('type', '=', 'counter:updated');
    const inRange = await events
      .where('at', '>=', startMs)
      .where('at', '<', untilMs)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    const counters = await this.#db.selectFrom('counters').select('id').where('store_id', '=', storeId).execute();
    const unseen = new Set(counters.map((c) => c.id));
    const before: CounterChange[] = [];
    let cursor = { at: startMs, seq: -1 };
    while (unseen.size > 0) {
      const page = await events
        .where((eb) =>
          eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('seq', '<', cursor.seq)])]),
        )
        .where('at', '<', startMs)
        .orderBy('at', 'desc')
        .orderBy('seq', 'desc')
        .limit(LOOK_BACK_PAGE)
        .execute();
      for (const e of page) {
        const change = toChange(e);
        if (change && unseen.delete(change.counterId)) before.push(change);
      }
      const last = page.at(-1);
      if (!last || page.length < LOOK_BACK_PAGE) break;
      cursor = { at: Number(last.at), seq: Number(last.seq) };
    }
    return [...before.reverse(), ...inRange.flatMap((e) => toChange(e) ?? [])];
  }

  async busySegments(storeId: string, from: string, to: string): Promise<BusySegment[]> {
    const rows = await this.#db
      .selectFrom('service_segments')
      .select(['counter_id', 'day', 'called_at', 'ended_at'])
      .where('store_id', '=', storeId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute();
    return rows.map((r) => ({
      counterId: r.counter_id,
      day: r.day,
      calledAt: Number(r.called_at),
      endedAt: r.ended_at === null ? null : Number(r.ended_at),
    }));
  }

  async names(storeId: string, userIds: string[]): Promise<ReportNames> {
    const db = this.#db;
    const counters = await db.selectFrom('counters').select(['id', 'name']).where('store_id', '=', storeId).execute();
    const services = await db.selectFrom('services').select(['id', 'code']).where('store_id', '=', storeId).execute();
    const users =
      userIds.length === 0
        ? []
        : await db.selectFrom('users').select(['id', 'username']).where('id', 'in', userIds).execute();
    return {
      counters,
      services: new Map(services.map((s) => [s.id, { code: s.code }])),
      users: new Map(users.map((u) => [u.id, u.username])),
    };
  }

  /** Keyset pages (issued_at, id): each page is its own short query over the tickets' time index. */
  async csvPage(storeId: string, from: string, to: string, after: CsvCursor, limit: number): Promise<CsvRow[]> {
    const { rows } = await sql<CsvRow>`
      SELECT t.id, t.number, t.day, t.hour, sv.code AS service_code, t.service_id, t.priority, t.status, t.source,
        t.issued_at, t.first_called_at, t.started_at, t.done_at,
        s.ended_at - COALESCE(s.started_at, s.called_at) AS service_ms,
        t.counter_id, c.name AS counter_name, t.operator_id, u.username,
        t.transfers, t.recalls, f.csat, f.nps, f.ces, f.comment
      FROM tickets t
      LEFT JOIN services sv ON sv.store_id = t.store_id AND sv.id = t.service_id
      LEFT JOIN counters c ON c.store_id = t.store_id AND c.id = t.counter_id
      LEFT JOIN users u ON u.id = t.operator_id
      LEFT JOIN feedback f ON f.ticket_id = t.id
      LEFT JOIN service_segments s ON s.ticket_id = t.id AND s.outcome = 'done'
      WHERE t.store_id = ${storeId} AND t.day BETWEEN ${from} AND ${to}
        AND (t.issued_at > ${after.issuedAt} OR (t.issued_at = ${after.issuedAt} AND t.id > ${after.id}))
      ORDER BY t.issued_at, t.id
      LIMIT ${limit}
    `.execute(this.#db);
    return rows;
  }
}

function toChange(e: { at: number; seq: number; payload_json: string }): CounterChange | null {
  const counter = (JSON.parse(e.payload_json) as { counter?: { id?: string; status?: string; operatorId?: string } })
    .counter;
  if (typeof counter?.id !== 'string') return null;
  return {
    counterId: counter.id,
    status: String(counter.status),
    operatorId: counter.operatorId ?? null,
    at: Number(e.at),
    seq: Number(e.seq),
  };
}
