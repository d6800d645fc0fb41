import { addDays, zonedTime } from '../../shared/time.ts';
import type { HistoryRow } from './prediction/history.ts';

/**
 * Pseudo-observations of the overall mean service time added to each slot's own: a slot sees a
 * few hundred services in four weeks, and with a spread like cv 0.8 its own mean is still ±5%
 * noise — enough to flip a counter at the edge of a goal.
 */
const SHRINK = 200;
/**
 * Weight of the all-days intraday shape in each slot, in days (the weekday's own slot mean
 * weighs as many days as it has: one a week). 12 against 4 weeks = ¾ shape, ¼ own.
 */
const POOLED_DAYS = 12;
/**
 * A day counts towards a slot's all-days mean when the slot's middle lies within its first and
 * last ticket, widened by this many of its mean gaps between tickets (it was open then).
 */
const OPEN_GAPS = 3;
/** Neighbour weight of the final smoothing (⅙ ⅔ ⅙): light, so a step into a peak stays a step. */
const SMOOTH = 1 / 6;

export interface SlotForecast {
  /** Slot start, epoch ms. */
  start: number;
  arrivalsPerHour: number;
  /** Mean counter occupancy per ticket (call → done) seen in this slot on those days, seconds; null if none. */
  meanServiceSec: number | null;
}

/**
 * Arrivals per 15-minute slot of `date` from `from` to `to` (local "HH:MM"). Forecast as the
 * day's level × its intraday shape: the level from the same weekday over the last `weeks`
 * weeks that had any ticket; the shape blends that weekday's own slot means with the slot
 * means of every day of those weeks that was open then (scaled to the weekday's level), which
 * are `weeks × 7` days instead of `weeks` and so far less noisy. Service time per slot from all
 * those days, pulled towards their overall mean.
 */
export function forecastDay(
  rows: readonly HistoryRow[],
  opts: { date: string; from: string; to: string; timeZone: string; weeks?: number },
): SlotForecast[] {
  const weeks = opts.weeks ?? 4;
  const start = zonedTime(opts.date, opts.from, opts.timeZone);
  const end = zonedTime(opts.date, opts.to, opts.timeZone);
  const slots = Math.max(0, Math.ceil((end - start) / 900_000));
  const days = 7 * weeks;
  const dayStarts: number[] = [];
  for (let k = 1; k <= days; k++) dayStarts.push(zonedTime(addDays(opts.date, -k), opts.from, opts.timeZone));
  const counts = dayStarts.map(() => new Array<number>(slots).fill(0));
  const first = dayStarts.map(() => Number.POSITIVE_INFINITY);
  const last = dayStarts.map(() => Number.NEGATIVE_INFINITY);
  const service = new Array<number>(slots).fill(0);
  const served = new Array<number>(slots).fill(0);
  for (const r of rows) {
    for (let d = 0; d < days; d++) {
      const offset = r.issuedAt - dayStarts[d]!;
      const slot = Math.floor(offset / 900_000);
      if (slot < 0 || slot >= slots) continue;
      counts[d]![slot]!++;
      first[d] = Math.min(first[d]!, offset);
      last[d] = Math.max(last[d]!, offset);
      if (r.calledAt !== null && r.doneAt !== null && r.doneAt > r.calledAt) {
        service[slot]! += (r.doneAt - r.calledAt) / 1000;
        served[slot]!++;
      }
    }
  }
  const sameWeekday = counts.filter((c, d) => (d + 1) % 7 === 0 && c.some((x) => x > 0));
  const own = Array.from({ length: slots }, (_, i) =>
    sameWeekday.length ? sameWeekday.reduce((a, c) => a + c[i]!, 0) / sameWeekday.length : 0,
  );
  // All-days mean per slot over the days open around it (a day that closed early says nothing
  // about its evening), then scaled so its total matches the weekday's own.
  const slack = counts.map((c, d) => {
    const total = c.reduce((a, b) => a + b, 0);
    return total > 1 ? Math.min(3_600_000, (OPEN_GAPS * (last[d]! - first[d]!)) / (total - 1)) : 0;
  });
  const pooled = Array.from({ length: slots }, (_, i) => {
    const middle = (i + 0.5) * 900_000;
    let sum = 0;
    let n = 0;
    counts.forEach((c, d) => {
      if (middle >= first[d]! - slack[d]! && middle <= last[d]! + slack[d]!) {
        sum += c[i]!;
        n++;
      }
    });
    return n > 0 ? sum / n : null;
  });
  let ownSum = 0;
  let pooledSum = 0;
  pooled.forEach((p, i) => {
    if (p === null) return;
    ownSum += own[i]!;
    pooledSum += p;
  });
  const level = pooledSum > 0 ? ownSum / pooledSum : 0;
  const n = sameWeekday.length;
  const raw = own.map((w, i) => {
    const p = pooled[i];
    if (n === 0 || p === null || p === undefined) return 4 * w;
    return (4 * (n * w + POOLED_DAYS * level * p)) / (n + POOLED_DAYS);
  });
  const smooth = raw.map((x, i) => SMOOTH * (raw[i - 1] ?? x) + (1 - 2 * SMOOTH) * x + SMOOTH * (raw[i + 1] ?? x));
  const totalServed = served.reduce((a, b) => a + b, 0);
  const dayMean = totalServed > 0 ? service.reduce((a, b) => a + b, 0) / totalServed : null;
  return smooth.map((arrivalsPerHour, i) => ({
    start: start + i * 900_000,
    arrivalsPerHour,
    meanServiceSec: dayMean === null ? null : (service[i]! + SHRINK * dayMean) / (served[i]! + SHRINK),
  }));
}
