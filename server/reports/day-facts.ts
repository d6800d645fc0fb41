/**
 * The figures of one store's local day, kept as sums and counts (never averages or shares) so
 * that the days of any range add up to exactly what one query over the whole range would give.
 * Only the nearest-rank percentiles need the waits themselves, so those are kept too.
 */
export interface DayFacts {
  /** Tickets issued on the day, per hour of issue and (last) service. */
  tickets: TicketCell[];
  /** Segments of those tickets, per the ticket's hour and the segment's own service. */
  segments: SegmentCell[];
  /** Segments called on the day, per counter and operator. */
  staff: StaffCell[];
  /** Called tickets of the day with a CSAT answer, per wait bucket. */
  satisfaction: SatisfactionCell[];
  /** Waits (ms) of the day's called tickets, with their hour and service: for percentiles. */
  waits: WaitSample[];
  /** Open and busy time of the counters (see `counterDays`). */
  counters: CounterDay;
  /**
   * False while a segment called on the day is still current: its busy time grows until it ends,
   * so the day is read again next time rather than cached.
   */
  settled: boolean;
}

/** Counter time of one day: open time on the day, and busy time of the day's segments by the day it fell on. */
export interface CounterDay {
  open: Array<{ counterId: string; operatorId: string | null; ms: number }>;
  busy: Array<{ counterId: string; operatorId: string | null; day: string; ms: number }>;
}

export interface FeedbackSums {
  csatSum: number;
  csatN: number;
  csatTop: number;
  npsN: number;
  promoters: number;
  detractors: number;
  cesSum: number;
  cesN: number;
}

export interface TicketCell extends FeedbackSums {
  hour: number;
  serviceId: string;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  cancelled: number;
  waiting: number;
  inService: number;
  waitSum: number;
  waitN: number;
  waitMax: number | null;
  systemSum: number;
  systemN: number;
  /** Called within the target. */
  slMet: number;
  /** Never called and cancelled after more than the target (waiting ones are counted live). */
  slMissedCancelled: number;
  /** Done and never transferred. */
  fcr: number;
}

export interface SegmentCell {
  hour: number;
  serviceId: string;
  walkUpSum: number;
  walkUpN: number;
  serviceSum: number;
  serviceN: number;
}

export interface StaffCell extends FeedbackSums {
  counterId: string;
  operatorId: string | null;
  calls: number;
  served: number;
  noShows: number;
  transferred: number;
  walkUpSum: number;
  walkUpN: number;
  serviceSum: number;
  serviceN: number;
  waitSum: number;
  waitN: number;
  fcr: number;
}

export interface SatisfactionCell {
  bucket: number;
  n: number;
  csatSum: number;
  npsSum: number;
  npsN: number;
  cesSum: number;
  cesN: number;
}

export interface WaitSample {
  hour: number;
  serviceId: string;
  waitMs: number;
}

/** The facts SQL reads; counter time is worked out from events and segments afterwards. */
export type QueriedFacts = Omit<DayFacts, 'counters' | 'settled'>;

export const NO_FACTS: QueriedFacts = { tickets: [], segments: [], staff: [], satisfaction: [], waits: [] };
