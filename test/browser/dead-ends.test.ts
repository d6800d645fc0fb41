import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tp } from '../../kiosk/src/i18n/phone-messages.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Conditions are awaited, not timed: this is only an upper bound before giving up. */
const WAIT = { timeout: 30_000 };
/** Shaped like a real token, but never issued. */
const UNKNOWN_TOKEN = 'zzzzzzzzzzzzzzzzzzzzzz';

// An old QR code, a mistyped address, a customer who left the line: each ends on a page to read.
describe('dead ends a customer can reach', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  const phone = async (locale: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale });
    return context.newPage();
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [locale, language] of [
    ['en-GB', 'en'],
    ['zh-CN', 'zh-Hans'],
  ] as const) {
    it(`an unknown ticket link says the ticket is no longer valid and offers to join again (${language})`, async () => {
      const page = await phone(locale);
      const response = await page.goto(`${server.url}/t/${UNKNOWN_TOKEN}`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toContain('text/html');
      const shown = page.getByTestId('dead-end');
      expect(await shown.locator('h1').innerText()).toBe(tp(language, 'invalidTitle'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);

      await page.getByRole('link', { name: tp(language, 'joinAgain') }).click();
      await page.locator('lc-service-picker button.service').first().click();
      await page.getByTestId('ticket-number').waitFor(WAIT);
      expect(new URL(page.url()).pathname).toMatch(/^\/t\/[\w-]{16,}$/);
      await page.context().close();
    });
  }

  it('an unknown address is a readable page; API paths keep their JSON errors', async () => {
    const page = await phone('zh-CN');
    const response = await page.goto(`${server.url}/kiosk/old-page`);
    expect(response?.status()).toBe(404);
    expect(await page.getByTestId('dead-end').locator('h1').innerText()).toBe(tp('zh-Hans', 'missingTitle'));
    await page.context().close();

    const api = await server.api('GET', '/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    const token = await server.api('GET', `/api/tickets/${UNKNOWN_TOKEN}`);
    expect(token.status).toBe(404);
    expect(token.body.error.code).toBe('unknown_ticket');
  });

  it('after leaving the line the phone page offers to join again, and an old link answers in the language chosen', async () => {
    const { body } = await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    const page = await phone('en-GB');
    await page.goto(`${server.url}/t/${body.ticket.token}`);
    await page.getByTestId('ticket-number').waitFor(WAIT);
    await page.locator('lc-language-button button').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');

    await page.locator('lc-leave-line button').first().click();
    await page.getByRole('button', { name: tp('zh-Hans', 'leaveYes') }).click();
    const join = page.getByTestId('join-again');
    await join.waitFor(WAIT);
    expect(await join.innerText()).toBe(tp('zh-Hans', 'joinAgain'));
    await join.click();
    await page.locator('lc-service-picker button.service').first().waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');

    // The browser says English, but the customer chose Chinese on this phone.
    await page.goto(`${server.url}/t/${UNKNOWN_TOKEN}`);
    expect(await page.getByTestId('dead-end').locator('h1').innerText()).toBe(tp('zh-Hans', 'invalidTitle'));
    await page.context().close();
  });
});
