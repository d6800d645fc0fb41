import { sql } from 'kysely';
import { AuditRepository } from './audit-repository.ts';
import { type DatabaseLocation, type Db, type OpenOptions, openDatabase, pendingMigrations } from './database.ts';
import { DeviceRepository } from './device-repository.ts';
import { type DialectName, dialectOf } from './dialect.ts';
import { withIndexesDeferred } from './history-import.ts';
import { LineRepository } from './line-repository.ts';
import { LoginFailureRepository } from './login-failure-repository.ts';
import { MediaRepository } from './media-repository.ts';
import { RetentionRepository } from './retention-repository.ts';
import { SessionRepository } from './session-repository.ts';
import { SignageRepository } from './signage-repository.ts';
import { TicketHistoryRepository } from './ticket-history-repository.ts';
import { UserRepository } from './user-repository.ts';
import { WebhookRepository } from './webhook-repository.ts';

/** An arbitrary constant naming the start-up advisory lock in PostgreSQL. */
const STARTUP_LOCK = 7_413_220_011;

/**
 * The one door to the database: every repository over one connection, a health check, and
 * closing. Nothing outside `server/store/` sees SQL.
 *
 * @example
 * const storage = await Storage.open('./data');
 * await storage.users.count();
 */
export class Storage {
  /** The raw connection: for tests that check what was stored; code outside `store/` uses the repositories. */
  readonly db: Db;
  readonly lines: LineRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly devices: DeviceRepository;
  readonly signage: SignageRepository;
  readonly audit: AuditRepository;
  readonly history: TicketHistoryRepository;
  readonly loginFailures: LoginFailureRepository;
  readonly retention: RetentionRepository;
  readonly webhooks: WebhookRepository;
  readonly media: MediaRepository;

  private constructor(db: Db) {
    this.db = db;
    this.lines = new LineRepository(db);
    this.sessions = new SessionRepository(db);
    this.users = new UserRepository(db, (userId) => this.sessions.forgetUser(userId));
    this.devices = new DeviceRepository(db);
    this.signage = new SignageRepository(db);
    this.audit = new AuditRepository(db);
    this.history = new TicketHistoryRepository(db);
    this.loginFailures = new LoginFailureRepository(db);
    this.retention = new RetentionRepository(db);
    this.webhooks = new WebhookRepository(db);
    this.media = new MediaRepository(db);
  }

  /**
   * Opens (creating and migrating when needed) the database `where` selects: a data folder's
   * SQLite file, or PostgreSQL when `databaseUrl` is set.
   */
  static async open(where: DatabaseLocation | string, options: OpenOptions = {}): Promise<Storage> {
    return new Storage(await openDatabase(typeof where === 'string' ? { dataDir: where } : where, options));
  }

  /** The engine behind the repositories. */
  get dialect(): DialectName {
    return dialectOf(this.db);
  }

  /** True when the database answers a query (health and readiness checks). */
  async reachable(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  /** True when the database answers and every migration this code knows has run (readiness). */
  async ready(): Promise<boolean> {
    try {
      return (await pendingMigrations(this.db)).length === 0;
    } catch {
      return false;
    }
  }

  /**
   * Runs `work` while no other process on this database runs its own `exclusively` (first start
   * on a shared PostgreSQL). SQLite has one process by design, so it just runs.
   */
  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return work();
    return this.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(conn);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(conn);
      }
    });
  }

  /** Runs `work`, a single writer importing history into a new database, with index upkeep deferred to its end. */
  importing<T>(work: () => Promise<T>): Promise<T> {
    return withIndexesDeferred(this.db, work);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
