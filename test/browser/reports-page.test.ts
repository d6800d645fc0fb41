import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Two simulated days give the tables real-sized figures (thousands, long durations).
  server = await startTestServer({ demoHistoryDays: 2 });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function reports(locale: string): Promise<Page> {
  const manager = await server.cookieFor('manager');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  contexts.push(context);
  const [name, value] = manager.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/#reports`);
  await page.locator('[data-testid="report-overall"]').waitFor();
  return page;
}

/** Per report table: its heading, whether it scrolls sideways, and whether its last heading cell lies inside its card. */
function tableFit(page: Page) {
  return page.locator('lc-reports-page').evaluate((host) =>
    [...(host.shadowRoot?.querySelectorAll('section') ?? [])].map((section) => {
      const box = section.getBoundingClientRect();
      const cells = section.querySelectorAll('tr:first-child th');
      const last = cells[cells.length - 1]?.getBoundingClientRect();
      return {
        heading: section.querySelector('h3')?.textContent ?? '',
        columns: [...cells].map((c) => c.textContent ?? ''),
        scrolls: section.scrollWidth > section.clientWidth,
        lastInside: !!last && last.right <= box.right && last.right <= window.innerWidth,
      };
    }),
  );
}

describe('the reports page at 1440 px', () => {
  for (const [locale, ces, headings, stale] of [
    ['en-GB', 'CES', ['By counter', 'By operator'], ['Counters today', 'Operators today']],
    ['zh-CN', '费力度', ['按柜台', '按员工'], ['今日各柜台', '今日各员工']],
  ] as const) {
    it(`shows every column of every table and headings that follow the range (${locale})`, {
      timeout: 60_000,
    }, async () => {
      const page = await reports(locale);
      const tables = await tableFit(page);
      const titles = tables.map((t) => t.heading);
      for (const h of headings) expect(titles).toContain(h);
      for (const h of stale) expect(titles).not.toContain(h);
      expect(tables.filter((t) => t.columns.includes(ces)).length).toBeGreaterThanOrEqual(5);
      for (const t of tables) {
        expect(t.scrolls, `${t.heading} scrolls sideways`).toBe(false);
        expect(t.lastInside, `${t.heading}: last column outside the card`).toBe(true);
      }
      // Untranslated abbreviations stay out of the Chinese page.
      if (locale === 'zh-CN') expect(tables.flatMap((t) => t.columns)).not.toContain('CSAT');
    });
  }
});
