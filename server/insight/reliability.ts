/**
 * How often a staffing meets the service-level goal quarter hour by quarter hour, not just on
 * average. Erlang C answers "is the long-run share within target ≥ goal?"; a manager judges a
 * quarter hour at a time, and with 10–20 customers per quarter the share swings widely around
 * its long-run value. This module simulates the line at a steady arrival rate (pure, seeded) with
 * the learned service-time spread and give-up rate, and counts the quarters that meet the goal.
 */

import { normalQuantile } from './prediction/lognormal.ts';
import { rng } from './prng.ts';

export interface QuarterLoad {
  /** Arrivals per second. */
  arrivalRate: number;
  /** Mean counter occupancy per ticket (call → done), seconds. */
  meanServiceSec: number;
  /** Coefficient of variation of the occupancy (standard deviation / mean). */
  serviceCv: number;
  /** Rate at which a waiting customer gives up, per second (0: nobody leaves). */
  abandonPerSec: number;
}

export interface QuarterGoal {
  targetSec: number;
  goal: number;
}

const QUARTER_SEC = 900;
/** Simulated quarters per estimate: 400 keeps the share's standard error near 1%. */
const QUARTERS = 400;
const SEED = 0x5eed;
/** Quarters simulated first and not counted, so the line is in its usual state. */
const WARM_UP = 8;

/**
 * Share of quarter hours in which at least `goal` of the customers are called within `targetSec`,
 * the line simulated at a steady arrival rate with `servers` counters open all along: first come first served, lognormal occupancy, customers
 * who leave the line after an exponential patience. A customer counts in the quarter of arrival
 * when called, or when they left after more than the target (someone who left sooner neither met
 * nor missed it). Quarters nobody counted in are left out. Deterministic for the same inputs.
 * @example simulateQuarters({ arrivalRate: 44 / 3600, meanServiceSec: 240, serviceCv: 0.8, abandonPerSec: 0 }, 5, { targetSec: 300, goal: 0.8 }) // ≈ 0.99
 */
export function simulateQuarters(load: QuarterLoad, servers: number, goal: QuarterGoal): number {
  if (load.arrivalRate <= 0) return 1;
  if (servers <= 0) return 0;
  // The same random numbers for every input (common random numbers): the share then moves
  // smoothly with the rate and the counters instead of jumping with each new sample.
  const r = rng(SEED);
  const sigma = Math.sqrt(Math.log(1 + load.serviceCv * load.serviceCv));
  const mu = Math.log(load.meanServiceSec) - (sigma * sigma) / 2;
  const freeAt = new Array<number>(servers).fill(0);
  const quarters = WARM_UP + QUARTERS;
  const met = new Array<number>(quarters).fill(0);
  const counted = new Array<number>(quarters).fill(0);
  const end = quarters * QUARTER_SEC;
  for (let t = -Math.log(1 - r()) / load.arrivalRate; t < end; t += -Math.log(1 - r()) / load.arrivalRate) {
    let first = 0;
    for (let k = 1; k < servers; k++) if (freeAt[k]! < freeAt[first]!) first = k;
    const wait = Math.max(0, freeAt[first]! - t);
    const patience = load.abandonPerSec > 0 ? -Math.log(1 - r()) / load.abandonPerSec : Number.POSITIVE_INFINITY;
    const q = Math.floor(t / QUARTER_SEC);
    if (wait > patience) {
      // Gone before a counter was free: takes no counter.
      if (patience > goal.targetSec) counted[q]!++;
      continue;
    }
    counted[q]!++;
    if (wait <= goal.targetSec) met[q]!++;
    freeAt[first] = t + wait + Math.exp(mu + sigma * normalQuantile(r()));
  }
  let meeting = 0;
  let seen = 0;
  for (let q = WARM_UP; q < quarters; q++) {
    if (counted[q] === 0) continue;
    seen++;
    if (met[q]! / counted[q]! >= goal.goal - 1e-12) meeting++;
  }
  return seen === 0 ? 1 : meeting / seen;
}
