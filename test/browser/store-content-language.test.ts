import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Conditions are awaited, not timed: only an upper bound before giving up. */
const WAIT = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
let manager: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  manager = await server.cookieFor('manager');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function call(method: string, path: string, body: unknown) {
  const res = await server.api(method, path, body, manager);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

async function open(path: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(server.url + path);
  return page;
}

it('the store name, a slide and a broadcast show in the language the customer chose on kiosk, phone and board', {
  timeout: 90_000,
}, async () => {
  await call('PATCH', '/api/admin/stores/demo', { name: { en: 'Corner Shop', 'zh-Hans': '街角店' } });
  await call('POST', '/api/admin/stores/demo/signage', {
    kind: 'text',
    text: { en: 'Spring sale', 'zh-Hans': '春季促销' },
    durationSec: 600,
  });

  // Kiosk: the name follows the language button.
  const kiosk = await open('/kiosk/?store=demo&lang=zh-Hans', { width: 1080, height: 1920 });
  const storeName = kiosk.locator('lc-kiosk-app header .store');
  await storeName.filter({ hasText: '街角店' }).waitFor(WAIT);
  await kiosk.locator('lc-language-button button').click();
  await storeName.filter({ hasText: 'Corner Shop' }).waitFor(WAIT);

  // Phone: the ticket page of a customer who chose Chinese.
  const issued = await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup', language: 'zh-Hans' });
  const phone = await open(`/t/${issued.body.ticket.token}?lang=zh-Hans`, { width: 360, height: 740 });
  await phone.locator('header .store').filter({ hasText: '街角店' }).waitFor(WAIT);

  // Boards in each language: the name and the slide, then the broadcast.
  const zh = await open('/signage/?store=demo&layout=board&lang=zh-Hans');
  const en = await open('/signage/?store=demo&layout=board&lang=en');
  await zh.locator('lc-board h1').filter({ hasText: '街角店' }).waitFor(WAIT);
  await en.locator('lc-board h1').filter({ hasText: 'Corner Shop' }).waitFor(WAIT);
  await zh.getByTestId('media').filter({ hasText: '春季促销' }).waitFor(WAIT);
  await en.getByTestId('media').filter({ hasText: 'Spring sale' }).waitFor(WAIT);

  await call('POST', '/api/admin/stores/demo/broadcasts', {
    message: { en: 'Closing at nine tonight', 'zh-Hans': '今晚九点打烊' },
    durationMin: 5,
  });
  await zh.getByTestId('broadcast').filter({ hasText: '今晚九点打烊' }).waitFor(WAIT);
  await en.getByTestId('broadcast').filter({ hasText: 'Closing at nine tonight' }).waitFor(WAIT);
  for (const page of [kiosk, phone, zh, en]) await page.close();
});
