/**
 * Measures the staffing advisor in the simulator (pure: no I/O). Shared by
 * `staffing.test.ts` and `bench/staffing.ts`.
 *
 * 1. Learn: simulate `learnDays` days under the profile's own counter schedule.
 * 2. Advise: `forecastDay` for the next day, then `adviseIntervals` (s_i per 15 minutes).
 * 3. Apply: simulate that day `seeds` times staffed as advised. Service level of an interval on
 *    a day = share of its counted tickets called within the target; counted = issued in the
 *    interval and called, or left the line after more than the target (someone who left sooner
 *    neither met nor missed it). The interval meets the goal that day when the share ≥ goal.
 * 4. The smallest number that meets it, m_i — "meets" always means the *pooled* service level
 *    (tickets within target / tickets counted, over all simulated days together: the long-run
 *    share that Erlang C also speaks of) ≥ goal. Two readings are measured:
 *    - **held** (asserted by the test): the smallest number of counters that, kept open all day
 *      at interval i's true arrival rate, meets the goal — pooled over `heldDays` simulated days,
 *      leaving out each day's first hour (the line starts empty). This is the simulator's own
 *      answer to "Erlang C minimum for the true rate": with abandonment, no-shows, walk-up,
 *      lognormal service, and the line carried over from one interval to the next.
 *    - **isolated** (optional, costly): interval i alone lowered one counter at a time, every
 *      other interval as advised, while interval i still meets. Its neighbours' spare capacity
 *      clears the line before and after, so a 15-minute dip "meets" with fewer counters than the
 *      load in Erlangs; no whole-day plan can use these numbers everywhere (with `plans`,
 *      `isolated.planAtMinimumPlusOne` replays the most generous plan the one-counter bound allows).
 *    A run for the isolated reading only needs the day up to the end of interval i+1 (interval
 *    i's tickets are all decided 300 s after it ends; later arrivals could only overtake by
 *    priority), so those runs close the profile there: same distribution, half the cost.
 */

import type { StoreState } from '../../server/engine/state.ts';
import { forecastDay } from '../../server/insight/forecast.ts';
import type { Profile } from '../../server/insight/simulator/profile.ts';
import { simulateDay } from '../../server/insight/simulator/simulate-day.ts';
import { simulateHistory } from '../../server/insight/simulator/simulate-history.ts';
import { storeFromProfile } from '../../server/insight/simulator/store-from-profile.ts';
import type { TruthRow } from '../../server/insight/simulator/truth.ts';
import { adviseIntervals, lineFigures, type StaffingGoal } from '../../server/insight/staffing.ts';
import { addDays, isoWeekday } from '../../shared/time.ts';

const SLOT_MS = 900_000;
/** Held runs leave out the first hour of each day: the line starts empty at opening. */
const WARM_UP_SLOTS = 4;

export interface StaffingCheckOptions {
  /** Simulated learning days, ending the day before `date`. Default 28. */
  learnDays?: number;
  /** Weeks of history the forecast uses. Default 4. */
  weeks?: number;
  /** Simulated days staffed as advised. Default 20. */
  seeds?: number;
  /** Day to advise and replay. Default 2025-01-29. */
  date?: string;
  historySeed?: number;
  daySeed?: number;
  /** Counters available (never-scheduled copies of the profile's first counter are added). Default 12. */
  counters?: number;
  /** Simulated days per candidate for the held minimum. Default 8. */
  heldDays?: number;
  /** Also measure the isolated minimum, on this many of the advised days (0 = skip). Default 0. */
  isolatedSeeds?: number;
  /** Also replay the plans "minimum everywhere" and "minimum + 1 everywhere". Default false. */
  plans?: boolean;
}

export interface IntervalCheck {
  start: number;
  /** True arrivals per hour (profile, all services). */
  truePerHour: number;
  forecastPerHour: number;
  /** Counters advised (s_i). */
  advised: number;
  /** Held minimum at the true rate. */
  held: number;
  /** Isolated minimum, when measured. */
  isolated: number | null;
  /** Service level per advised day (null: no counted ticket that day). */
  serviceLevels: Array<number | null>;
  /** Pooled service level over the advised days. */
  pooled: number | null;
}

export interface MinimumSummary {
  /** max_i (s_i − m_i). */
  maxOver: number;
  /** Share of intervals with s_i − m_i ≤ 1. */
  shareWithinOne: number;
  /** Share of intervals with s_i = m_i. */
  shareExact: number;
  /** Intervals advised below the minimum (s_i < m_i). */
  under: number;
  /** Σ m_i (counter-intervals). */
  total: number;
  /** Share of interval-days meeting the goal when staffed at m_i everywhere (when `plans`). */
  planAtMinimum: number | null;
  /** …and at m_i + 1 everywhere: the most generous plan within one counter of the minimum. */
  planAtMinimumPlusOne: number | null;
}

