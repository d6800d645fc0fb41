import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Conditions are awaited, not timed: only an upper bound before giving up. */
const WAIT = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** "14:05" of a moment in a zone, as a clock on the wall there reads it. */
function wallClock(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
}

it('the audit log has its own tab and says in the staff language, at the store time, who changed what', {
  timeout: 60_000,
}, async () => {
  const manager = await server.cookieFor('manager');
  expect((await server.api('PATCH', '/api/admin/stores/demo', { serviceLevelTargetSec: 240 }, manager)).status).toBe(
    200,
  );
  const message = { en: 'Closing at nine', 'zh-Hans': '九点打烊' };
  expect(
    (await server.api('POST', '/api/admin/stores/demo/broadcasts', { message, durationMin: 5 }, manager)).status,
  ).toBe(201);
  const entries = (await server.api('GET', '/api/admin/stores/demo/audit', undefined, manager)).body.entries;
  const changed = entries.find((e: { action: string }) => e.action === 'store_updated');

  // A browser in New York looking at a store in Shanghai: times are the store's.
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York' });
  const [name, value] = manager.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/staff/#admin/audit`);
    const row = page.locator('tr').filter({ has: page.locator('[data-action="store_updated"]') });
    await row.waitFor(WAIT);
    expect(await row.locator('[data-action]').innerText()).toBe('Store settings changed');
    expect(await row.innerText()).toContain('target (s): 240');
    expect(await row.innerText()).toContain(wallClock(changed.at, 'Asia/Shanghai'));
    expect(await row.innerText()).not.toContain(wallClock(changed.at, 'America/New_York'));
    const text = await page.getByTestId('audit-log').innerText();
    expect(text).not.toMatch(/[{}"]|store_updated|broadcast_created/);

    await page.getByTestId('language').click();
    await row.locator('[data-action]').filter({ hasText: '修改门店设置' }).waitFor(WAIT);
    const broadcast = page.locator('tr').filter({ has: page.locator('[data-action="broadcast_created"]') });
    expect(await broadcast.innerText()).toContain('消息: 九点打烊');
  } finally {
    await context.close();
  }
});
