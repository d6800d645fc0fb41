import type { Kysely } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** One line of a store's audit log: who changed what in the admin pages, and when. */
export interface AuditEntry {
  storeId: string | null;
  actorId: string | null;
  action: string;
  details: unknown;
  at: number;
}

/**
 * The audit entry of a change, or how to make it from what the change produced (its new id):
 * repositories write it in the change's own transaction, so neither exists without the other.
 */
export type AuditOf<T> = AuditEntry | ((result: T) => AuditEntry);

export interface AuditLine {
  id: number;
  action: string;
  actorId: string | null;
  actor: string | null;
  details: unknown;
  at: string;
}

/** Writes `audit` (made from `result` when it is a function) inside the caller's transaction. */
export async function writeAudit<T>(trx: Kysely<Database>, audit: AuditOf<T> | undefined, result: T): Promise<void> {
  if (!audit) return;
  const entry = typeof audit === 'function' ? audit(result) : audit;
  await trx
    .insertInto('audit_log')
    .values({
      store_id: entry.storeId,
      actor_id: entry.actorId,
      action: entry.action,
      details_json: JSON.stringify(entry.details),
      at: entry.at,
    })
    .execute();
}

/** The audit log: read by managers; written beside each change by the repository making it. */
export class AuditRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** For a change outside the database (an uploaded file): the entry alone. */
  async record(entry: AuditEntry): Promise<void> {
    await writeAudit(this.#db, entry, undefined);
  }

  /** The store's newest entries first, with the actor's username. */
  async recent(storeId: string, limit: number): Promise<AuditLine[]> {
    const rows = await this.#db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.action',
        'audit_log.details_json',
        'audit_log.at',
        'audit_log.actor_id',
        'users.username',
      ])
      .where('audit_log.store_id', '=', storeId)
      .orderBy('audit_log.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      action: r.action,
      actorId: r.actor_id,
      actor: r.username,
      details: JSON.parse(r.details_json) as unknown,
      at: new Date(Number(r.at)).toISOString(),
    }));
  }
}
