import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { AppEnv } from './deps.ts';
import { HttpError } from './http-error.ts';

/** The largest JSON body read (1 MiB); media uploads carry their own limit (see admin-signage.ts). */
export const MAX_JSON_BODY = 1024 * 1024;

/**
 * A body declared over 1 MiB is refused before anything else runs. The rest of it is never read,
 * so the connection closes with the answer (a client must not send its next request on it). A
 * body sent without a length (chunked) is counted as it is read (`readBody`).
 */
export const limitBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const length = c.req.header('content-length');
  if (length !== undefined && Number(length) > MAX_JSON_BODY) {
    c.header('Connection', 'close');
    throw new HttpError(413, 'payload_too_large', 'The request body is larger than 1 MiB.');
  }
  await next();
};

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
  // Set before the answer exists they go into it as it is built; setting a header on a finished
  // answer makes Hono copy it into a streamed one, which cost more than the command itself.
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  await next();
  // An answer built as a raw Response (a file, a stream) did not take the prepared headers.
  if (!c.res.headers.has('X-Content-Type-Options')) {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
  }
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