export interface StaffingCheck {
  scenario: string;
  goal: StaffingGoal;
  seeds: number;
  /** 15-minute intervals with a counted ticket on some advised day. */
  intervals: number;
  /** Interval-days (interval × advised day) with a counted ticket. */
  intervalDays: number;
  /** Share of interval-days meeting the goal under the advice. */
  shareMet: number;
  /** Σ s_i (counter-intervals advised). */
  advisedTotal: number;
  held: MinimumSummary;
  isolated: (MinimumSummary & { seeds: number }) | null;
  /** Simulated days run (whole, held or cut short). */
  simulations: number;
  perInterval: IntervalCheck[];
}

interface Tally {
  within: number;
  counted: number;
}

function tally(truth: readonly TruthRow[], from: number, to: number, targetSec: number): Tally {
  let within = 0;
  let counted = 0;
  for (const t of truth) {
    if (t.issuedAt < from || t.issuedAt >= to) continue;
    if (t.waitSec !== null) {
      counted++;
      if (t.waitSec <= targetSec) within++;
    } else if (t.leftAt !== null && t.leftAt - t.issuedAt > targetSec * 1000) counted++;
  }
  return { within, counted };
}

/** The profile with `n` counters: its own, then copies of the first one that are never scheduled. */
export function withCounters(profile: Profile, n: number): Profile {
  const template = profile.counters[0]!;
  const extra = Array.from({ length: Math.max(0, n - profile.counters.length) }, (_, k) => ({
    ...template,
    id: `extra${k + 1}`,
    name: `x${k + 1}`,
    schedule: [],
  }));
  return { ...profile, counters: [...profile.counters, ...extra] };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const rateAt = (s: Profile['services'][number], i: number) => s.arrivalsPer15Min[i] ?? s.arrivalsPer15Min.at(-1) ?? 0;

function summarize(
  advised: readonly number[],
  minima: readonly number[],
  planAtMinimum: number | null,
  planAtMinimumPlusOne: number | null,
): MinimumSummary {
  const over = advised.map((s, i) => s - minima[i]!);
  const n = Math.max(1, over.length);
  return {
    maxOver: over.length ? Math.max(...over) : 0,
    shareWithinOne: over.filter((d) => d <= 1).length / n,
    shareExact: over.filter((d) => d === 0).length / n,
    under: over.filter((d) => d < 0).length,
    total: minima.reduce((a, b) => a + b, 0),
    planAtMinimum,
    planAtMinimumPlusOne,
  };
}

/**
 * Advises the day after `learnDays` simulated days of `profile` and measures the advice in the
 * simulator against the smallest staffing that meets the goal (see the file comment).
 * @example checkStaffing(parseProfile(json)).shareMet
 */
export function checkStaffing(input: Profile, opts: StaffingCheckOptions = {}): StaffingCheck {
  const learnDays = opts.learnDays ?? 28;
  const seeds = opts.seeds ?? 20;
  const date = opts.date ?? '2025-01-29';
  const profile = withCounters(input, opts.counters ?? 12);
  const maxCounters = profile.counters.length;
  const goal: StaffingGoal = { targetSec: profile.serviceLevelTargetSec, goal: profile.serviceLevelGoal };
  const meets = (t: Tally) => t.counted === 0 || t.within / t.counted >= goal.goal;
  let simulations = 0;
  const day = (state: StoreState, p: Profile, seed: number, staffing: number[]) => {
    simulations++;
    return simulateDay(state, p, { date, seed, staffing }).truth;
  };

  const origin = addDays(date, -learnDays);
  const start = storeFromProfile(profile, origin, Date.parse(`${origin}T00:00:00Z`));
  const history = simulateHistory(start, profile, {
    days: learnDays,
    endDay: addDays(date, -1),
    seed: opts.historySeed ?? 5,
  });
  const forecast = forecastDay(history.truth, {
    date,
    from: profile.open,
    to: profile.close,
    timeZone: profile.timeZone,
    weeks: opts.weeks ?? 4,
  });
  const advice = adviseIntervals(forecast, lineFigures(history.truth), goal);
  const advised = advice.map((a) => Math.min(maxCounters, a.servers));
  const daySeeds = Array.from({ length: seeds }, (_, k) => (opts.daySeed ?? 99) + k);

  /** Per interval, per advised day: the tallies of a plan. */
  const applyPlan = (plan: number[], days = daySeeds): Tally[][] => {
    const truths = days.map((seed) => day(history.finalState, profile, seed, plan));
    return advice.map((a) => truths.map((t) => tally(t, a.start, a.start + SLOT_MS, goal.targetSec)));
  };
  const shareOf = (tallies: Tally[][]) => {
    const all = tallies.flat().filter((t) => t.counted > 0);
    return all.filter(meets).length / Math.max(1, all.length);
  };
  const underAdvice = applyPlan(advised);
  const kept = advice.map((_, i) => underAdvice[i]!.some((t) => t.counted > 0));

  // Held minimum per distinct true arrival mix: a whole day at that rate with s counters.
  const weekday = profile.weekdayFactor[String(isoWeekday(date))] ?? 1;
  const heldDays = Array.from({ length: opts.heldDays ?? 8 }, (_, k) => 1000 + k);
  const heldFresh = storeFromProfile(profile, date, Date.parse(`${date}T00:00:00Z`));
  const heldCache = new Map<string, number>();
  const heldMinimum = (i: number): number => {
    const rates = profile.services.map((s) => rateAt(s, i) * weekday);
    const key = rates.join(',');
    const cached = heldCache.get(key);
    if (cached !== undefined) return cached;
    const flat: Profile = {
      ...profile,
      weekdayFactor: {},
      services: profile.services.map((s, k) => ({ ...s, arrivalsPer15Min: [rates[k]!] })),
    };
    const slots = advice.length;
    const heldMeets = (s: number): boolean => {
      const total: Tally = { within: 0, counted: 0 };
      for (const seed of heldDays) {
        const truth = day(heldFresh, flat, seed, new Array<number>(slots).fill(s));
        const from = advice[0]!.start;
        const t = tally(truth, from + WARM_UP_SLOTS * SLOT_MS, from + slots * SLOT_MS, goal.targetSec);
        total.within += t.within;
        total.counted += t.counted;
      }
      return meets(total);
    };
    let s = Math.min(maxCounters, Math.max(1, advised[i]!));
    if (heldMeets(s)) while (s > 1 && heldMeets(s - 1)) s--;
    else {
      while (s < maxCounters && !heldMeets(s + 1)) s++;
      s++;
    }
    heldCache.set(key, s);
    return s;
  };
  const held = advice.map((_, i) => (rateAtAll(profile, i) > 0 ? heldMinimum(i) : 0));

  // Isolated minimum: interval i alone lowered (or raised), the day cut after interval i+1.
  const isolatedSeeds = daySeeds.slice(0, opts.isolatedSeeds ?? 0);
  const openMin = minutesOf(profile.open);
  const closeMin = minutesOf(profile.close);
  const isolatedMeets = (i: number, s: number): boolean => {
    const plan = advised.slice(0, i + 2);
    plan[i] = s;
    const cut = { ...profile, close: clock(Math.min(closeMin, openMin + (i + 2) * 15)) };
    const total: Tally = { within: 0, counted: 0 };
    for (const seed of isolatedSeeds) {
      const t = tally(
        day(history.finalState, cut, seed, plan),
        advice[i]!.start,
        advice[i]!.start + SLOT_MS,
        goal.targetSec,
      );
      total.within += t.within;
      total.counted += t.counted;
    }
    return meets(total);
  };
  const isolated = isolatedSeeds.length
    ? advice.map((_, i) => {
        const own = underAdvice[i]!.slice(0, isolatedSeeds.length);
        let s = advised[i]!;
        const atAdvice = own.reduce((a, t) => ({ within: a.within + t.within, counted: a.counted + t.counted }), {
          within: 0,
          counted: 0,
        });
        if (meets(atAdvice)) while (s > 0 && isolatedMeets(i, s - 1)) s--;
        else {
          while (s < maxCounters && !isolatedMeets(i, s + 1)) s++;
          s++;
        }
        return s;
      })
    : null;

  const cap = (plan: number[]) => plan.map((s) => Math.min(maxCounters, s));
  const planShare = (minima: number[], plus: number, days = daySeeds) =>
    opts.plans ? shareOf(applyPlan(cap(minima.map((m) => m + plus)), days)) : null;
  const idx = advice.map((_, i) => i).filter((i) => kept[i]);
  const pick = <T>(xs: readonly T[]) => idx.map((i) => xs[i]!);
  const perInterval: IntervalCheck[] = idx.map((i) => {
    const tallies = underAdvice[i]!;
    const counted = tallies.reduce((x, t) => x + t.counted, 0);
    return {
      start: advice[i]!.start,
      truePerHour: rateAtAll(profile, i) * weekday * 4,
      forecastPerHour: advice[i]!.arrivalsPerHour,
      advised: advised[i]!,
      held: held[i]!,
      isolated: isolated ? isolated[i]! : null,
      serviceLevels: tallies.map((t) => (t.counted === 0 ? null : t.within / t.counted)),
      pooled: counted === 0 ? null : tallies.reduce((x, t) => x + t.within, 0) / counted,
    };
  });
  const levels = perInterval.flatMap((p) => p.serviceLevels.filter((x): x is number => x !== null));
  return {
    scenario: input.name,
    goal,
    seeds,
    intervals: perInterval.length,
    intervalDays: levels.length,
    shareMet: levels.filter((x) => x >= goal.goal).length / Math.max(1, levels.length),
    advisedTotal: pick(advised).reduce((a, b) => a + b, 0),
    held: summarize(pick(advised), pick(held), planShare(held, 0), planShare(held, 1)),
    isolated: isolated
      ? {
          ...summarize(
            pick(advised),
            pick(isolated),
            planShare(isolated, 0, isolatedSeeds),
            planShare(isolated, 1, isolatedSeeds),
          ),
          seeds: isolatedSeeds.length,
        }
      : null,
    simulations,
    perInterval,
  };
}

function rateAtAll(profile: Profile, i: number): number {
  return profile.services.reduce((a, s) => a + rateAt(s, i), 0);
}
