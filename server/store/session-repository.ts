import { randomToken, sha256 } from '../auth/secrets.ts';
import type { Db } from './database.ts';
import { RecentlyRead } from './recently-read.ts';

/** How long a session read stays trusted without reading it again (see `RecentlyRead`). */
export const SESSION_FRESH_MS = 1000;

interface KnownSession {
  userId: string;
  expiresAt: number;
  lastSeenAt: number;
}

/** Sessions last 12 hours from the last request: a shift, not a week. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** Server-side sessions: the cookie holds a random token; the database holds its hash. */
export class SessionRepository {
  readonly #db: Db;
  readonly #recent = new RecentlyRead<KnownSession>(SESSION_FRESH_MS);

  constructor(db: Db) {
    this.#db = db;
  }

  async create(userId: string, now: number): Promise<string> {
    const token = randomToken();
    await this.#db
      .insertInto('sessions')
      .values({
        id_hash: sha256(token),
        user_id: userId,
        created_at: now,
        expires_at: now + SESSION_IDLE_MS,
        last_seen_at: now,
      })
      .execute();
    return token;
  }

  /** The user id behind a live session, sliding its expiry; undefined when expired or revoked. */
  async touch(token: string, now: number): Promise<string | undefined> {
    const idHash = sha256(token);
    const known = this.#recent.get(idHash);
    if (known && known.expiresAt > now && now - known.lastSeenAt <= 60_000) return known.userId;
    const row = await this.#db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    if (!row) return undefined;
    if (Number(row.expires_at) <= now) {
      this.#recent.delete(idHash);
      await this.#db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    let seen = { expiresAt: Number(row.expires_at), lastSeenAt: Number(row.last_seen_at) };
    // Writing on every request would serialize reads behind the writer; a minute's slack is enough.
    if (now - Number(row.last_seen_at) > 60_000) {
      await this.#db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: now + SESSION_IDLE_MS })
        .where('id_hash', '=', idHash)
        .execute();
      seen = { expiresAt: now + SESSION_IDLE_MS, lastSeenAt: now };
    }
    this.#recent.set(idHash, { userId: row.user_id, ...seen });
    return row.user_id;
  }

  async revoke(token: string): Promise<void> {
    this.#recent.delete(sha256(token));
    await this.#db.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
  }

  /** Forgets what was read of `userId`'s sessions (they were revoked with a password change). */
  forgetUser(userId: string): void {
    this.#recent.deleteWhere((s) => s.userId === userId);
  }
}
