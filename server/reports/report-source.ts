import type { DayFacts, QueriedFacts } from './day-facts.ts';

/** A `counter:updated` event as reports need it: which counter, its status and operator, when. */
export interface CounterChange {
  counterId: string;
  status: string;
  operatorId: string | null;
  at: number;
  seq: number;
}

/** A service segment as busy time needs it: where, and from call to end (null while current). */
export interface BusySegment {
  counterId: string;
  /** Local day of the call. */
  day: string;
  calledAt: number;
  endedAt: number | null;
}

/** A ticket never called and still waiting: a service-level miss once it waited past the target. */
export interface WaitingTicket {
  day: string;
  hour: number;
  serviceId: string;
  issuedAt: number;
}

/**
 * What reports read from storage (implemented by `server/store/report-queries.ts`), so the
 * figures here are computed the same whichever database holds the tickets.
 */
export interface ReportSource {
  /** Per local day of `from`…`to` that has one: the store's `seq` of the day's last change. */
  dayMarks(storeId: string, from: string, to: string): Promise<Map<string, number>>;
  /**
   * The facts of every day of `from`…`to` that has tickets or segments; satisfaction buckets
   * split at `bucketEdgesMs` (bucket i holds waits below edge i, the last one the rest).
   */
  dayFacts(q: DayFactsQuery): Promise<Map<string, QueriedFacts>>;
  /** Facts of closed days kept by earlier reports, computed on `basis` (see `factsBasis`). */
  keptDayFacts(storeId: string, from: string, to: string, basis: string): Promise<Map<string, KeptFacts>>;
  /** The marks those kept facts were computed at, without reading the facts. */
  keptDaySeqs(storeId: string, from: string, to: string, basis: string): Promise<Map<string, number>>;
  /** Keeps facts of closed days; a day kept at a later mark on the same basis stays. */
  keepDayFacts(
    storeId: string,
    basis: string,
    days: Array<{ day: string; seq: number; facts: DayFacts }>,
  ): Promise<void>;
  waitingTickets(storeId: string, from: string, to: string): Promise<WaitingTicket[]>;
  /** Counter events in [startMs, untilMs), plus each counter's last one before `startMs`. */
  counterChanges(storeId: string, startMs: number, untilMs: number): Promise<CounterChange[]>;
  /** Segments called on the local days `from`…`to`. */
  busySegments(storeId: string, from: string, to: string): Promise<BusySegment[]>;
  names(storeId: string, userIds: string[]): Promise<ReportNames>;
  /** Up to `limit` tickets of the days, in (issued_at, id) order after `after`. */
  csvPage(storeId: string, from: string, to: string, after: CsvCursor, limit: number): Promise<CsvRow[]>;
}

/** The facts of a day as an earlier report computed them, at the day's mark `seq`. */
export interface KeptFacts {
  seq: number;
  facts: DayFacts;
}

export interface DayFactsQuery {
  storeId: string;
  from: string;
  to: string;
  targetMs: number;
  bucketEdgesMs: readonly number[];
}

export interface CsvCursor {
  issuedAt: number;
  id: string;
}

/** One ticket of the CSV export: its row, with its last service's code, counter, operator and feedback. */
export interface CsvRow {
  id: string;
  number: string;
  day: string;
  hour: number;
  service_code: string | null;
  service_id: string;
  priority: number;
  status: string;
  source: string;
  issued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  done_at: number | null;
  service_ms: number | null;
  counter_id: string | null;
  counter_name: string | null;
  operator_id: string | null;
  username: string | null;
  transfers: number;
  recalls: number;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  comment: string | null;
}

export interface ReportNames {
  counters: Array<{ id: string; name: string }>;
  services: Map<string, { code: string }>;
  users: Map<string, string>;
}
