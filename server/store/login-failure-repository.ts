import { sql } from 'kysely';
import type { FailureRecord, FailureStore } from '../auth/login-throttle.ts';
import type { Db } from './database.ts';

/** The login throttle's counts, in the database so that a restart does not forgive a guesser. */
export class LoginFailureRepository implements FailureStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async read(keys: string[]): Promise<Map<string, FailureRecord>> {
    const rows = await this.#db.selectFrom('login_failures').selectAll().where('key', 'in', keys).execute();
    return new Map(
      rows.map((r) => [r.key, { failures: Number(r.failures), lastFailureAt: Number(r.last_failure_at) }]),
    );
  }

  async fail(keys: string[], now: number, since: number): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (const key of keys) {
        await trx
          .insertInto('login_failures')
          .values({ key, failures: 1, last_failure_at: now })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              // An old streak starts over; a fresh one grows by one.
              failures: sql<number>`case when login_failures.last_failure_at < ${since} then 1 else login_failures.failures + 1 end`,
              last_failure_at: now,
            }),
          )
          .execute();
      }
      // Forget what no longer counts, so the table stays the size of recent trouble.
      await trx.deleteFrom('login_failures').where('last_failure_at', '<', since).execute();
    });
  }

  async clear(keys: string[]): Promise<void> {
    await this.#db.deleteFrom('login_failures').where('key', 'in', keys).execute();
  }
}
