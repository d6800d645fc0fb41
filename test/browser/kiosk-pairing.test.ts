import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeviceStatusPayload } from '../../shared/protocol.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** An upper bound for the device list to hear from the kiosk, not a timing: it reports on joining. */
const WAIT = { timeout: 10_000 };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an unpaired kiosk of a store without phone joining shows a pairing code and reports online, then takes tickets and reports under its name once paired', async () => {
  const manager = await server.cookieFor('manager');
  const patched = await server.api('PATCH', '/api/admin/stores/demo', { allowPhoneJoin: false }, manager);
  expect(patched.status).toBe(200);
  expect((await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).status).toBe(401);

  // What the manager's device list hears: the only kiosk here is this test's.
  const staff = io(server.url, { extraHeaders: { cookie: manager }, transports: ['websocket'] });
  const statuses: DeviceStatusPayload[] = [];
  staff.on('devices:status', (p) => statuses.push(p));
  staff.emit('join', { store: 'demo', staff: true });
  const kiosks = () => statuses.at(-1)?.devices.filter((d) => d.kind === 'kiosk') ?? [];

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/kiosk/?store=demo`);
    const code = (await page.locator('lc-pairing-code .code').textContent())?.trim() ?? '';
    expect(code).not.toBe('');
    expect(await page.locator('lc-service-picker').count()).toBe(0);
    await expect.poll(() => kiosks().find((d) => d.id === null), WAIT).toMatchObject({ status: 'online' }); // unpaired

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
    await expect
      .poll(() => kiosks().find((d) => d.name === 'Entrance kiosk'), WAIT)
      .toMatchObject({ status: 'online' });

    await page.reload(); // the device token survives a restart of the kiosk
    await page.locator('lc-service-picker button.service').first().waitFor();
  } finally {
    staff.close();
    await context.close();
  }
});
