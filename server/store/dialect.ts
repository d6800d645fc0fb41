import { type Kysely, PostgresAdapter } from 'kysely';

/** Which database engine a connection (or a transaction on it) talks to. */
export type DialectName = 'sqlite' | 'postgres';

/**
 * The engine under `db`, read from kysely's adapter so it also answers for a transaction or a
 * migration's connection (new `Kysely` objects over the same driver).
 * @example if (dialectOf(trx) === 'postgres') column.generatedByDefaultAsIdentity();
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema (migrations see Kysely<unknown>)
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
