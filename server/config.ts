import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RATE_LIMITS, type RateLimitName } from '../shared/api/rate-limits.ts';
import { RATE_LIMITS_OFF, type RateLimitOverrides } from './http/rate-limiter.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of the SQLite file in `dataDir` (`postgres://user@host:5432/database`); media stay in `dataDir`. */
  databaseUrl?: string | undefined;
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
  /** How many proxies in front of Linecast append to `X-Forwarded-For` (default 0: none trusted). */
  trustProxy?: number;
  /** Rate limits changed from the operation map's defaults (numbers, or `off`). */
  rateLimits?: RateLimitOverrides;
  /**
   * Start the report worker with the server and let it keep the facts of closed days no report
   * has read yet, in its spare time (`npm start` does; tests that never report leave it off).
   */
  warmReports?: boolean;
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
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    staticDir: resolve(env.LINECAST_STATIC_DIR ?? resolve(root, 'dist')),
    adminPassword: env.LINECAST_ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    retentionDays: positiveDays(env.LINECAST_RETENTION_DAYS, DEFAULT_RETENTION_DAYS),
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.LINECAST_REDIS_PREFIX || 'linecast',
    trustProxy: proxyCount(env.TRUST_PROXY),
    rateLimits: rateLimitsFrom(env),
    demoHistoryDays: env.LINECAST_DEMO_HISTORY_DAYS !== undefined ? Number(env.LINECAST_DEMO_HISTORY_DAYS) : 28,
    warmReports: true,
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

/** `DATABASE_URL`, when set, must name a PostgreSQL server; anything else stops the start with a clear message. */
function databaseUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new Error(`DATABASE_URL must be a PostgreSQL address such as postgres://linecast@db.example:5432/linecast.`);
  }
  return value;
}

/** A whole number of days from the environment; anything else stops the start with a clear message. */
function positiveDays(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`LINECAST_RETENTION_DAYS must be a whole number of days ≥ 1, not "${value}".`);
  return days;
}

/** `TRUST_PROXY`: empty, `false` or `0` (none), `true` (one), or how many proxies are in front. */
function proxyCount(value: string | undefined): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`TRUST_PROXY must be true, false or the number of proxies in front, not "${value}".`);
  return n;
}

/**
 * `LINECAST_RATE_LIMIT_PHONE_JOIN_PER_ADDRESS=60/600` (60 requests, given back over 600 s) or `=off`,
 * one variable per budget of `shared/api/rate-limits.ts`; `LINECAST_RATE_LIMITS=off` turns them all off.
 */
function rateLimitsFrom(env: NodeJS.ProcessEnv): RateLimitOverrides {
  if (env.LINECAST_RATE_LIMITS === 'off') return { ...RATE_LIMITS_OFF };
  const overrides: RateLimitOverrides = {};
  for (const name of Object.keys(RATE_LIMITS) as RateLimitName[]) {
    const variable = `LINECAST_RATE_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    const value = env[variable]?.trim();
    if (!value) continue;
    if (value === 'off') {
      overrides[name] = 'off';
      continue;
    }
    const [max, windowSec] = value.split('/').map(Number);
    if (!Number.isInteger(max) || !Number.isInteger(windowSec) || max! < 1 || windowSec! < 1)
      throw new Error(`${variable} must be "<requests>/<seconds>" (e.g. 60/600) or "off", not "${value}".`);
    overrides[name] = { max: max!, windowSec: windowSec! };
  }
  return overrides;
}
