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

/**
 * Rate at which waiting customers leave the line, per second of waiting (exponential patience):
 * those who left without a call over all the time everyone spent in line.
 */
export function abandonRate(rows: readonly HistoryRow[]): number {
  let left = 0;
  let exposureSec = 0;
  for (const r of rows) {
    const end = r.calledAt ?? r.leftAt;
    if (end !== null && end > r.issuedAt) exposureSec += (end - r.issuedAt) / 1000;
    if (r.calledAt === null && r.leftAt !== null) left++;
  }
  return exposureSec > 0 ? left / exposureSec : 0;
}
