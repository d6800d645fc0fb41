import { BASELINES, baselinePredictions } from '../../server/insight/prediction/baselines.ts';
import { actualWaitSec, type HistoryRow } from '../../server/insight/prediction/history.ts';
import { learnModel } from '../../server/insight/prediction/learn.ts';
import type { WaitModel } from '../../server/insight/prediction/model.ts';
import { predictSnapshot } from '../../server/insight/prediction/predict.ts';
import { type ReplayOptions, replayArrivals } from '../../server/insight/prediction/replay.ts';
import { countAhead } from '../../server/insight/prediction/snapshot.ts';
import { residualQuantile, type Scored } from './metrics.ts';

export interface RowEvaluation {
  learnUntil: number;
  reportFrom: number;
  replay: ReplayOptions;
  /** Which arrivals are scored (and learned from). */
  include: (row: HistoryRow) => boolean;
  timeZone: string;
  runs?: number;
}

/**
 * Learns on rows before `learnUntil` only, then replays everything and predicts, at each
 * scored arrival from `reportFrom` on, that customer's wait from the line as it was then.
 */
export function evaluateRows(rows: readonly HistoryRow[], opts: RowEvaluation): { scored: Scored[]; model: WaitModel } {
  const learnRows = rows.filter((r) => r.issuedAt < opts.learnUntil);
  const model = learnModel(learnRows, {
    timeZone: opts.timeZone,
    calibrate: { ...opts.replay, include: opts.include, runs: opts.runs ?? 100 },
  });
  // Baselines give one number; their p90 is that number plus the 90th-percentile residual on learning days.
  const pairs = Object.fromEntries(BASELINES.map((b) => [b, [] as Array<{ pred: number; actual: number }>]));
  replayArrivals(learnRows, opts.replay, (snap, row) => {
    const actual = actualWaitSec(row);
    if (!opts.include(row) || actual === null) return;
    const b = baselinePredictions(snap, model, row);
    if (b) for (const name of BASELINES) pairs[name]!.push({ pred: b[name], actual });
  });
  const offset = Object.fromEntries(BASELINES.map((b) => [b, residualQuantile(pairs[b]!, 0.9)]));
  const scored: Scored[] = [];
  replayArrivals(rows, opts.replay, (snap, row) => {
    const actual = actualWaitSec(row);
    if (row.issuedAt < opts.reportFrom || !opts.include(row) || actual === null) return;
    const ahead = countAhead(snap, {
      id: row.id,
      serviceId: row.serviceId,
      priority: row.priority,
      joinedAt: snap.now,
    });
    const ours = predictSnapshot(snap, model, [row], opts.runs ?? 200).arrivals[0];
    if (ours) scored.push({ predictor: 'linecast', ahead, p50: ours.p50, p90: ours.p90, actual });
    const b = baselinePredictions(snap, model, row);
    if (b) {
      for (const name of BASELINES) {
        scored.push({ predictor: name, ahead, p50: b[name], p90: b[name] + offset[name]!, actual });
      }
    }
  });
  return { scored, model };
}
