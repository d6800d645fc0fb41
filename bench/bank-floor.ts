/**
 * Floor check for the real-data wait target (p50 with MAE ≤ 50 s and RMSE ≤ 68 s).
 * `npm run bench:bank-floor -- [--json] [--calls FILE]`
 *
 * Fits linear predictors of each queued caller's wait on the line state at arrival (the features
 * our p50 is calibrated from), then adds causal throughput features (calls that entered service
 * recently, agents seen serving) and finally oracle features from the future (calls entering
 * service in the next minutes). Fits on 1999-02-01..14, scores on 02-15..21. If even future
 * throughput does not bring a linear fit to the target, the target is beyond the information in
 * the line state and no calibration of it will reach it.
 *
 * Real data: "Anonymous Bank" call centre, Feb 1999 — courtesy of Avi Mandelbaum (Technion SEE lab).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { design, F } from '../server/insight/prediction/features.ts';
import { actualWaitSec } from '../server/insight/prediction/history.ts';
import { learnModel } from '../server/insight/prediction/learn.ts';
import { predictSnapshot } from '../server/insight/prediction/predict.ts';
import { dot, leastSquares, quantileRegression } from '../server/insight/prediction/quantile-regression.ts';
import { replayArrivals } from '../server/insight/prediction/replay.ts';
import { BANK_CALLS_FILE, type BankRow, parseBankCalls } from './lib/bank-calls.ts';
import { summarize } from './lib/metrics.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    calls: { type: 'string', default: BANK_CALLS_FILE },
  },
});

const started = Date.now();
const MIN = 60_000;
const REPORT_FROM = Date.parse('1999-02-15T00:00:00Z');
const rows = parseBankCalls(readFileSync(values.calls, 'utf8'));
const learnRows = rows.filter((r) => r.issuedAt < REPORT_FROM);
const model = learnModel(learnRows, { timeZone: 'UTC' });

/** First index with xs[i] ≥ t in an ascending array. */
function lowerBound(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Every service start (queued or straight to an agent), sorted: calls entering service in [from, to).
const starts = rows.flatMap((r) => (r.calledAt === null ? [] : [r.calledAt])).sort((a, b) => a - b);
const startsIn = (from: number, to: number) => lowerBound(starts, to) - lowerBound(starts, from);

// Per agent: services sorted by start, with the running maximum of their ends.
const byAgent = new Map<string, Array<[number, number]>>();
for (const r of rows) {
  if (r.counterId === null || r.calledAt === null) continue;
  const list = byAgent.get(r.counterId) ?? [];
  list.push([r.calledAt, r.doneAt ?? r.calledAt]);
  byAgent.set(r.counterId, list);
}
const agents = [...byAgent.values()].map((list) => {
  list.sort((a, b) => a[0] - b[0]);
  let end = Number.NEGATIVE_INFINITY;
  return { start: list.map((s) => s[0]), maxEnd: list.map((s) => (end = Math.max(end, s[1]))) };
});
/** Agents who were serving at some moment in [t − win, t) — known at t (a service under way counts). */
function agentsServing(t: number, win: number): number {
  let n = 0;
  for (const a of agents) {
    const i = lowerBound(a.start, t) - 1;
    if (i >= 0 && a.maxEnd[i]! >= t - win) n++;
  }
  return n;
}

/** One scored arrival: its wait, the line-state design row, causal and oracle (future) throughput columns. */
type Sample = { learn: boolean; wait: number; state: number[]; causal: number[]; oracle: number[] };
const samples: Sample[] = [];
let noFeatures = 0;
replayArrivals(rows, { rule: { kind: 'headStart', sec: 90 }, openIdleSec: 0 }, (snap, row) => {
  const wait = actualWaitSec(row);
  if (!(row as BankRow).queued || wait === null || row.calledAt === null) return;
  const f = predictSnapshot(snap, model, [row], 200).features[snap.waiting.length];
  if (!f) {
    noFeatures++;
    return;
  }
  const t = row.issuedAt;
  const ahead = f[F.ahead]!;
  const prev10 = startsIn(t - 10 * MIN, t);
  // The caller's own service start is left out of the future counts: they measure throughput, not the answer.
  const next = (win: number) => startsIn(t, t + win) - (row.calledAt! < t + win ? 1 : 0);
  const next10 = next(10 * MIN);
  samples.push({
    learn: t < REPORT_FROM,
    wait,
    state: design(f, 'linear'),
    causal: [
      startsIn(t - 5 * MIN, t),
      prev10,
      startsIn(t - 20 * MIN, t),
      agentsServing(t, 30 * MIN),
      ((ahead + 1) * 600) / (prev10 + 1),
    ],
    oracle: [next(5 * MIN), next10, ((ahead + 1) * 600) / (next10 + 1)],
  });
});

const FEATURE_SETS: Array<[string, (s: Sample) => number[]]> = [
  ['state', (s) => s.state],
  ['state+causal', (s) => [...s.state, ...s.causal]],
  ['state+causal+oracle', (s) => [...s.state, ...s.causal, ...s.oracle]],
];
const FITS: Array<[string, (X: number[][], y: number[]) => number[]]> = [
  ['QR p50', (X, y) => quantileRegression(X, y, 0.5)],
  ['LS mean', leastSquares],
];

const learnSet = samples.filter((s) => s.learn);
const reportSet = samples.filter((s) => !s.learn);
const results: Array<{ fit: string; features: string; mae: number; rmse: number; n: number }> = [];
for (const [features, columns] of FEATURE_SETS) {
  for (const [fit, solve] of FITS) {
    const X = learnSet.map(columns);
    const beta = solve(
      X,
      learnSet.map((s) => s.wait),
    );
    const p50 = (s: Sample) => Math.max(0, dot(columns(s), beta));
    const scored = reportSet.map((s) => ({ predictor: fit, ahead: 0, p50: p50(s), p90: null, actual: s.wait }));
    const { mae, rmse, n } = summarize('anonymous-bank', fit, scored);
    results.push({ fit, features, mae, rmse, n });
  }
}

process.stderr.write(
  `learn n=${learnSet.length}, report n=${reportSet.length}, without features ${noFeatures}; ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
if (values.json) process.stdout.write(`${JSON.stringify({ results })}\n`);
else {
  const cell = (r: (typeof results)[number]) =>
    `${r.fit.padEnd(8)} ${r.features.padEnd(20)} ${String(r.n).padStart(5)} ${r.mae.toFixed(1).padStart(7)} ${r.rmse.toFixed(1).padStart(7)}`;
  const head =
    'target: MAE ≤ 50 s, RMSE ≤ 68 s (report days 1999-02-15..21)\nfit      features                 n     MAE    RMSE';
  process.stdout.write(`${[head, ...results.map(cell)].join('\n')}\n`);
}
