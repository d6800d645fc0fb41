import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
function recordViolations() {
  const found: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = found;
  document.addEventListener('securitypolicyviolation', (e) =>
    found.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
  );
}

/** All text a person sees, through every shadow root. */
function deepText(): string {
  const parts: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const node of Array.from(el.childNodes))
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return parts.join(' ');
}

describe('every app under the strict Content-Security-Policy', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;
  let ticket: { token: string; number: string };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await server.cookieFor('admin');
    expect((await server.api('POST', '/api/stores/demo/counters/c1/open', {}, admin)).status).toBe(200);
    ticket = (await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).body.ticket;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh context whose pages record violations, with the console's CSP complaints too. */
  async function open(cookie?: string): Promise<{ context: BrowserContext; page: Page; console: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
    }
    await context.addInitScript(recordViolations);
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) console.push(m.text());
    });
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    return { context, page, console };
  }

  /** Opens `path`, waits until it shows `expected` (the app ran), and returns what the policy blocked. */
  async function visit(page: Page, path: string, expected: string | RegExp): Promise<string[]> {
    const response = await page.goto(`${server.url}${path}`);
    if (!path.includes('#')) {
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      // No inline script anywhere; inline style only as the staff app's `style` attributes.
      expect(csp, path).not.toMatch(/unsafe-eval|(script|style)-src [^;]*unsafe-inline/);
    }
    await expect.poll(() => page.evaluate(deepText), { timeout: 30_000 }).toMatch(expected);
    await page.waitForLoadState('networkidle');
    return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  }

  const customerPages: [string, string, string | RegExp][] = [
    ['kiosk', '/kiosk/?store=demo', 'Pick-up'],
    ['phone join', '/kiosk/?store=demo&mode=phone', 'Pick-up'],
    ['signage board', '/signage/?store=demo&layout=board', 'Pick-up'],
    ['signage portrait', '/signage/?store=demo&layout=portrait', 'Pick-up'],
    ['counter display', '/signage/?store=demo&layout=counter&counter=c1', 'Counter 1'],
    ['staff sign-in', '/staff/', 'Sign in'],
  ];
  for (const [name, path, expected] of customerPages) {
    it(`runs the ${name} without a violation`, async () => {
      const { context, page, console } = await open();
      expect(await visit(page, path, expected)).toEqual([]);
      expect(console).toEqual([]);
      await context.close();
    });
  }

  it('runs the phone ticket page without a violation', async () => {
    const { context, page, console } = await open();
    expect(await visit(page, `/t/${ticket.token}`, ticket.number)).toEqual([]);
    expect(console).toEqual([]);
    await context.close();
  });

  it('runs every page of the staff app without a violation', async () => {
    const { context, page, console } = await open(admin);
    const pages = ['terminal', 'dashboard', 'reports', 'admin/chain', 'admin/store', 'admin/services'];
    pages.push('admin/counters', 'admin/users', 'admin/devices', 'admin/signage', 'admin/broadcasts', 'admin/audit');
    const seen: string[] = [];
    for (const hash of pages) {
      const violations = await visit(page, `/staff/#${hash}`, /Linecast Demo Store|Counter 1/);
      seen.push(...violations.map((v) => `#${hash}: ${v}`));
    }
    expect(seen).toEqual([]);
    expect(console).toEqual([]);
    await context.close();
  });

  it('shows the dead-end pages with their own style and nothing else', async () => {
    const { context, page, console } = await open();
    for (const path of [`/t/${'x'.repeat(22)}`, '/no-such-page']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'; style-src 'sha256-/);
      await page.getByTestId('dead-end').waitFor();
      // The hash matches the page's style block: it applied (a dark page behind a white card).
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(16, 42, 67)');
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    }
    expect(console).toEqual([]);
    await context.close();
  });

  it('would see a violation: an injected inline script is blocked and reported', async () => {
    const { context, page } = await open();
    await visit(page, '/kiosk/?store=demo', 'Pick-up');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))
      .toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await context.close();
  });
});
