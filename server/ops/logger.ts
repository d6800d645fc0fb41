import pino, { type Logger } from 'pino';

/**
 * Paths that never reach a log line: credentials, a ticket's token (it authorises its holder),
 * and what customers wrote. pino removes them wherever a logged object carries them.
 */
const REDACT = [
  'password',
  'token',
  'secret',
  'comment',
  '*.password',
  '*.token',
  '*.secret',
  '*.comment',
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
];

/**
 * The server's structured log: JSON lines with a level, a time and, for requests, the request
 * id (`reqId`). `LOG_LEVEL` chooses the level (default `info`; tests run at `warn`).
 * @example log.info({ storeId }, 'store created')
 */
export const log: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
  base: { service: 'linecast' },
  redact: { paths: REDACT, remove: true },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** Ticket tokens sit in some paths (`/t/<token>`, `/api/tickets/<token>`): logs keep only a prefix. */
export function loggablePath(path: string): string {
  return path.replace(/^(\/(?:api\/tickets|t)\/)([^/?]{6})[^/?]*/, '$1$2…');
}
