import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** int8 (COUNT, SUM of integers, epoch-ms columns) and numeric (AVG, SUM of int8). */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * Times are epoch milliseconds in `bigint` columns and reports add them up; node-postgres hands
 * int8 and numeric back as strings (they may exceed 2^53). Ours never do, so both are read as
 * numbers, as SQLite returns them, and repositories stay the same on both engines.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

/**
 * A kysely dialect over a connection pool to `url` (`postgres://user@host:5432/database`).
 * @example new Kysely<Database>({ dialect: postgresDialect(process.env.DATABASE_URL, 10) })
 */
export function postgresDialect(url: string, maxConnections: number): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: maxConnections, types }) });
}
