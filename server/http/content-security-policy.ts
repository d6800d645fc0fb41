import { createHash } from 'node:crypto';

/** What every app page shares: only our own scripts, data only from us, never framed. */
const BASE = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The customer-facing apps (kiosk, phone, signage): no inline script or style at all. Lit's styles
 * are constructed stylesheets, which the policy does not block.
 */
export const CUSTOMER_APP_CSP = [...BASE, "style-src 'self'"].join('; ');

/**
 * The staff app: the same, except that elements may carry a `style` attribute (some of its forms
 * size fields that way); a `<style>` element or stylesheet from elsewhere is still refused.
 */
export const STAFF_APP_CSP = [...BASE, "style-src 'self'", "style-src-attr 'unsafe-inline'"].join('; ');

/**
 * A server-made page with no script at all, whose one inline `<style>` block is allowed by its
 * hash and nothing else is.
 * @example c.header('Content-Security-Policy', plainPageCsp(STYLE))
 */
export function plainPageCsp(style: string): string {
  const hash = createHash('sha256').update(style).digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    'img-src data:',
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
