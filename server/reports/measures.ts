/**
 * The shapes of a report are the answer of `GET /api/stores/:store/reports/summary`: they live with
 * the operation map as zod schemas, where the staff app and the contract tests read them too.
 * Exact definitions: `docs/reports.md`.
 */
export type {
  Measures,
  StaffMeasures,
  Summary,
  WaitSatisfactionBucket,
} from '../../shared/api/report-schemas.ts';
