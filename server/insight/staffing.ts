import { type ErlangResult, smallestServers } from './erlang.ts';
import type { SlotForecast } from './forecast.ts';
import { abandonRate, type HistoryRow } from './prediction/history.ts';
import { simulateQuarters } from './reliability.ts';

export interface StaffingGoal {
  /** Service-level target: share `goal` called within `targetSec`. */
  targetSec: number;
  goal: number;
}

/** What the advice needs to know about the store's line besides the arrival rate. */
export interface LineFigures {
  /** Mean counter occupancy per ticket (call → done), seconds. */
  meanServiceSec: number;
  /** Its coefficient of variation. */
  serviceCv: number;
  /** Rate at which waiting customers give up, per second. */
  abandonPerSec: number;
}

const DEFAULT_LINE: LineFigures = { meanServiceSec: 240, serviceCv: 1, abandonPerSec: 0 };

/** Occupancy mean and spread, and the give-up rate, from history; defaults when there is none. */
export function lineFigures(rows: readonly HistoryRow[]): LineFigures {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (const r of rows) {
    if (r.calledAt !== null && r.doneAt !== null && r.doneAt > r.calledAt) {
      const sec = (r.doneAt - r.calledAt) / 1000;
      n++;
      sum += sec;
      sumSq += sec * sec;
    }
  }
  const abandonPerSec = abandonRate(rows);
  if (n < 2) return { ...DEFAULT_LINE, abandonPerSec };
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
  return { meanServiceSec: mean, serviceCv: sd / mean, abandonPerSec };
}

export interface CounterAdvice extends ErlangResult {
  /** Simulated share of quarter hours meeting the goal with the advised counters; null beyond `SIMULATED_UP_TO`. */
  quartersMeetingGoal: number | null;
  /** …and with one counter more. */
  quartersWithOneMore: number | null;
}

/**
 * Counters to advise for a steady arrival rate: Erlang C's fewest for the long-run goal, with
 * its figures (P(wait), service level, average wait), and how often that staffing — and one
 * counter more — meets the goal quarter hour by quarter hour in the simulated line (learned
 * service-time spread and give-up rate): the long-run share hides quarters that fall short, and
 * the manager decides whether the extra counter is worth it. Beyond `SIMULATED_UP_TO` Erlangs
 * (no store; a contact centre) the quarter figures are left out.
 */
export function adviseCounters(arrivalsPerHour: number, line: LineFigures, goal: StaffingGoal): CounterAdvice {
  const input = { arrivalRate: arrivalsPerHour / 3600, meanServiceSec: line.meanServiceSec };
  const erlang = smallestServers(input, goal.targetSec, goal.goal);
  const m = erlang.servers;
  if (m === 0) return { ...erlang, quartersMeetingGoal: 1, quartersWithOneMore: 1 };
  if (input.arrivalRate * input.meanServiceSec > SIMULATED_UP_TO)
    return { ...erlang, quartersMeetingGoal: null, quartersWithOneMore: null };
  const withAdvice = quarterShare(arrivalsPerHour, line, m, goal);
  // One counter more never serves worse; a lower estimate is the simulation's ~1% noise, and
  // showing it would tell a manager the opposite of the truth.
  const withOneMore = Math.max(withAdvice, quarterShare(arrivalsPerHour, line, m + 1, goal));
  return { ...erlang, quartersMeetingGoal: withAdvice, quartersWithOneMore: withOneMore };
}

const quarterShares = new Map<string, number>();

/**
 * `simulateQuarters` on inputs rounded to what a forecast can tell apart (0.1 arrival per hour,
 * 1 s, cv 0.01, two digits of the give-up rate), remembered: a day's advice simulates about a
 * hundred lines (≈ 70 ms), and every manager's dashboard asks again with the same figures.
 */
function quarterShare(arrivalsPerHour: number, line: LineFigures, servers: number, goal: StaffingGoal): number {
  const perHour = Math.round(arrivalsPerHour * 10) / 10;
  const meanServiceSec = Math.max(1, Math.round(line.meanServiceSec));
  const serviceCv = Math.round(line.serviceCv * 100) / 100;
  const abandonPerSec = Number(line.abandonPerSec.toPrecision(2));
  const key = `${perHour}|${meanServiceSec}|${serviceCv}|${abandonPerSec}|${servers}|${goal.targetSec}|${goal.goal}`;
  let share = quarterShares.get(key);
  if (share === undefined) {
    share = simulateQuarters({ arrivalRate: perHour / 3600, meanServiceSec, serviceCv, abandonPerSec }, servers, goal);
    if (quarterShares.size >= 10_000) quarterShares.clear();
    quarterShares.set(key, share);
  }
  return share;
}

/** Offered load (Erlangs) up to which the advice simulates: a large store's peak is about 20. */
const SIMULATED_UP_TO = 60;

export interface IntervalAdvice extends CounterAdvice {
  start: number;
  arrivalsPerHour: number;
  meanServiceSec: number;
}

/**
 * Counters per forecast interval (`adviseCounters`). Intervals without their own service-time
 * figure use the line's overall mean.
 * @example adviseIntervals(forecastDay(rows, {...}), lineFigures(rows), { targetSec: 300, goal: 0.8 })
 */
export function adviseIntervals(
  forecast: readonly SlotForecast[],
  line: LineFigures,
  goal: StaffingGoal,
): IntervalAdvice[] {
  return forecast.map((f) => {
    const meanServiceSec = f.meanServiceSec ?? line.meanServiceSec;
    const r = adviseCounters(f.arrivalsPerHour, { ...line, meanServiceSec }, goal);
    return { ...r, start: f.start, arrivalsPerHour: f.arrivalsPerHour, meanServiceSec };
  });
}
