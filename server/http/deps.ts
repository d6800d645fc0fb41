import type { HttpBindings } from '@hono/node-server';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { StoreSettings } from '../engine/state.ts';
import type { LineService } from '../line/line-service.ts';
import type { LiveWaits } from '../line/live-waits.ts';
import type { WaitModels } from '../line/wait-models.ts';
import type { Summary } from '../reports/summary.ts';
import type { MediaStore } from '../signage/media-store.ts';
import type { SignageEvents } from '../signage/signage-events.ts';
import type { AuditRepository } from '../store/audit-repository.ts';
import type { DeviceDto, DeviceRepository } from '../store/device-repository.ts';
import type { SessionRepository } from '../store/session-repository.ts';
import type { SignageRepository } from '../store/signage-repository.ts';
import type { TicketHistoryRepository } from '../store/ticket-history-repository.ts';
import type { UserRecord, UserRepository } from '../store/user-repository.ts';
import type { WebhookRepository } from '../store/webhook-repository.ts';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.ts';
import type { RateLimiter } from './rate-limiter.ts';

/**
 * The reports routes may run: a narrow door, so routes never hold the database. Implemented by
 * `store/report-service.ts`, which runs them in a worker thread; an aborted `signal` (the client
 * went away) cancels the work there.
 */
export interface ReportQueries {
  summary(settings: StoreSettings, from: string, to: string, now?: number, signal?: AbortSignal): Promise<Summary>;
  ticketsCsv(settings: StoreSettings, from: string, to: string, signal?: AbortSignal): AsyncGenerator<string>;
}

/** Everything a request handler may use; built once in `server/app.ts`. No database handle. */
export interface Deps {
  lines: LineService;
  users: UserRepository;
  sessions: SessionRepository;
  devices: DeviceRepository;
  signage: SignageRepository;
  media: MediaStore;
  audit: AuditRepository;
  history: TicketHistoryRepository;
  reports: ReportQueries;
  /** Whether the database answers (health), and has run every migration too (readiness). */
  health: { reachable(): Promise<boolean>; ready(): Promise<boolean> };
  waits: LiveWaits;
  models: WaitModels;
  throttle: LoginThrottle;
  /** The operation map's rate limits (phone joining, feedback), enforced by the router. */
  limiter: RateLimiter;
  /** Outgoing webhooks: their settings and delivery log, and the dispatcher to tell of changes. */
  webhooks: { repo: WebhookRepository; dispatcher: WebhookDispatcher };
  /** Where signage routes announce changes; the realtime layer tells the screens. */
  signageEvents: SignageEvents;
  config: {
    dataDir: string;
    staticDir: string;
    production: boolean;
    /** `PUBLIC_URL`: the address phones are given (QR codes, links), unless a store sets its own. */
    publicUrl?: string | undefined;
    /** `TRUST_PROXY`: how many proxies in front write `X-Forwarded-For` (0: use the socket's address). */
    trustProxy: number;
  };
}

export interface AppEnv {
  /** Node's own request and response under @hono/node-server; absent under `app.request` (tests). */
  Bindings: Partial<HttpBindings>;
  Variables: {
    deps: Deps;
    user: UserRecord | undefined;
    device: DeviceDto | undefined;
    sessionToken: string | undefined;
    /** The request's id: `X-Request-Id`, every log line, and `error.requestId` in error bodies. */
    requestId: string;
  };
}
