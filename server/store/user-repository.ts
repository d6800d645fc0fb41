import type { Role, UserDto } from '../../shared/domain.ts';
import { hashPassword, randomId } from '../auth/secrets.ts';
import { type AuditOf, writeAudit } from './audit-repository.ts';
import type { Db } from './database.ts';
import { RecentlyRead } from './recently-read.ts';
import { SESSION_FRESH_MS } from './session-repository.ts';

export interface UserRecord extends UserDto {
  passwordHash: string;
}

/** Staff accounts and the stores each may work in. */
export class UserRepository {
  readonly #db: Db;
  readonly #recent = new RecentlyRead<UserRecord>(SESSION_FRESH_MS);
  readonly #changed: (userId: string) => void;

  /** @param changed told of every account changed here (its sessions may have been revoked). */
  constructor(db: Db, changed: (userId: string) => void = () => {}) {
    this.#db = db;
    this.#changed = changed;
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Creates the account (and its audit entry, when given, in the same transaction). */
  async create(
    input: { username: string; password: string; role: Role; storeIds: string[] },
    now: number,
    audit?: AuditOf<{ id: string }>,
  ): Promise<UserRecord> {
    const id = randomId('usr');
    const passwordHash = await hashPassword(input.password);
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id,
          username: input.username,
          password_hash: passwordHash,
          role: input.role,
          active: 1,
          created_at: now,
        })
        .execute();
      for (const storeId of input.storeIds)
        await trx.insertInto('user_stores').values({ user_id: id, store_id: storeId }).execute();
      await writeAudit(trx, audit, { id });
    });
    return (await this.findById(id)) as UserRecord;
  }

  /** Changes the account (and writes its audit entry, when given, in the same transaction). */
  async update(
    id: string,
    patch: { password?: string; role?: Role; storeIds?: string[]; active?: boolean },
    audit?: AuditOf<{ id: string }>,
  ) {
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    this.#forget(id);
    await this.#db.transaction().execute(async (trx) => {
      const set = {
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      };
      if (Object.keys(set).length > 0) await trx.updateTable('users').set(set).where('id', '=', id).execute();
      if (patch.storeIds) {
        await trx.deleteFrom('user_stores').where('user_id', '=', id).execute();
        for (const storeId of patch.storeIds)
          await trx.insertInto('user_stores').values({ user_id: id, store_id: storeId }).execute();
      }
      if (patch.active === false || passwordHash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await writeAudit(trx, audit, { id });
    });
    this.#forget(id);
    return this.findById(id);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.#db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return row ? this.findById(row.id) : undefined;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const known = this.#recent.get(id);
    if (known) return known;
    const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const stores = await this.#db.selectFrom('user_stores').select('store_id').where('user_id', '=', id).execute();
    const user = {
      id: row.id,
      username: row.username,
      role: row.role as Role,
      active: row.active === 1,
      storeIds: stores.map((s) => s.store_id),
      passwordHash: row.password_hash,
    };
    this.#recent.set(id, user);
    return user;
  }

  /** Users who may work in `storeId` (admins see everyone when `storeId` is undefined). */
  async list(storeId?: string): Promise<UserDto[]> {
    let q = this.#db.selectFrom('users').select('id').orderBy('username');
    if (storeId)
      q = q.where('id', 'in', this.#db.selectFrom('user_stores').select('user_id').where('store_id', '=', storeId));
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const users = await this.#db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('username').execute();
    const links = await this.#db.selectFrom('user_stores').selectAll().where('user_id', 'in', ids).execute();
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      role: u.role as Role,
      active: u.active === 1,
      storeIds: links.filter((l) => l.user_id === u.id).map((l) => l.store_id),
    }));
  }

  #forget(id: string): void {
    this.#recent.delete(id);
    this.#changed(id);
  }
}

export function toUserDto(u: UserRecord): UserDto {
  return { id: u.id, username: u.username, role: u.role, storeIds: u.storeIds, active: u.active };
}
