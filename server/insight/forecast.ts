import { addDays, zonedTime } from '../../shared/time.ts';
import type { HistoryRow } from './prediction/history.ts';

/** Pseudo-observations of the day's mean service time added to each slot's own. */
const SHRINK = 50;

export interface SlotForecast {
  /** Slot start, epoch ms. */
  start: number;
  arrivalsPerHour: number;
  /** Mean counter occupancy per ticket (call → done) seen in this slot on those days, seconds; null if none. */
  meanServiceSec: number | null;
}

/**
 * Arrivals per 15-minute slot of `date` from `from` to `to` (local "HH:MM"), forecast as the
 * mean of the same slot on the same weekday over the last `weeks` weeks that had any ticket.
 */
export function forecastDay(
  rows: readonly HistoryRow[],
  opts: { date: string; from: string; to: string; timeZone: string; weeks?: number },
): SlotForecast[] {
  const weeks = opts.weeks ?? 4;
  const start = zonedTime(opts.date, opts.from, opts.timeZone);
  const end = zonedTime(opts.date, opts.to, opts.timeZone);
  const slots = Math.max(0, Math.ceil((end - start) / 900_000));
  const pastStarts: number[] = [];
  for (let w = 1; w <= weeks; w++) pastStarts.push(zonedTime(addDays(opts.date, -7 * w), opts.from, opts.timeZone));
  const counts = pastStarts.map(() => new Array<number>(slots).fill(0));
  const service = new Array<number>(slots).fill(0);
  const served = new Array<number>(slots).fill(0);
  for (const r of rows) {
    for (let w = 0; w < pastStarts.length; w++) {
      const slot = Math.floor((r.issuedAt - pastStarts[w]!) / 900_000);
      if (slot < 0 || slot >= slots) continue;
      counts[w]![slot]!++;
      if (r.calledAt !== null && r.doneAt !== null && r.doneAt > r.calledAt) {
        service[slot]! += (r.doneAt - r.calledAt) / 1000;
        served[slot]!++;
      }
    }
  }
  const seen = counts.filter((c) => c.some((x) => x > 0));
  const raw = Array.from({ length: slots }, (_, i) =>
    seen.length ? (4 * seen.reduce((a, c) => a + c[i]!, 0)) / seen.length : 0,
  );
  // A few weeks give a noisy count per slot: smooth with the neighbours (¼ ½ ¼) and pull each
  // slot's service time towards the day's mean, so one long service does not add a counter.
  const smooth = raw.map((x, i) => 0.25 * (raw[i - 1] ?? x) + 0.5 * x + 0.25 * (raw[i + 1] ?? x));
  const totalServed = served.reduce((a, b) => a + b, 0);
  const dayMean = totalServed > 0 ? service.reduce((a, b) => a + b, 0) / totalServed : null;
  return smooth.map((arrivalsPerHour, i) => ({
    start: start + i * 900_000,
    arrivalsPerHour,
    meanServiceSec: dayMean === null ? null : (service[i]! + SHRINK * dayMean) / (served[i]! + SHRINK),
  }));
}
