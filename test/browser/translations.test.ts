import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Conditions are awaited, not timed: only an upper bound before giving up. */
const WAIT = { timeout: 20_000 };

/**
 * Every text a person can see (text nodes of rendered elements, through shadow roots, plus
 * placeholders and button labels), one entry per node, trimmed.
 */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          const text = node.textContent?.trim() ?? '';
          // `<code>` holds identifiers a machine reads (webhook event names, slugs), shown verbatim.
          if (text && parent?.checkVisibility() && !['STYLE', 'SCRIPT', 'CODE'].includes(parent.tagName))
            out.push(text);
        } else if (node instanceof Element) {
          const placeholder = node.getAttribute('placeholder');
          if (placeholder && node.checkVisibility()) out.push(placeholder);
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document);
    return out;
  });
}

/**
 * What in `texts` is not Chinese where it should be: a run of Latin words (English left in a
 * page, or a message key shown because its translation is missing), apart from what the store
 * itself entered (`data`) and what is Latin on purpose (codes, units, addresses).
 */
function english(texts: string[], data: string[]): string[] {
  const allowed = new Set(data);
  const latinOnPurpose =
    /^(Linecast|English|CSAT|NPS|CES|CSV|Webhook|UTC|[A-Z]{1,3}\d{3}|[A-Z][a-z]+\/[A-Za-z_/+-]+|https?:\/\/\S*|[\d\s:.,%–—\-/()·+#×≈~<>≤≥]+)$/;
  return texts.filter((text) => {
    if (allowed.has(text) || latinOnPurpose.test(text)) return false;
    const withoutData = [...allowed].reduce((rest, d) => rest.split(d).join(' '), text);
    const rest = withoutData.replace(
      /https?:\/\/\S+|\?[a-z]+=[a-z0-9-]+|\b[A-Z][A-Z_]{2,}\b|Linecast|Webhook|[A-Z]\d{3}/g,
      ' ',
    );
    return /[A-Za-z]{3,}/.test(rest) || /^[a-z]+(\.[a-zA-Z_-]+)+$/.test(text.trim());
  });
}

describe('every visible string comes from the message tables (Chinese pages show no English)', {
  timeout: 180_000,
}, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let data: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await server.cookieFor('admin');
    await server.cookieFor('manager');
    await server.cookieFor('operator');
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const [name, value] = admin.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    // What the store entered is shown as entered: counter names, user names, the admin's own name.
    const store = (await server.api('GET', '/api/admin/stores/demo', undefined, admin)).body.store;
    const users = (await server.api('GET', '/api/admin/users', undefined, admin)).body.users;
    data = [
      ...store.counters.map((c: { name: string }) => c.name),
      ...users.map((u: { username: string }) => u.username),
      store.settings.timeZone,
      'demo',
    ];
    await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup', language: 'zh-Hans' });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const staffPages = [
    'terminal',
    'dashboard',
    'reports',
    ...['chain', 'store', 'services', 'counters', 'users', 'devices', 'signage', 'broadcasts', 'webhooks', 'audit'].map(
      (tab) => `admin/${tab}`,
    ),
  ];

  it.each(staffPages)('the staff page #%s', async (hash) => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/staff/#${hash}`);
      await page.getByTestId('sign-out').waitFor(WAIT);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
      expect(english(await visibleTexts(page), data)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the kiosk, its ticket, the phone page and the board', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/kiosk/?store=demo&lang=zh-Hans`);
      await page.locator('lc-service-picker button.service').first().waitFor(WAIT);
      expect(english(await visibleTexts(page), data)).toEqual([]);
      await page.locator('lc-service-picker button.service').first().click();
      await page.locator('lc-ticket-card').getByTestId('ticket-number').waitFor(WAIT);
      expect(english(await visibleTexts(page), data)).toEqual([]);

      const issued = await server.api('POST', '/api/stores/demo/tickets', {
        serviceId: 'returns',
        language: 'zh-Hans',
      });
      await page.goto(`${server.url}/t/${issued.body.ticket.token}?lang=zh-Hans`);
      await page.getByTestId('ticket-number').waitFor(WAIT);
      expect(english(await visibleTexts(page), data)).toEqual([]);

      await page.goto(`${server.url}/signage/?store=demo&layout=board&lang=zh-Hans`);
      await page.getByTestId('waiting').waitFor(WAIT);
      expect(english(await visibleTexts(page), data)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
