import type { DayFacts } from './day-facts.ts';
import { average, count } from './figures.ts';
import type { WaitSatisfactionBucket } from './measures.ts';
import { addInto, type Sums, zeros } from './sums.ts';
import { mean } from './ticket-measures.ts';

/** Bucket edges in seconds: 0–2, 2–5, 5–10, 10–20 and 20+ minutes (short waits in finer steps). */
export const WAIT_BUCKET_EDGES_SEC = [120, 300, 600, 1200] as const;

const SATISFACTION_KEYS = ['n', 'csatSum', 'npsSum', 'npsN', 'cesSum', 'cesN'] as const;

/**
 * How satisfaction changes with the wait: tickets of the range that were called and rated with a
 * CSAT score, grouped by their wait. Every bucket is listed, empty ones with n = 0.
 */
export function waitVsSatisfaction(days: ReadonlyMap<string, DayFacts>): WaitSatisfactionBucket[] {
  const byBucket = new Map<number, Sums<(typeof SATISFACTION_KEYS)[number]>>();
  for (const facts of days.values()) {
    for (const cell of facts.satisfaction) {
      const sum = byBucket.get(cell.bucket) ?? zeros(SATISFACTION_KEYS);
      addInto(sum, cell, SATISFACTION_KEYS);
      byBucket.set(cell.bucket, sum);
    }
  }
  const edges = [0, ...WAIT_BUCKET_EDGES_SEC];
  return edges.map((fromSec, i) => {
    const toSec = WAIT_BUCKET_EDGES_SEC[i] ?? null;
    const row = byBucket.get(i);
    return {
      waitBucket: toSec === null ? `${fromSec / 60}+ min` : `${fromSec / 60}-${toSec / 60} min`,
      fromSec,
      toSec,
      n: count(row?.n),
      avgCsat: average(row && mean(row.csatSum, row.n)),
      avgNpsScore: average(row && mean(row.npsSum, row.npsN)),
      avgCes: average(row && mean(row.cesSum, row.cesN)),
    };
  });
}
