import { zonedTime } from '../../shared/time.ts';

/** The longest range a report covers, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** A reporting range that is not a pair of real dates in order, or longer than a year. */
export class ReportRangeError extends Error {}

/** A range of local dates and the instants it spans in the store's time zone. */
export interface ReportRange {
  from: string;
  to: string;
  /** Local midnight starting `from`. */
  startMs: number;
  /** Local midnight ending `to` (exclusive). */
  endMs: number;
  /** `min(endMs, now)`: open-ended things (waiting tickets, open counters) are counted up to here. */
  untilMs: number;
}

/**
 * Checks `from`/`to` (YYYY-MM-DD, both inclusive) and finds the instants they span.
 * @example reportRange('2026-03-02', '2026-03-02', 'Asia/Shanghai', Date.now()).startMs // Date.UTC(2026, 2, 1, 16)
 */
export function reportRange(from: string, to: string, timeZone: string, now: number): ReportRange {
  const fromUtc = utcMidnight(from);
  const toUtc = utcMidnight(to);
  if (fromUtc === null || toUtc === null)
    throw new ReportRangeError('`from` and `to` must be real dates (YYYY-MM-DD).');
  if (fromUtc > toUtc) throw new ReportRangeError('`from` must not be after `to`.');
  const days = (toUtc - fromUtc) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) throw new ReportRangeError(`A report covers at most ${MAX_RANGE_DAYS} days.`);
  const startMs = zonedTime(from, '00:00', timeZone);
  const endMs = zonedTime(new Date(toUtc + DAY_MS).toISOString().slice(0, 10), '00:00', timeZone);
  return { from, to, startMs, endMs, untilMs: Math.min(endMs, now) };
}

/** Midnight UTC of a calendar date, or null when the text is not one (e.g. 2026-02-30). */
function utcMidnight(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}
