import type { WaitRange } from '../../../shared/domain.ts';
import type { HistoryRow } from '../prediction/history.ts';

/** What really happened to one simulated ticket, with what each predictor said at issue. */
export interface TruthRow extends HistoryRow {
  day: string;
  number: string;
  status: 'done' | 'no_show' | 'cancelled' | 'waiting' | 'called' | 'serving';
  /** First call − issue, seconds; null if never called. */
  waitSec: number | null;
  /** Tickets ahead under the priority rule when it was issued. */
  ahead: number;
  /** Predicted wait at issue, per predictor name (e.g. linecast, ql, les). */
  predictions: Record<string, WaitRange>;
}
