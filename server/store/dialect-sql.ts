import { type RawBuilder, sql } from 'kysely';

/**
 * The few SQL spellings that differ between SQLite and PostgreSQL, in one place so report
 * queries stay portable. Both engines accept everything built here: no `json_extract`, no
 * two-argument MAX/MIN, no SUM over a comparison (a boolean in PostgreSQL, 0/1 in SQLite).
 */

/** Rows where `condition` holds, counted (0 for none, never null). */
export function countWhere(condition: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

/** The larger of two numbers (SQLite's MAX(a, b), PostgreSQL's GREATEST(a, b)). */
export function greater(a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`CASE WHEN ${a} > ${b} THEN ${a} ELSE ${b} END`;
}

/** An AVG/SUM result as a JavaScript number: PostgreSQL's driver hands back numerics as text. */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
