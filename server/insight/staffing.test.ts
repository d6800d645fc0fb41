import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { smallestServers } from './erlang.ts';
import { forecastDay } from './forecast.ts';
import { type Profile, parseProfile } from './simulator/profile.ts';
import { simulateDay } from './simulator/simulate-day.ts';
import { simulateHistory } from './simulator/simulate-history.ts';
import { storeFromProfile } from './simulator/store-from-profile.ts';
import { adviseIntervals } from './staffing.ts';

const load = (name: string): Profile => {
  const p = parseProfile(
    JSON.parse(readFileSync(new URL(`../../bench/profiles/${name}.json`, import.meta.url), 'utf8')),
  );
  // Enough counters for any advice: the advisor, not the profile, decides how many are staffed.
  const template = p.counters[0]!;
  return { ...p, counters: Array.from({ length: 12 }, (_, i) => ({ ...template, id: `c${i + 1}`, name: `${i + 1}` })) };
};

/**
 * Learns two weeks of simulated history, forecasts the next day per 15 minutes, staffs it as
 * advised and replays it: the share of intervals meeting the service-level goal, and how far
 * the advice is above the Erlang C minimum for the true arrival rate.
 */
function staffedDay(name: string, date: string) {
  const profile = load(name);
  const start = storeFromProfile(profile, '2025-01-01', Date.parse('2025-01-01T00:00:00Z'));
  const history = simulateHistory(start, profile, { days: 14, endDay: '2025-01-14', seed: 5 });
  const forecast = forecastDay(history.truth, {
    date,
    from: profile.open,
    to: profile.close,
    timeZone: profile.timeZone,
    weeks: 2,
  });
  const goal = { targetSec: profile.serviceLevelTargetSec, goal: profile.serviceLevelGoal };
  const advice = adviseIntervals(forecast, 260, goal);
  const day = simulateDay(history.finalState, profile, { date, seed: 99, staffing: advice.map((a) => a.servers) });
  let met = 0;
  let intervals = 0;
  let maxExcess = 0;
  advice.forEach((a, i) => {
    const mine = day.truth.filter((t) => t.issuedAt >= a.start && t.issuedAt < a.start + 900_000);
    const counted = mine.filter((t) => t.waitSec !== null || (t.leftAt ?? 0) - t.issuedAt > goal.targetSec * 1000);
    if (counted.length === 0) return;
    intervals++;
    const within = counted.filter((t) => t.waitSec !== null && t.waitSec <= goal.targetSec).length;
    if (within / counted.length >= goal.goal) met++;
    const svc = profile.services[0]!;
    const slotRate = (svc.arrivalsPer15Min[i] ?? svc.arrivalsPer15Min.at(-1)!) * 4;
    const meanSec = (svc.serviceTime.kind === 'lognormal' ? svc.serviceTime.meanSec : 0) + profile.walkUpSec;
    const minimum = smallestServers(
      { arrivalRate: slotRate / 3600, meanServiceSec: meanSec },
      goal.targetSec,
      goal.goal,
    ).servers;
    maxExcess = Math.max(maxExcess, a.servers - minimum);
  });
  return { share: met / intervals, intervals, maxExcess };
}

describe('staffing advisor in the simulator', () => {
  it('meets the service-level goal in at least 95% of 15-minute intervals of a steady day, at most one counter above the minimum', () => {
    const r = staffedDay('steady', '2025-01-15');
    expect(r.intervals).toBeGreaterThan(30);
    expect(r.share).toBeGreaterThanOrEqual(0.95);
    expect(r.maxExcess).toBeLessThanOrEqual(1);
  }, 30_000);

  it('meets the service-level goal in at least 95% of 15-minute intervals of a lunch-peak day, at most one counter above the minimum', () => {
    const r = staffedDay('lunch-peak', '2025-01-15');
    expect(r.intervals).toBeGreaterThan(30);
    expect(r.share).toBeGreaterThanOrEqual(0.95);
    expect(r.maxExcess).toBeLessThanOrEqual(1);
  }, 30_000);
});
