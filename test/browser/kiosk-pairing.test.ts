import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an unpaired kiosk of a store without phone joining shows a pairing code, then takes tickets once paired', async () => {
  const manager = await server.cookieFor('manager');
  const patched = await server.api('PATCH', '/api/admin/stores/demo', { allowPhoneJoin: false }, manager);
  expect(patched.status).toBe(200);
  expect((await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).status).toBe(401);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/kiosk/?store=demo`);
  const code = (await page.locator('lc-pairing-code .code').textContent())?.trim() ?? '';
  expect(code).not.toBe('');
  expect(await page.locator('lc-service-picker').count()).toBe(0);

  const paired = await server.api(
    'POST',
    '/api/admin/stores/demo/devices/pair',
    { code, name: 'Entrance kiosk' },
    manager,
  );
  expect(paired.status).toBe(201);
  await page.locator('lc-service-picker button.service').first().click();
  const number = await page.locator('lc-ticket-card').getByTestId('ticket-number').textContent();
  expect(number?.trim()).toMatch(/^A\d{3}$/);

  await page.reload(); // the device token survives a restart of the kiosk
  await page.locator('lc-service-picker button.service').first().waitFor();
  await context.close();
});
