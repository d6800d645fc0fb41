import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.ts';
import { chooseOption, fillControl, setChecked } from './controls-support.ts';

/** Conditions are awaited, not timed: only an upper bound before giving up. */
const WAIT = { timeout: 20_000 };

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/staff/`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press('Enter');
  await page.getByTestId('sign-out').waitFor(WAIT);
}

/** Goes to an admin tab by its link, as a person would. */
async function tab(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`tab-${name}`).click();
}

async function notice(page: Page): Promise<void> {
  await page.getByTestId('admin-notice').waitFor(WAIT);
}

it('an admin sets up a second store, its manager and a paired kiosk entirely in the staff app, and the kiosk takes a ticket', {
  timeout: 120_000,
}, async () => {
  const admin = await newPage();
  await signIn(admin, 'admin', ADMIN_PASSWORD);

  // The store, with its name in both languages and a zone from the IANA list.
  await tab(admin, 'chain');
  await fillControl(admin.getByTestId('new-store-slug'), 'north');
  await fillControl(admin.getByTestId('new-store-name-en'), 'North Street');
  await fillControl(admin.getByTestId('new-store-name-zh-Hans'), '北街店');
  await chooseOption(admin.getByTestId('time-zone'), 'Europe/London');
  await admin.getByTestId('new-store-submit').click();
  await notice(admin);
  await admin.getByTestId('open-store-north').click();
  await admin.locator('header strong').filter({ hasText: 'North Street' }).waitFor(WAIT);
  expect(await admin.getByTestId('store-switch').locator('option').allInnerTexts()).toEqual(
    expect.arrayContaining(['North Street', 'Linecast Demo Store']),
  );

  // A service: its id field's pattern is one Chromium compiles (with the `v` flag) and applies.
  await tab(admin, 'services');
  const id = admin.getByTestId('service-id');
  await fillControl(id, 'Not an id!');
  expect(await id.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
  await fillControl(id, 'help-desk');
  expect(await id.evaluate((input: HTMLInputElement) => input.checkValidity())).toBe(true);
  await fillControl(admin.getByTestId('service-code'), 'H');
  await fillControl(admin.getByTestId('service-en'), 'Help desk');
  await fillControl(admin.getByTestId('service-zh'), '服务台');
  expect(await admin.getByTestId('service-en').getAttribute('maxlength')).toBe('80');
  await admin.getByTestId('service-add').click();
  await admin.locator('tr[data-service="help-desk"]').waitFor(WAIT);

  await tab(admin, 'counters');
  await fillControl(admin.getByTestId('counter-name'), 'Desk 1');
  await setChecked(admin.getByTestId('counter-svc-help-desk'), true);
  await admin.getByTestId('counter-add').click();
  await admin.locator('tr[data-counter]').waitFor(WAIT);

  // Its manager, placed in this store only.
  await tab(admin, 'users');
  await fillControl(admin.getByTestId('user-name'), 'north-manager');
  await fillControl(admin.getByTestId('user-password'), 'north-password-1');
  await chooseOption(admin.getByTestId('user-role'), 'manager');
  await setChecked(admin.getByTestId('user-store-new-north'), true);
  await setChecked(admin.getByTestId('user-store-new-demo'), false);
  await admin.getByTestId('user-add').click();
  await admin.locator('tr[data-user="north-manager"]').waitFor(WAIT);
  const users = await server.api('GET', '/api/admin/users', undefined, await server.cookieFor('admin'));
  const created = users.body.users.find((u: { username: string }) => u.username === 'north-manager');
  expect(created).toMatchObject({ role: 'manager', storeIds: ['north'] });

  // The manager signs in and lands in their store; they pair the kiosk by the code it shows.
  const manager = await newPage();
  await signIn(manager, 'north-manager', 'north-password-1');
  await manager.locator('header strong').filter({ hasText: 'North Street' }).waitFor(WAIT);
  await tab(manager, 'devices');
  const kioskUrl = (await manager.getByTestId('pair-kiosk-url').innerText()).trim();
  expect(kioskUrl).toBe(`${server.url}/kiosk/?store=north&pair=1`);

  const kiosk = await newPage({ width: 1080, height: 1920 });
  await kiosk.goto(kioskUrl);
  const code = (await kiosk.locator('lc-pairing-code .code').innerText()).trim();
  expect(code).toMatch(/^\d{6}$/);
  await fillControl(manager.getByTestId('pair-code'), code);
  await fillControl(manager.getByTestId('pair-name'), 'North entrance');
  await manager.getByTestId('pair-submit').click();
  await notice(manager);
  // The list follows the device's own report: no reload.
  await manager
    .locator('tr[data-device]')
    .filter({ hasText: 'North entrance' })
    .getByTestId('device-status')
    .filter({ hasText: 'Online' })
    .waitFor(WAIT);

  await kiosk.locator('lc-service-picker button.service').filter({ hasText: 'Help desk' }).click();
  const number = await kiosk.locator('lc-ticket-card').getByTestId('ticket-number').innerText();
  expect(number.trim()).toBe('H001');
  expect(await kiosk.locator('lc-ticket-card .store').innerText()).toBe('North Street');
  const queue = await server.api('GET', '/api/stores/north/queue');
  expect(queue.body.waiting.map((t: { number: string }) => t.number)).toEqual(['H001']);
});

it('a kiosk where phones may join shows its pairing code when asked, and a store deactivated in the staff app stops its kiosk', {
  timeout: 90_000,
}, async () => {
  const kiosk = await newPage({ width: 1080, height: 1920 });
  await kiosk.goto(`${server.url}/kiosk/?store=demo`);
  await kiosk.locator('lc-service-picker button.service').first().waitFor(WAIT); // works unpaired
  await kiosk.goto(`${server.url}/kiosk/?store=demo&pair=1`);
  const code = (await kiosk.locator('lc-pairing-code .code').innerText()).trim();
  const paired = await server.api(
    'POST',
    '/api/admin/stores/demo/devices/pair',
    { code, name: 'Demo entrance' },
    await server.cookieFor('manager'),
  );
  expect(paired.status).toBe(201);
  await kiosk.locator('lc-service-picker button.service').first().waitFor(WAIT);

  const admin = await newPage();
  await signIn(admin, 'admin', ADMIN_PASSWORD);
  await admin.goto(`${server.url}/staff/?store=demo#admin/chain`);
  await admin.getByTestId('store-active-north').click();
  // Deactivating asks first, in a modal dialog: "cancel" changes nothing.
  await admin.getByTestId('confirm-no').click();
  await admin.locator('lc-confirm-dialog').waitFor({ state: 'detached' });
  expect((await server.api('GET', '/api/stores/north')).body.active).toBe(true);
  await admin.getByTestId('store-active-north').click();
  await admin.getByTestId('confirm-yes').click();
  await admin
    .locator('tr[data-store="north"]')
    .filter({ hasText: /\bInactive\b/ })
    .waitFor(WAIT);
  expect(await admin.getByTestId('store-switch').locator('option[value="north"]').innerText()).toBe(
    'North Street (inactive)',
  );
  const north = await newPage({ width: 1080, height: 1920 });
  await north.goto(`${server.url}/kiosk/?store=north`);
  await north.getByTestId('problem').filter({ hasText: 'ask a member of staff' }).waitFor(WAIT);
  expect(await north.locator('lc-service-picker').count()).toBe(0);

  await admin.getByTestId('store-active-north').click();
  await admin
    .locator('tr[data-store="north"]')
    .filter({ hasText: /\bActive\b/ })
    .waitFor(WAIT);
  expect((await server.api('GET', '/api/stores/north')).body.active).toBe(true);
});
