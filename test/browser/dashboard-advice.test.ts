import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function dashboard(cookie: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  contexts.push(context);
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/#dashboard`);
  return page;
}

const issue = async (count: number) => {
  for (let i = 0; i < count; i++) {
    const res = await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    expect(res.status).toBe(201);
  }
};

/** What the page says about the advice: the alert (if any), the panel's verdict and figure. */
async function advice(page: Page, verdict: string) {
  await page.locator(`[data-testid="staffing-verdict"][data-verdict="${verdict}"]`).waitFor();
  const alerts = page.locator('[data-testid="alert-staffing"]');
  return {
    alerts: await alerts.count(),
    alertVerdict: (await alerts.count()) ? await alerts.first().getAttribute('data-verdict') : null,
    alertText: (await alerts.count()) ? ((await alerts.first().textContent()) ?? '') : '',
    panelText: (await page.locator('[data-testid="staffing-verdict"]').textContent()) ?? '',
    needed: (await page.locator('[data-testid="staffing-now"]').textContent())?.trim() ?? '',
    predicted: (await page.locator('[data-testid="predicted-wait"]').textContent())?.trim() ?? '',
    predictedTiles: await page.locator('[data-testid="predicted-wait"]').count(),
  };
}

describe('the dashboard', () => {
  it('shows one predicted wait, and its alert says what the staffing advice says', { timeout: 120_000 }, async () => {
    const manager = await server.cookieFor('manager');
    const operator = await server.cookieFor('operator');
    expect((await server.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator)).status).toBe(200);
    const page = await dashboard(manager, 'en-GB');

    // Nobody waits: the counter open is enough, and nothing raises an alert.
    const calm = await advice(page, 'enough');
    expect(calm.alerts).toBe(0);
    expect(calm.panelText).toContain('enough');

    // A line one counter cannot clear within the target: open more, within the store's four.
    await issue(8);
    const busy = await advice(page, 'open_more');
    expect(busy.alertVerdict).toBe('open_more');
    expect(busy.alertText).toBe(busy.panelText);
    expect(busy.alertText).toContain(`${busy.needed} needed, 1 open`);
    // The alert's wait is the one the tile shows: one prediction on the page.
    expect(busy.predictedTiles).toBe(1);
    expect(busy.alertText).toContain(`Predicted wait ${busy.predicted.replace(/up to.*/, '').trim()}`);

    // More than the store's counters could serve: the advice says so instead of a count it cannot have.
    await issue(40);
    const beyond = await advice(page, 'beyond_store');
    expect(beyond.alertVerdict).toBe('beyond_store');
    expect(beyond.alertText).toBe(beyond.panelText);
    expect(Number(beyond.needed)).toBeGreaterThan(4);
    expect(beyond.alertText).toMatch(
      new RegExp(`You would need ${beyond.needed} counters; you have 4 — expect about \\d+ min`),
    );

    // The same advice in Chinese.
    const zh = await dashboard(manager, 'zh-CN');
    const chinese = await advice(zh, 'beyond_store');
    expect(chinese.alertText).toMatch(/^需要 \d+ 个柜台；本店只有 4 个——预计等候约 \d+ 分钟。$/);
    expect(chinese.alertText).toBe(chinese.panelText);
  });
});
