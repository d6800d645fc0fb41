import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Where the built apps are (Vite's `dist/`). */
  staticDir: string;
  adminPassword: string | undefined;
  production: boolean;
  /** The address phones reach the server at (QR codes, links), e.g. "https://queue.shop.example". */
  publicUrl?: string | undefined;
  /** Days after which feedback comments (what customers wrote) are forgotten; scores are kept (default 90). */
  retentionDays?: number;
  /** How long a stop waits for requests in flight before closing their connections (default 10 s). */
  drainMs?: number;
  /** Fill the demo store with simulated weeks of history on first start. */
  demoHistoryDays: number;
  /** Commands one store may have waiting before more get 503 (default `DEFAULT_COMMAND_QUEUE_LIMIT`). */
  commandQueueLimit?: number;
  /** Redis shared by several nodes (socket fan-out and hints between nodes); unset for one process. */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key and channel, so installations sharing one Redis stay apart (default "linecast"). */
  redisPrefix?: string;
  /** The server's clock (epoch ms); only tests and screenshots replace `Date.now`. */
  clock?: () => number;
}

export const DEFAULT_RETENTION_DAYS = 90;

/** Configuration from the environment (documented in README "Configuration"). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = packageRoot(import.meta.dirname);
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    staticDir: resolve(env.LINECAST_STATIC_DIR ?? resolve(root, 'dist')),
    adminPassword: env.LINECAST_ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    retentionDays: positiveDays(env.LINECAST_RETENTION_DAYS, DEFAULT_RETENTION_DAYS),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.LINECAST_REDIS_PREFIX || 'linecast',
    demoHistoryDays: env.LINECAST_DEMO_HISTORY_DAYS !== undefined ? Number(env.LINECAST_DEMO_HISTORY_DAYS) : 28,
  };
}

/** The folder holding package.json: server/ when run from source, dist/server/ when built. */
function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** `PUBLIC_URL` without its trailing slash; a value a phone could not open stops the start with a clear message. */
function publicUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new Error(`PUBLIC_URL must be a full http(s) address such as https://queue.shop.example, not "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/** A whole number of days from the environment; anything else stops the start with a clear message. */
function positiveDays(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`LINECAST_RETENTION_DAYS must be a whole number of days ≥ 1, not "${value}".`);
  return days;
}
