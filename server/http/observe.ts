import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { log, loggablePath } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { AppEnv } from './deps.ts';

/** A caller's own request id is kept when it is short and plain (a proxy's, a load balancer's). */
const PLAIN_ID = /^[\w.:-]{1,100}$/;

/**
 * Gives every request an id (`X-Request-Id`, echoed in error bodies and on every log line),
 * times it into the route's latency histogram, and logs it: failures and slow answers at info
 * or above, the rest at debug so a busy chain does not drown its log.
 */
export function observe(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && PLAIN_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
    const ms = performance.now() - started;
    const route = routeOf(c);
    const status = c.res.status;
    // A client that went away (a report left for another page) is not a server failure.
    const abandoned = c.req.raw.signal.aborted;
    metrics.observeRequest(c.req.method, route, status, ms / 1000);
    if (status >= 500 && !abandoned) metrics.error('http');
    if (!c.res.headers.has('X-Request-Id')) {
      try {
        c.res.headers.set('X-Request-Id', requestId);
      } catch {
        // Some responses (a file stream) have sealed headers; the id is still on the log line.
      }
    }
    const line = {
      reqId: requestId,
      method: c.req.method,
      path: loggablePath(c.req.path),
      route,
      status,
      ms: Math.round(ms),
    };
    if (abandoned) log.info(line, 'request abandoned by the client');
    else if (status >= 500) log.error(line, 'request failed');
    else if (status >= 400 || ms > 1000) log.info(line, 'request');
    else log.debug(line, 'request');
  };
}

/** The route pattern that answered (`/api/stores/:store/tickets`), so labels stay few. */
function routeOf(c: Context<AppEnv>): string {
  try {
    return routePath(c, -1);
  } catch {
    return 'unmatched';
  }
}
