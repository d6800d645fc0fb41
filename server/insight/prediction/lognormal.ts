/** Lognormal service times: the usual shape of service durations (right-skewed, CV ≈ 1). */
export interface LogNormal {
  /** Mean of ln(seconds). */
  mu: number;
  /** Standard deviation of ln(seconds). */
  sigma: number;
}

export const lognormalMean = (d: LogNormal): number => Math.exp(d.mu + (d.sigma * d.sigma) / 2);

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q0 = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  if (q0 < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(q0));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (q0 > 1 - 0.02425) return -normalQuantile(1 - q0);
  const q = q0 - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Remaining service time of a service already running for `elapsedSec`, drawn from the
 * lognormal conditioned on lasting longer than that: a long-running service tends to run on.
 */
export function sampleResidual(d: LogNormal, elapsedSec: number, u: number): number {
  if (elapsedSec <= 0) return Math.exp(d.mu + d.sigma * normalQuantile(u));
  const f = normalCdf((Math.log(elapsedSec) - d.mu) / d.sigma);
  const x = Math.exp(d.mu + d.sigma * normalQuantile(f + u * (1 - f)));
  return Math.max(1, x - elapsedSec);
}

/** Weighted fit on ln(seconds), with a floor on sigma so one repeated value cannot make it zero. */
export function fitLogNormal(samples: ReadonlyArray<{ sec: number; weight: number }>): LogNormal | null {
  let w = 0;
  let s = 0;
  let ss = 0;
  for (const { sec, weight } of samples) {
    const l = Math.log(Math.max(sec, 1));
    w += weight;
    s += weight * l;
    ss += weight * l * l;
  }
  if (w <= 0) return null;
  const mu = s / w;
  return { mu, sigma: Math.max(0.1, Math.sqrt(Math.max(0, ss / w - mu * mu))) };
}
