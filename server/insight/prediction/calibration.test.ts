import { describe, expect, it } from 'vitest';
import { hashSeed, rng } from '../prng.ts';
import { F } from './features.ts';
import { calibrationFrom } from './learn.ts';
import type { WaitModel } from './model.ts';
import { calibrated } from './predict.ts';

const model: WaitModel = {
  timeZone: 'UTC',
  services: {},
  fallback: { mu: Math.log(240), sigma: 0.7 },
  abandonPerSec: 1 / 1800,
  priorityArrivalsPerSec: {},
  calibration: null,
};

/** A feature row whose raw simulated median is `q50` (other quantiles scaled from it). */
function row(q50: number, ahead: number): number[] {
  const f = new Array<number>(15).fill(0);
  f[F.one] = 1;
  f[F.mean] = q50 * 1.1;
  f[F.q25] = q50 * 0.5;
  f[F.q50] = q50;
  f[F.q75] = q50 * 1.6;
  f[F.q90] = q50 * 2.2;
  f[F.ahead] = ahead;
  f[F.servers] = 4;
  f[F.perServer] = 0.25;
  f[F.aheadPerServer] = (ahead + 1) / 4;
  return f;
}

describe('calibrationFrom', () => {
  it('learns that the raw simulation runs 1.5× too short and fixes both quantiles', () => {
    const r = rng(hashSeed(7));
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const q50 = 30 + 300 * r();
      X.push(row(q50, Math.floor(r() * 6)));
      // True wait: 1.5 × the raw median, times a lognormal-ish factor with median 1.
      y.push(1.5 * q50 * Math.exp(0.5 * (r() + r() + r() - 1.5)));
    }
    const c = calibrationFrom(X, y)!;
    expect(c.p50).not.toBeNull();
    const p = calibrated(row(200, 2), { ...model, calibration: c }, 0);
    expect(p.p50).toBeGreaterThan(270);
    expect(p.p50).toBeLessThan(330);
    expect(p.p90).toBeGreaterThan(p.p50);
  });

  it('keeps the raw quantiles when they are already right', () => {
    const r = rng(hashSeed(8));
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const q50 = 30 + 300 * r();
      const f = row(q50, 1);
      // Waits drawn so the raw median and p90 are exact: uniform on [0, 2·q50] has median q50.
      f[F.q90] = 1.8 * q50;
      X.push(f);
      y.push(2 * q50 * r());
    }
    const c = calibrationFrom(X, y);
    const p = calibrated(row(100, 1), { ...model, calibration: c }, 0);
    expect(Math.abs(p.p50 - 100)).toBeLessThan(15);
  });

  it('predicts exactly 0 when the simulation is certain (free counter), whatever the calibration', () => {
    const c = { p50: { kind: 'linear' as const, beta: [40, ...new Array<number>(14).fill(0)] }, p90: null };
    expect(calibrated(row(0, 0), { ...model, calibration: c }, 0)).toEqual({ p50: 0, p90: 0 });
    expect(calibrated(row(100, 0), { ...model, calibration: c }, 0).p50).toBe(40);
  });

  it('needs 100 uncertain samples', () => {
    expect(calibrationFrom([row(10, 0)], [5])).toBeNull();
  });
});
