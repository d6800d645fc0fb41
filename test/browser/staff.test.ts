import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts } from '../../shared/time.ts';
import { launchBrowser } from '../support/browser.ts';
import { parseCsv } from '../support/reports/csv-parse.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { fillControl, setChecked } from './controls-support.ts';

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

/** A page in a fresh English browser context, optionally already signed in with `cookie`. */
async function newPage(cookie?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
  }
  return context.newPage();
}

const today = () => localParts(Date.now(), 'Asia/Shanghai').day;

async function issue(serviceId: string) {
  const res = await server.api('POST', '/api/stores/demo/tickets', { serviceId });
  expect(res.status).toBe(201);
  return res.body.ticket as { id: string; number: string };
}

async function summary(cookie: string) {
  const day = today();
  const res = await server.api('GET', `/api/stores/demo/reports/summary?from=${day}&to=${day}`, undefined, cookie);
  expect(res.status).toBe(200);
  return res.body as {
    overall: { issued: number; served: number; noShows: number; cancelled: number; waiting: number };
  };
}

describe('staff app', () => {
  /**
   * Presses an action's key once its button is enabled: while the last action is in flight the
   * terminal ignores keys, and its socket may show the result a moment before the answer arrives.
   */
  const press = async (page: Page, key: string, action: string) => {
    await page.locator(`[data-testid="action-${action}"]:not([disabled])`).waitFor();
    await page.keyboard.press(key);
  };

  it('an operator works a counter with the keyboard only, and the dashboard follows live', {
    timeout: 60_000,
  }, async () => {
    const manager = await server.cookieFor('manager');
    await server.cookieFor('operator'); // creates test-operator
    const first = await issue('pickup');
    const second = await issue('returns');

    const dashboard = await newPage(manager);
    await dashboard.goto(`${server.url}/staff/#dashboard`);
    await dashboard.locator('[data-testid="waiting-now"]').filter({ hasText: '2' }).waitFor();

    const page = await newPage();
    await page.goto(`${server.url}/staff/`);
    await page.locator('input[name="username"]').waitFor();
    await page.keyboard.type('test-operator');
    await page.keyboard.press('Tab');
    await page.keyboard.type('operator-password-123');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="counter-c1"]').waitFor();
    await expect(page.locator('[data-testid="nav-dashboard"]').count()).resolves.toBe(0);

    const status = page.locator('[data-testid="counter-status"]');
    const current = page.locator('[data-testid="current-ticket"]');
    const ticketStatus = page.locator('[data-testid="ticket-status"]');
    await page.keyboard.press('1');
    await status.filter({ hasText: 'Closed' }).waitFor();
    await press(page, 'o', 'open');
    await status.filter({ hasText: 'Open' }).waitFor();
    await page.locator('[data-testid="waiting-for-counter"]').filter({ hasText: '2' }).waitFor();

    await press(page, 'n', 'callNext');
    await current.filter({ hasText: first.number }).waitFor();
    await ticketStatus.filter({ hasText: 'Called' }).waitFor();
    await press(page, 'r', 'recall');
    await page.locator('[data-testid="recalls"]').filter({ hasText: '1' }).waitFor();
    await press(page, 's', 'start');
    await ticketStatus.filter({ hasText: 'Serving' }).waitFor();
    await press(page, 'c', 'complete');
    await current.filter({ hasText: '—' }).waitFor();
    await page.locator('[data-testid="my-served"]').filter({ hasText: '1' }).waitFor();

    await press(page, ' ', 'callNext');
    await current.filter({ hasText: second.number }).waitFor();
    await press(page, 'x', 'noShow');
    await current.filter({ hasText: '—' }).waitFor();
    await page.locator('[data-testid="my-no-shows"]').filter({ hasText: '1' }).waitFor();

    // The dashboard, never reloaded, shows the same figures as the reports API.
    await dashboard.locator('[data-testid="served-today"]').filter({ hasText: /^1$/ }).waitFor();
    await dashboard.locator('[data-testid="no-shows-today"]').filter({ hasText: /^1$/ }).waitFor();
    await dashboard.locator('[data-testid="waiting-now"]').filter({ hasText: /^0$/ }).waitFor();
    const { overall } = await summary(manager);
    expect(overall).toMatchObject({ served: 1, noShows: 1, waiting: 0 });
    expect(await dashboard.locator('[data-testid="served-today"]').textContent()).toBe(String(overall.served));
    expect(await dashboard.locator('[data-testid="no-shows-today"]').textContent()).toBe(String(overall.noShows));
    expect(await dashboard.locator('[data-testid="waiting-now"]').textContent()).toBe(String(overall.waiting));
    await dashboard
      .locator('[data-testid="counter-table"] tr[data-counter="c1"]')
      .filter({ hasText: 'Open' })
      .waitFor();
  });

  it('transfer, pause and close are one key each too', { timeout: 60_000 }, async () => {
    const operator = await server.cookieFor('operator');
    const ticket = await issue('returns');
    const page = await newPage(operator);
    await page.goto(`${server.url}/staff/`);
    await page.locator('[data-testid="counter-c4"]').waitFor();
    await page.keyboard.press('4');
    const status = page.locator('[data-testid="counter-status"]');
    await status.filter({ hasText: 'Closed' }).waitFor();
    await press(page, 'o', 'open');
    await status.filter({ hasText: 'Open' }).waitFor();
    await press(page, 'n', 'callNext');
    await page.locator('[data-testid="current-ticket"]').filter({ hasText: ticket.number }).waitFor();
    await press(page, 't', 'transfer');
    await page.locator('[data-testid="transfer-pickup"]').waitFor();
    await page.keyboard.press('1');
    await page.locator('[data-testid="current-ticket"]').filter({ hasText: '—' }).waitFor();
    const after = await server.api('GET', '/api/stores/demo/queue');
    expect(after.body.waiting).toContainEqual(
      expect.objectContaining({ id: ticket.id, serviceId: 'pickup', status: 'waiting' }),
    );

    await press(page, 'p', 'pause');
    await page.locator('[data-testid="pause-reason"]').waitFor();
    await page.keyboard.type('Lunch break');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: 'Paused' }).waitFor();
    await page.getByText('Lunch break').waitFor();
    await press(page, 'q', 'close');
    await status.filter({ hasText: 'Closed' }).waitFor();
  });

  it('a manager adds a service and a counter, pairs a screen by its code, and the kiosk offers the service', {
    timeout: 60_000,
  }, async () => {
    const manager = await server.cookieFor('manager');
    const page = await newPage(manager);
    await page.goto(`${server.url}/staff/#admin/services`);
    await fillControl(page.locator('[data-testid="service-id"]'), 'giftwrap');
    await fillControl(page.locator('[data-testid="service-code"]'), 'G');
    await fillControl(page.locator('[data-testid="service-en"]'), 'Gift wrapping');
    await fillControl(page.locator('[data-testid="service-zh"]'), '礼品包装');
    await page.locator('[data-testid="service-add"]').click();
    await page.locator('tr[data-service="giftwrap"]').waitFor();

    await page.locator('[data-testid="tab-counters"]').click();
    await fillControl(page.locator('[data-testid="counter-name"]'), 'Gift desk');
    await setChecked(page.locator('[data-testid="counter-form"] [data-testid="counter-svc-giftwrap"]'), true);
    await page.locator('[data-testid="counter-add"]').click();
    await page.locator('lc-admin-counters [data-testid="admin-notice"]').waitFor();
    const config = await server.api('GET', '/api/stores/demo');
    expect(config.body.counters).toContainEqual(
      expect.objectContaining({ name: 'Gift desk', serviceIds: ['giftwrap'] }),
    );

    const pairing = await server.api('POST', '/api/devices/pairing', { store: 'demo', kind: 'signage' });
    await page.locator('[data-testid="tab-devices"]').click();
    await fillControl(page.locator('[data-testid="pair-code"]'), pairing.body.code);
    await fillControl(page.locator('[data-testid="pair-name"]'), 'Window screen');
    await page.locator('[data-testid="pair-submit"]').click();
    await page.locator('[data-testid="device-list"] tr').filter({ hasText: 'Window screen' }).waitFor();
    expect((await server.api('GET', `/api/devices/pairing/${pairing.body.pairingId}`)).body.status).toBe('paired');

    const kiosk = await newPage();
    await kiosk.goto(`${server.url}/kiosk/?store=demo`);
    await kiosk.getByText('Gift wrapping').first().waitFor();
  });

  it('an operator cannot reach the manager pages', async () => {
    const operator = await server.cookieFor('operator');
    const page = await newPage(operator);
    for (const hash of ['dashboard', 'reports', 'admin', 'admin/users']) {
      await page.goto(`${server.url}/staff/#${hash}`);
      await page.locator('[data-testid="forbidden"]').waitFor();
      expect(await page.locator('lc-dashboard, lc-reports-page, lc-admin-page').count()).toBe(0);
    }
    expect(await page.locator('[data-testid^="nav-"]').allTextContents()).toEqual(['Counter']);
  });

  it('an expired session returns to sign-in, and every page speaks Chinese on request', async () => {
    await server.cookieFor('manager'); // creates test-manager
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'test-manager', password: 'manager-password-123' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const page = await newPage(cookie);
    await page.goto(`${server.url}/staff/#dashboard`);
    await page.locator('[data-testid="waiting-now"]').waitFor();
    await page.locator('[data-testid="language"]').click();
    await page.locator('[data-testid="nav-dashboard"]').filter({ hasText: '看板' }).waitFor();
    await page.getByText('当前等候').waitFor();
    await page.locator('[data-testid="language"]').click();

    await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    await page.locator('[data-testid="nav-reports"]').click();
    await page.getByText('Your session has ended').waitFor();
    await page.locator('input[name="username"]').waitFor();
  });

  it('the CSV export from the reports page parses and its totals equal the summary', { timeout: 60_000 }, async () => {
    const manager = await server.cookieFor('manager');
    const operator = await server.cookieFor('operator');
    await issue('personalisation');
    await issue('personalisation');
    await server.api('POST', '/api/stores/demo/counters/c2/open', undefined, operator);
    await server.api('POST', '/api/stores/demo/counters/c2/call-next', undefined, operator);
    await server.api('POST', '/api/stores/demo/counters/c2/complete', undefined, operator);
    const page = await newPage(manager);
    await page.goto(`${server.url}/staff/#reports`);
    await page.locator('[data-testid="report-overall"]').waitFor();
    const href = await page.locator('[data-testid="csv-link"]').getAttribute('href');
    expect(href).toMatch(/\/reports\/tickets\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const res = await fetch(server.url + href, { headers: { cookie: manager } });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    const status = header!.indexOf('status');
    const from = new URL(server.url + href).searchParams;
    const sum = (
      await server.api(
        'GET',
        `/api/stores/demo/reports/summary?from=${from.get('from')}&to=${from.get('to')}`,
        undefined,
        manager,
      )
    ).body;
    expect(rows.length).toBe(sum.overall.issued);
    expect(rows.filter((r) => r[status] === 'done').length).toBe(sum.overall.served);
    expect(rows.filter((r) => r[status] === 'no_show').length).toBe(sum.overall.noShows);
    expect(rows.filter((r) => r[status] === 'cancelled').length).toBe(sum.overall.cancelled);
    expect(sum.overall.issued).toBeGreaterThanOrEqual(2);
    expect(sum.overall.served).toBeGreaterThanOrEqual(1);
    const overall = page.locator('[data-testid="report-overall"] tr').nth(1).locator('td');
    expect(await overall.nth(0).textContent()).toBe(String(sum.overall.issued));
  });

  it('a manager adds a webhook for the events ticked, and turns it off', { timeout: 60_000 }, async () => {
    const manager = await server.cookieFor('manager');
    const page = await newPage(manager);
    await page.goto(`${server.url}/staff/#admin/webhooks`);
    const form = page.getByTestId('webhook-form');
    const url = 'https://hooks.example/linecast';
    await fillControl(form.locator('sl-input[name="url"]'), url);
    await setChecked(form.locator('sl-checkbox[value="ticket:called"]'), true);
    await setChecked(form.locator('sl-checkbox[value="ticket:recalled"]'), true);
    await form.locator('sl-button[type="submit"]').click();
    const row = page.getByTestId('webhooks').locator('tr').filter({ hasText: url });
    await row.waitFor();
    const listed = async () =>
      (await server.api('GET', '/api/admin/stores/demo/webhooks', undefined, manager)).body.webhooks.find(
        (w: { url: string }) => w.url === url,
      );
    expect(await listed()).toMatchObject({ events: ['ticket:called', 'ticket:recalled'], active: true });
    await row.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(async () => (await listed()).active).toBe(false);
  });
});
