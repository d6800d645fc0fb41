import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './deps.ts';

/** Pages may load only our own scripts and talk only to us (plus data/blob media and QR images). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Serves the Vite build of the three apps (`dist/`); app pages get the CSP. */
export function staticRoutes(app: Hono<AppEnv>, staticDir: string): void {
  const page = (file: string) => async (c: Context<AppEnv>) => {
    let html: string;
    try {
      html = await readFile(join(staticDir, file), 'utf8');
    } catch {
      return c.json(
        { error: { code: 'not_built', message: 'The web apps are not built yet: run `npm run build`.' } },
        404,
      );
    }
    c.header('Content-Security-Policy', CSP);
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
  app.get('/', (c) => c.redirect('/staff/'));
  app.get('/kiosk', (c) => c.redirect(`/kiosk/${new URL(c.req.url).search}`));
  app.get('/kiosk/', page('kiosk/index.html'));
  app.get('/t/:token', page('kiosk/ticket.html'));
  app.get('/signage', (c) => c.redirect(`/signage/${new URL(c.req.url).search}`));
  app.get('/signage/', page('signage/index.html'));
  app.get('/staff', (c) => c.redirect('/staff/'));
  app.get('/staff/', page('staff/index.html'));
  app.get('/staff/*', page('staff/index.html'));
  app.use(
    '/assets/*',
    serveStatic({
      root: staticDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
}
