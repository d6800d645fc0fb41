import { readFileSync } from 'node:fs';
import type { StoreState } from '../../server/engine/state.ts';
import { BASELINES, baselinePredictions } from '../../server/insight/prediction/baselines.ts';
import { calibrationFrom, learnModel } from '../../server/insight/prediction/learn.ts';
import type { WaitModel } from '../../server/insight/prediction/model.ts';
import { predictSnapshot } from '../../server/insight/prediction/predict.ts';
import { canServe, type LineSnapshot, snapshotFromState } from '../../server/insight/prediction/snapshot.ts';
import { type Profile, parseProfile } from '../../server/insight/simulator/profile.ts';
import { simulateHistory } from '../../server/insight/simulator/simulate-history.ts';
import { storeFromProfile } from '../../server/insight/simulator/store-from-profile.ts';
import { residualQuantile, type Scored } from './metrics.ts';

/** The simulated retail days of the bench (profiles in bench/profiles). */
export const SCENARIOS: Record<string, string> = {
  steady: 'steady.json',
  'lunch-peak': 'lunch-peak.json',
  'peak-two-close': 'peak-two-close.json',
  'multi-service': 'multi-service.json',
};

const LEARN_DAYS = 8;
const REPORT_DAYS = 4;

export function loadProfile(name: string): Profile {
  const file = SCENARIOS[name];
  if (!file) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  return parseProfile(JSON.parse(readFileSync(new URL(`../profiles/${file}`, import.meta.url), 'utf8')));
}

/** The line just before `ticketId` joined: predictors see it as a customer arriving now. */
function before(
  state: StoreState,
  ticketId: string,
  now: number,
): { snap: LineSnapshot; serviceId: string; priority: boolean } {
  const snap = snapshotFromState(state, now);
  const t = state.tickets[ticketId]!;
  return {
    snap: { ...snap, waiting: snap.waiting.filter((w) => w.id !== ticketId) },
    serviceId: t.serviceId,
    priority: t.priority,
  };
}

/**
 * Learns on 8 simulated days (the model, then its calibration on the live states of the same
 * days), then scores 4 further days simulated with another seed, predicting at each issue.
 */
export function evaluateScenario(name: string): { scored: Scored[]; note: string } {
  const profile = loadProfile(name);
  const start = storeFromProfile(profile, '2025-01-01', Date.parse('2025-01-01T00:00:00Z'));
  const learn = { days: LEARN_DAYS, endDay: '2025-01-20', seed: 11 };
  const first = simulateHistory(start, profile, learn);
  const base = learnModel(first.truth, { timeZone: profile.timeZone });
  const X: number[][] = [];
  const y: number[] = [];
  const pairs = Object.fromEntries(BASELINES.map((b) => [b, [] as Array<{ pred: number; actual: number }>]));
  const pending = new Map<string, { f: number[]; b: Record<string, number> | null }>();
  const again = simulateHistory(start, profile, {
    ...learn,
    predict: (state, ticketId, now) => {
      const { snap, serviceId, priority } = before(state, ticketId, now);
      const f = predictSnapshot(snap, base, [{ serviceId, priority }], 100).features[snap.waiting.length];
      if (f) pending.set(ticketId, { f, b: baselinePredictions(snap, base, { serviceId, priority }) });
      return {};
    },
  });
  for (const t of again.truth) {
    const p = pending.get(t.id);
    if (!p || t.waitSec === null) continue;
    X.push(p.f);
    y.push(t.waitSec);
    if (p.b) for (const b of BASELINES) pairs[b]!.push({ pred: p.b[b]!, actual: t.waitSec });
  }
  const model: WaitModel = { ...base, calibration: calibrationFrom(X, y) };
  const offset = Object.fromEntries(BASELINES.map((b) => [b, residualQuantile(pairs[b]!, 0.9)]));
  const free = new Set<string>();
  const report = simulateHistory(first.finalState, profile, {
    days: REPORT_DAYS,
    endDay: '2025-01-24',
    seed: 97,
    predict: (state, ticketId, now) => {
      const { snap, serviceId, priority } = before(state, ticketId, now);
      const out: Record<string, { p50: number; p90: number }> = {};
      if (snap.servers.some((x) => x.busy === null && canServe(x, serviceId))) free.add(ticketId);
      const ours = predictSnapshot(snap, model, [{ serviceId, priority }]).arrivals[0];
      if (ours) out.linecast = ours;
      const b = baselinePredictions(snap, model, { serviceId, priority });
      if (b) for (const n of BASELINES) out[n] = { p50: b[n], p90: b[n] + offset[n]! };
      return out;
    },
  });
  const scored: Scored[] = [];
  for (const t of report.truth) {
    if (t.waitSec === null) continue;
    for (const [predictor, p] of Object.entries(t.predictions)) {
      scored.push({
        predictor,
        ahead: t.ahead,
        freeCounter: free.has(t.id),
        p50: p.p50,
        p90: p.p90,
        actual: t.waitSec,
      });
    }
  }
  return {
    scored,
    note: `Simulated through the engine: profile ${name}; learn ${LEARN_DAYS} days (seed 11), report ${REPORT_DAYS} days (seed 97); scored: every called ticket; "ahead" = tickets ahead under the priority rule at issue.`,
  };
}
