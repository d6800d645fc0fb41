/**
 * Linear quantile regression by iteratively reweighted least squares: minimises the pinball
 * loss Σ ρ_τ(y − x·β). τ = 0.5 is least absolute deviations (the MAE-optimal p50); τ = 0.9 a
 * calibrated p90. Small dense problems only (a handful of features).
 */
export function quantileRegression(
  X: readonly number[][],
  y: readonly number[],
  tau: number,
  iterations = 40,
): number[] {
  const k = X[0]?.length ?? 0;
  let beta = leastSquares(X, y);
  for (let it = 0; it < iterations; it++) {
    const w = y.map((yi, i) => {
      const res = yi - dot(X[i]!, beta);
      return (res >= 0 ? tau : 1 - tau) / Math.max(Math.abs(res), 1);
    });
    beta = weightedLeastSquares(X, y, w, k);
  }
  return beta;
}

/** Ordinary least squares (the conditional mean), with the same tiny ridge. */
export function leastSquares(X: readonly number[][], y: readonly number[]): number[] {
  return weightedLeastSquares(X, y, null, X[0]?.length ?? 0);
}

export const dot = (a: readonly number[], b: readonly number[]): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * (b[i] ?? 0);
  return s;
};

function weightedLeastSquares(X: readonly number[][], y: readonly number[], w: number[] | null, k: number): number[] {
  const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
  for (let i = 0; i < X.length; i++) {
    const xi = X[i]!;
    const wi = w ? w[i]! : 1;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) A[a]![b]! += wi * xi[a]! * xi[b]!;
      A[a]![k]! += wi * xi[a]! * y[i]!;
    }
  }
  // A tiny ridge keeps the system solvable when a feature is constant in the sample.
  for (let a = 0; a < k; a++) A[a]![a]! += 1e-6 * (1 + A[a]![a]!);
  return solve(A, k);
}

function solve(A: number[][], k: number): number[] {
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    const piv = A[c]![c]! || 1e-12;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / piv;
      if (f === 0) continue;
      for (let j = c; j <= k; j++) A[r]![j]! -= f * A[c]![j]!;
    }
  }
  return A.map((row, i) => row[k]! / (row[i]! || 1e-12));
}
