/**
 * One finished (or abandoned) ticket, the input to `learnModel` and the replay. Times are epoch
 * ms; a ticket that never waited has `calledAt === issuedAt`.
 */
export interface HistoryRow {
  id: string;
  serviceId: string;
  priority: boolean;
  /** When it joined the line. */
  issuedAt: number;
  /** First call, or null if never called (left the line). */
  calledAt: number | null;
  /** When the counter became free again (done or no-show), or null. */
  doneAt: number | null;
  /** When the customer left the line without being called (cancelled / hung up), or null. */
  leftAt: number | null;
  counterId: string | null;
}

/** Actual wait in seconds, or null when the customer left before being called. */
export const actualWaitSec = (r: HistoryRow): number | null =>
  r.calledAt === null ? null : (r.calledAt - r.issuedAt) / 1000;
