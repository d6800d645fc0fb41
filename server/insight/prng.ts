/** Seeded pseudo-random numbers (mulberry32): the simulator and predictors must replay exactly. */
export type Rng = () => number;

/** Uniform [0,1) generator from a 32-bit seed. @example const r = rng(42); r() // same every run */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers into one 32-bit seed, so derived streams (per day, per ticket) stay independent. */
export function hashSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h ^= Math.floor(p) & 0xffffffff;
    h = Math.imul(h, 0x01000193);
    h ^= Math.floor(p / 4294967296);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Exponential sample with the given rate (per unit time). */
export function exponential(r: Rng, rate: number): number {
  return rate > 0 ? -Math.log(1 - r()) / rate : Number.POSITIVE_INFINITY;
}

/** Poisson count (Knuth for small means, normal approximation for large ones). */
export function poisson(r: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalSample(r)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}

/** Standard normal sample (Box–Muller). */
export function normalSample(r: Rng): number {
  const u = 1 - r();
  const v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
