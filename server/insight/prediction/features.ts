import type { LineSnapshot } from './snapshot.ts';

/**
 * Features the calibration maps to p50/p90: the simulated wait distribution plus the two
 * delay signals the literature finds strongest in many-server lines — the wait of the last
 * customer to enter service (LES) and how long the head of the line has waited (HOL).
 */
export function features(
  samples: readonly number[],
  les: number,
  hol: number,
  sinceLastCallSec: number,
  aheadPerServer: number,
): number[] {
  const n = samples.length;
  let sum = 0;
  for (const s of samples) sum += s;
  const q = (p: number) => samples[Math.min(n - 1, Math.floor(p * n))] ?? 0;
  return [1, n ? sum / n : 0, q(0.5), q(0.9), les, hol, Math.min(sinceLastCallSec, 1800), aheadPerServer];
}

/** Wait of the last customer called for this service (or any service), seconds; 0 if none. */
export function lesDelay(snap: LineSnapshot, serviceId: string): number {
  let any: number | null = null;
  for (let i = snap.recentCalls.length - 1; i >= 0; i--) {
    const c = snap.recentCalls[i]!;
    if (any === null) any = (c.calledAt - c.joinedAt) / 1000;
    if (c.serviceId === serviceId) return (c.calledAt - c.joinedAt) / 1000;
  }
  return any ?? 0;
}

/** How long the longest-waiting customer for this service (or any) has waited, seconds. */
export function holDelay(snap: LineSnapshot, serviceId: string): number {
  let any: number | null = null;
  for (const w of snap.waiting) {
    if (any === null) any = (snap.now - w.joinedAt) / 1000;
    if (w.serviceId === serviceId) return (snap.now - w.joinedAt) / 1000;
  }
  return any ?? 0;
}

/** Seconds since anyone was last called: a long silence means counters are stuck or away. */
export function sinceLastCall(snap: LineSnapshot): number {
  const last = snap.recentCalls[snap.recentCalls.length - 1];
  return last ? (snap.now - last.calledAt) / 1000 : 0;
}
