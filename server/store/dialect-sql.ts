import { type RawBuilder, sql } from 'kysely';

/**
 * The SQL spellings that differ between SQLite and PostgreSQL, kept here so report queries stay
 * portable: everything built here runs on both. What the two spell differently is avoided
 * rather than switched on: JSON payloads are parsed in JavaScript (no `json_extract` / `->>`),
 * clipping to a range is done in JavaScript (no two-argument MAX/MIN or GREATEST/LEAST), and
 * counts of rows meeting a condition use `countWhere`, never a SUM over a comparison (0/1 in
 * SQLite, a boolean PostgreSQL refuses to add up). AVG/SUM come back as text from PostgreSQL's
 * driver, so every figure is read through `Number()`.
 */

/** Rows where `condition` holds, counted (0 for none, never null). */
export function countWhere(condition: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}
