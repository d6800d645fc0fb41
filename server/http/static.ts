import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { CUSTOMER_APP_CSP, STAFF_APP_CSP } from './content-security-policy.ts';
import { customerPage } from './customer-page.ts';
import type { AppEnv } from './deps.ts';

/** Same length bounds as the ticket API: anything else cannot be a token. */
const TOKEN_LENGTH = { min: 16, max: 100 };

/**
 * Serves the Vite build of the three apps (`dist/`); app pages get the CSP and, when `PUBLIC_URL`
 * is set, a `<meta name="linecast-public-url">` the kiosk builds its QR codes from. An unknown
 * ticket link or path gets a readable page in the customer's language, not JSON (`/api` keeps JSON).
 */
export function staticRoutes(app: Hono<AppEnv>, staticDir: string): void {
  const page =
    (file: string, csp = CUSTOMER_APP_CSP) =>
    async (c: Context<AppEnv>) => {
      let html: string;
      try {
        html = await readFile(join(staticDir, file), 'utf8');
      } catch {
        return c.json(
          { error: { code: 'not_built', message: 'The web apps are not built yet: run `npm run build`.' } },
          404,
        );
      }
      c.header('Content-Security-Policy', csp);
      c.header('Cache-Control', 'no-cache');
      const publicUrl = c.get('deps').config.publicUrl;
      if (publicUrl)
        html = html.replace(
          '<head>',
          `<head>\n    <meta name="linecast-public-url" content="${escapeAttribute(publicUrl)}" />`,
        );
      return c.html(html);
    };
  const ticketPage = page('kiosk/ticket.html');
  app.get('/', (c) => c.redirect('/staff/'));
  app.get('/kiosk', (c) => c.redirect(`/kiosk/${new URL(c.req.url).search}`));
  app.get('/kiosk/', page('kiosk/index.html'));
  app.get('/t/:token', async (c) => {
    const token = c.req.param('token');
    const known =
      token.length >= TOKEN_LENGTH.min &&
      token.length <= TOKEN_LENGTH.max &&
      (await c.get('deps').lines.repository.findTicketByToken(token));
    return known ? ticketPage(c) : customerPage(c, 'invalidTicket');
  });
  app.get('/signage', (c) => c.redirect(`/signage/${new URL(c.req.url).search}`));
  app.get('/signage/', page('signage/index.html'));
  app.get('/staff', (c) => c.redirect('/staff/'));
  app.get('/staff/', page('staff/index.html', STAFF_APP_CSP));
  app.get('/staff/*', page('staff/index.html', STAFF_APP_CSP));
  app.use(
    '/assets/*',
    serveStatic({
      root: staticDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // Registered last, so it only answers what nothing above did; API paths fall through to JSON.
  app.get('*', (c, next) => (isMachinePath(c.req.path) ? next() : customerPage(c, 'missing')));
}

function isMachinePath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/socket.io/') || path === '/metrics';
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
