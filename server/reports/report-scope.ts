import type { ReportRange } from './report-range.ts';

/** What every report query is bound to: one store, a range of its local days, and its wait target. */
export interface ReportScope extends ReportRange {
  storeId: string;
  /** The service-level target in milliseconds (times in the database are epoch ms). */
  targetMs: number;
}
