import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { LONG_NAMES, layoutProblems, type Target, wordStaysWhole } from './layout-support.ts';

/** Conditions are awaited, not timed: this is only an upper bound before giving up. */
const WAIT = { timeout: 30_000 };
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const LANGUAGES: Language[] = ['en', 'zh-Hans'];
const LONG_COUNTER = 'Counter 1 — personal shopping and customer service, floor 2';
const STORE_NAME = 'Linecast Flagship Store on the Riverside Promenade — Customer Service Centre';

// Every layout a customer sees, with every service named at the longest the admin accepts.
describe('layouts with 80-character names', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let manager: string;
  let operator: string;

  const call = async (method: string, path: string, body?: unknown, cookie = manager) => {
    const res = await server.api(method, path, body, cookie);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const issue = async (serviceId: string, priority = false) =>
    (await call('POST', '/api/stores/demo/tickets', { serviceId, priority })).ticket;

  const open = async (path: string, viewport: { width: number; height: number }): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.url}${path}`);
    return page;
  };

  beforeAll(async () => {
    // No autoplay flag: boards show "Tap to enable sound", which must cover nothing either.
    [server, browser] = await Promise.all([startTestServer(), launchBrowser({ autoplay: false })]);
    manager = await server.cookieFor('manager');
    operator = await server.cookieFor('operator');
    await call('POST', '/api/stores/demo/counters/c1/open', {}, operator);
    // A missed number, calls for the recent list, and people waiting for every service.
    for (const serviceId of ['pickup', 'returns', 'personalisation']) await issue(serviceId);
    await call('POST', '/api/stores/demo/counters/c1/call-next', {}, operator);
    await call('POST', '/api/stores/demo/counters/c1/no-show', {}, operator);
    for (let i = 0; i < 2; i++) {
      await call('POST', '/api/stores/demo/counters/c1/call-next', {}, operator);
      await call('POST', '/api/stores/demo/counters/c1/complete', {}, operator);
    }
    for (const serviceId of ['pickup', 'returns', 'personalisation']) await issue(serviceId);
    await call('POST', '/api/stores/demo/counters/c1/call-next', {}, operator);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps "Personalisation" whole on the landscape kiosk with the demo names', async () => {
    for (const lang of LANGUAGES) {
      const page = await open(`/kiosk/?store=demo&lang=${lang}`, LANDSCAPE);
      const picker = page.locator('lc-service-picker');
      await picker.locator('button.service').first().waitFor(WAIT);
      expect(await wordStaysWhole(picker.locator('button.service').nth(2), 'Personalisation')).toBe(true);
      expect(await layoutProblems(page, kioskStart(page))).toEqual([]);
      await page.close();
    }
  });

  describe('with long names', () => {
    beforeAll(async () => {
      await call('PATCH', '/api/admin/stores/demo', { name: STORE_NAME });
      for (const id of ['pickup', 'returns', 'personalisation']) {
        await call('PATCH', `/api/admin/stores/demo/services/${id}`, {
          name: { en: LONG_NAMES.en, 'zh-Hans': LONG_NAMES['zh-Hans'] },
        });
      }
      // Counter names may be 60 characters.
      await call('PATCH', '/api/admin/stores/demo/counters/c1', { name: LONG_COUNTER });
    });

    for (const lang of LANGUAGES) {
      for (const [layout, viewport] of [
        ['board', LANDSCAPE],
        ['portrait', PORTRAIT],
      ] as const) {
        it(`${layout === 'board' ? 'landscape' : 'portrait'} board (${lang}): every waiting row, call and the sound banner on screen, apart`, async () => {
          const page = await open(`/signage/?store=demo&layout=${layout}&lang=${lang}`, viewport);
          await page.getByTestId('enable-sound').waitFor(WAIT);
          await expect.poll(() => page.getByTestId('waiting-row').count(), WAIT).toBe(3);
          await page.getByTestId('missed').waitFor(WAIT);
          const targets: Target[] = [
            { name: 'store name', locator: page.locator('lc-board header') },
            { name: 'now calling', locator: page.getByTestId('now-calling') },
            { name: 'media', locator: page.locator('lc-media-zone') },
            { name: 'recent call number', locator: page.locator('lc-recent-calls li .number') },
            { name: 'recent call counter', locator: page.locator('lc-recent-calls li .counter') },
            { name: 'waiting title', locator: page.locator('lc-service-waits h2') },
            { name: 'waiting row', locator: page.getByTestId('waiting-row') },
            { name: 'missed numbers', locator: page.getByTestId('missed') },
            { name: 'sound banner', locator: page.getByTestId('enable-sound') },
          ];
          expect(await layoutProblems(page, targets)).toEqual([]);
          await page.close();
        });
      }

      for (const [orientation, viewport] of [
        ['landscape', LANDSCAPE],
        ['portrait', PORTRAIT],
      ] as const) {
        it(`${orientation} kiosk (${lang}): every service, the priority option and the ticket on screen, apart`, async () => {
          const page = await open(`/kiosk/?store=demo&lang=${lang}`, viewport);
          const services = page.locator('lc-service-picker button.service');
          await services.first().waitFor(WAIT);
          expect(await layoutProblems(page, kioskStart(page))).toEqual([]);
          if (lang === 'en') expect(await wordStaysWhole(services.nth(2), 'Personalisation')).toBe(true);

          await page.locator('lc-service-picker button.switch').click();
          await services.nth(2).click();
          const card = page.locator('lc-ticket-card');
          await card.getByTestId('ticket-number').waitFor(WAIT);
          expect(
            await layoutProblems(page, [
              { name: 'language button', locator: page.locator('lc-language-button') },
              { name: 'number', locator: card.locator('.number-box') },
              { name: 'facts', locator: card.locator('dl') },
              { name: 'QR code', locator: card.locator('figure.qr') },
              { name: 'button', locator: card.locator('.actions button') },
            ]),
          ).toEqual([]);
          await page.close();
        });
      }

      it(`joining from a phone (${lang}): every service and the priority option fit the phone's width, apart`, async () => {
        const page = await open(`/kiosk/?store=demo&mode=phone&lang=${lang}`, { width: 360, height: 740 });
        await page.locator('lc-service-picker button.service').first().waitFor(WAIT);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        expect(await layoutProblems(page, kioskStart(page), { scrolls: true })).toEqual([]);
        if (lang === 'en') {
          const services = page.locator('lc-service-picker button.service');
          expect(await wordStaysWhole(services.nth(2), 'Personalisation')).toBe(true);
        }
        await page.close();
      });

      it(`phone page (${lang}): nothing overlaps and nothing is wider than the phone`, async () => {
        const { token } = await issue('personalisation', true);
        const page = await open(`/t/${token}?lang=${lang}`, { width: 360, height: 740 });
        await page.getByTestId('ticket-number').waitFor(WAIT);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        const targets: Target[] = [
          { name: 'store name', locator: page.locator('lc-phone-ticket header .store') },
          { name: 'language button', locator: page.locator('lc-phone-ticket header lc-language-button') },
          { name: 'number', locator: page.getByTestId('ticket-number') },
          { name: 'service', locator: page.locator('lc-phone-ticket .service') },
          { name: 'fact', locator: page.locator('lc-phone-ticket dl > div') },
          { name: 'alert setting', locator: page.locator('lc-notify-ahead') },
          { name: 'leave', locator: page.locator('lc-leave-line') },
        ];
        expect(await layoutProblems(page, targets, { scrolls: true })).toEqual([]);
        await page.close();
      });
    }
  });
});

/** The kiosk's start screen: what a customer must be able to reach. */
function kioskStart(page: Page): Target[] {
  return [
    { name: 'store name', locator: page.locator('lc-kiosk-app header .store') },
    { name: 'language button', locator: page.locator('lc-language-button') },
    { name: 'title', locator: page.locator('lc-service-picker h1') },
    { name: 'service', locator: page.locator('lc-service-picker button.service') },
    { name: 'priority option', locator: page.locator('lc-service-picker button.switch') },
  ];
}
