import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';

/**
 * JSON bodies over 1 MiB are refused before they are read. The rest of the body is never read,
 * so the connection closes with the answer (a client must not send its next request on it).
 */
export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: 1024 * 1024,
  onError: (c) =>
    c.json({ error: { code: 'payload_too_large', message: 'The request body is larger than 1 MiB.' } }, 413, {
      Connection: 'close',
    }),
});

/** Finds who is calling: a staff session cookie and/or a device bearer token. */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { sessions, users, devices, lines } = c.get('deps');
  const token = getCookie(c, SESSION_COOKIE);
  c.set('user', undefined);
  c.set('device', undefined);
  c.set('sessionToken', undefined);
  if (token) {
    const userId = await sessions.touch(token, lines.now());
    const user = userId ? await users.findById(userId) : undefined;
    if (user?.active) {
      c.set('user', user);
      c.set('sessionToken', token);
    }
  }
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) c.set('device', await devices.findByToken(bearer));
  await next();
};

/**
 * A cookie-authenticated write from another origin is refused (CSRF): browsers always send
 * `Origin` on such requests, and it must name this server.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  const origin = c.req.header('origin');
  if (method !== 'GET' && method !== 'HEAD' && origin && getCookie(c, SESSION_COOKIE)) {
    const host = c.req.header('host');
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (!host || originHost !== host)
      throw new HttpError(403, 'cross_origin', 'Requests from another site are not allowed.');
  }
  await next();
};

/** Headers every answer carries; pages also get a Content-Security-Policy (see static.ts). */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
};

/**
 * A NUL character names nothing here, and PostgreSQL refuses it in text: a path or query that
 * carries one is the client's mistake on either engine, not a lookup to run.
 */
export const rejectNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.path.includes('\0') || /%00/i.test(c.req.url))
    throw new HttpError(400, 'bad_request', 'The request could not be read.');
  await next();
};
