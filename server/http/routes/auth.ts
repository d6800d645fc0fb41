import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import { loginBody } from '../../../shared/schemas.ts';
import { verifyPassword } from '../../auth/secrets.ts';
import { SESSION_COOKIE } from '../../auth/session-cookie.ts';
import { SESSION_IDLE_MS } from '../../store/session-repository.ts';
import { toUserDto } from '../../store/user-repository.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import { requireUser } from '../guards.ts';
import { HttpError } from '../http-error.ts';

/** Sign-in with server-side, revocable sessions in an HttpOnly cookie. */
export function authRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in; sets the session cookie',
      tag: 'auth',
      audience: 'anyone',
      body: loginBody,
      responses: {
        200: '{user}',
        401: 'wrong username or password',
        422: 'invalid body',
        429: 'too many failed attempts',
      },
    },
    async (c) => {
      const { users, sessions, throttle, lines, config } = c.get('deps');
      const { username, password } = await readBody(c, loginBody);
      // The socket's address, not X-Forwarded-For: a header is the guesser's to choose.
      const address = getConnInfo(c).remote.address ?? 'unknown';
      const now = lines.now();
      const wait = await throttle.retryAfter(username, address, now);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${wait} s.`, {
          retryAfterSec: wait,
        });
      }
      const user = await users.findByUsername(username);
      if (!user?.active || !(await verifyPassword(password, user.passwordHash))) {
        await throttle.fail(username, address, now);
        throw new HttpError(401, 'invalid_credentials', 'Wrong username or password.');
      }
      await throttle.succeed(username, address);
      const token = await sessions.create(user.id, now);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: config.production && c.req.url.startsWith('https:'),
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      return c.json({ user: toUserDto(user) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/logout',
      summary: 'End the session',
      tag: 'auth',
      audience: 'signed-in',
      responses: { 200: 'signed out', 401: 'not signed in' },
    },
    async (c) => {
      requireUser(c);
      const token = c.get('sessionToken');
      if (token) await c.get('deps').sessions.revoke(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/auth/me',
      summary: 'The signed-in user',
      tag: 'auth',
      audience: 'signed-in',
      responses: { 200: '{user}', 401: 'not signed in' },
    },
    (c) => c.json({ user: toUserDto(requireUser(c)) }),
  );
}
