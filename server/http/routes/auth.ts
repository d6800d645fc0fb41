import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { verifyPassword } from '../../auth/secrets.ts';
import { SESSION_COOKIE } from '../../auth/session-cookie.ts';
import { SESSION_IDLE_MS } from '../../store/session-repository.ts';
import { toUserDto } from '../../store/user-repository.ts';
import type { ApiRouter } from '../api-router.ts';
import { clientAddress } from '../client-address.ts';
import { HttpError } from '../http-error.ts';

/** Sign-in with server-side, revocable sessions in an HttpOnly cookie. */
export function authRoutes(api: ApiRouter): void {
  api.register('login', async ({ c, deps, body: { username, password } }) => {
    const { users, sessions, throttle, lines, config } = deps;
    // The socket's address unless trusted proxies say otherwise: a header is the guesser's to choose.
    const address = clientAddress(c, config.trustProxy);
    const now = lines.now();
    const wait = await throttle.retryAfter(username, address, now);
    if (wait > 0)
      throw new HttpError(
        429,
        'too_many_attempts',
        `Too many failed sign-ins. Try again in ${wait} s.`,
        { retryAfterSec: wait },
        wait,
      );
    const user = await users.findByUsername(username);
    if (!user?.active || !(await verifyPassword(password, user.passwordHash))) {
      await throttle.fail(username, address, now);
      throw new HttpError(401, 'invalid_credentials', 'Wrong username or password.');
    }
    await throttle.succeed(username, address);
    // A new id at every sign-in, and the one presented before it ends: a session id planted in
    // the browser beforehand (fixation) or left from an earlier sign-in never carries this one.
    const presented = getCookie(c, SESSION_COOKIE);
    if (presented) await sessions.revoke(presented);
    const token = await sessions.create(user.id, now);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: config.production && c.req.url.startsWith('https:'),
      maxAge: Math.floor(SESSION_IDLE_MS / 1000),
    });
    return { user: toUserDto(user) };
  });

  api.register('logout', async ({ c, deps }) => {
    const token = c.get('sessionToken');
    if (token) await deps.sessions.revoke(token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return { ok: true } as const;
  });

  api.register('me', ({ caller }) => ({ user: toUserDto(caller.user) }));
}
