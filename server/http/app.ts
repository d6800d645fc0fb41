import { Hono } from 'hono';
import { LineBusyError } from '../line/serial-queue.ts';
import { log } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import { ApiRouter } from './api-router.ts';
import type { AppEnv, Deps } from './deps.ts';
import { HttpError, lineBusy } from './http-error.ts';
import { identify, limitBody, rejectNul, sameOriginWrites, securityHeaders } from './middleware.ts';
import { observe } from './observe.ts';
import { API_VERSION } from './openapi.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { counterRoutes } from './routes/counters.ts';
import { deviceRoutes } from './routes/devices.ts';
import { reportRoutes } from './routes/reports.ts';
import { signageRoutes } from './routes/signage.ts';
import { staffingRoutes } from './routes/staffing.ts';
import { storeRoutes } from './routes/stores.ts';
import { systemRoutes } from './routes/system.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { staticRoutes } from './static.ts';

const MEDIA_UPLOAD = /^\/api\/admin\/stores\/[^/]+\/signage\/media$/;

/** The whole HTTP surface: `/api/*` JSON, `/metrics`, and the built apps. */
export function createHttpApp(deps: Deps, metrics: Metrics) {
  const app = new Hono<AppEnv>();
  app.use('*', observe(metrics));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', securityHeaders);
  // Media uploads carry their own, larger limit (see admin-signage.ts); everything else is JSON.
  const isMediaUpload = (method: string, path: string) => method === 'POST' && MEDIA_UPLOAD.test(path);
  app.use('/api/*', (c, next) => (isMediaUpload(c.req.method, c.req.path) ? next() : limitBody(c, next)));
  app.use('/api/*', rejectNul, sameOriginWrites, identify);

  const api = new ApiRouter(app.basePath('/api'));
  systemRoutes(api, API_VERSION);
  authRoutes(api);
  storeRoutes(api);
  ticketRoutes(api);
  counterRoutes(api);
  deviceRoutes(api);
  reportRoutes(api);
  staffingRoutes(api);
  signageRoutes(api);
  adminRoutes(api);
  api.assertComplete();

  app.get('/metrics', async (c) => c.text(await metrics.render(), 200, { 'Content-Type': metrics.contentType }));
  staticRoutes(app, deps.config.staticDir);

  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `No route for ${c.req.method} ${c.req.path}.`,
          requestId: c.get('requestId'),
        },
      },
      404,
    ),
  );
  app.onError((caught, c) => {
    const err = caught instanceof LineBusyError ? lineBusy(caught) : caught;
    if (err instanceof HttpError) {
      if (err.retryAfterSec !== undefined) c.header('Retry-After', String(err.retryAfterSec));
      const body = {
        error: {
          code: err.code,
          message: err.message,
          requestId: c.get('requestId'),
          ...(err.details ? { details: err.details } : {}),
        },
      };
      return c.json(body, err.status);
    }
    // Malformed input that slipped past a validator must still read as the client's fault.
    if (err instanceof SyntaxError || err instanceof URIError) {
      return c.json(
        { error: { code: 'bad_request', message: 'The request could not be read.', requestId: c.get('requestId') } },
        400,
      );
    }
    log.error({ reqId: c.get('requestId'), err }, 'unexpected error');
    return c.json(
      { error: { code: 'internal', message: 'Something went wrong on our side.', requestId: c.get('requestId') } },
      500,
    );
  });
  return { app, api };
}
