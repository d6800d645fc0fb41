import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketDto } from '../../shared/domain.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { fillControl } from './controls-support.ts';
import { decodeQr } from './kiosk-support.ts';

const PUBLIC_URL = 'https://queue.shop.example';

// A kiosk whose browser opens the server locally must still give phones an address they can reach.
describe('the address phones are given', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ publicUrl: `${PUBLIC_URL}/` }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Takes a ticket at the kiosk and reads its QR code as a phone camera would. */
  const scanTicket = async (page: Page): Promise<{ ticket: TicketDto; scanned: string | null }> => {
    await page.goto(`${server.url}/kiosk/?store=demo`);
    const issued = page.waitForResponse((r) => r.url().endsWith('/api/stores/demo/tickets') && r.ok());
    await page.locator('lc-service-picker button.service').first().click();
    const { ticket } = (await (await issued).json()) as { ticket: TicketDto };
    const qr = page.locator('lc-ticket-card figure.qr lc-qr-code');
    await qr.waitFor();
    return { ticket, scanned: await decodeQr(qr) };
  };

  it("encodes PUBLIC_URL in the kiosk's QR code, and a store's own public address over it", async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const first = await scanTicket(page);
    expect(first.scanned).toBe(`${PUBLIC_URL}/t/${first.ticket.token}`);

    // The manager sets the store's own address in the staff app.
    const manager = await server.cookieFor('manager');
    const own = 'https://north.shop.example/queue';
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const [name, value] = manager.split('=') as [string, string];
    await staff.addCookies([{ name, value, url: server.url }]);
    const admin = await staff.newPage();
    await admin.goto(`${server.url}/staff/#admin/store`);
    await fillControl(admin.getByTestId('store-public-url'), own);
    await admin.locator('[data-testid="store-form"] button[type="submit"]').click();
    await expect.poll(async () => (await server.api('GET', '/api/stores/demo')).body.publicUrl).toBe(own);
    await staff.close();
    const second = await scanTicket(page);
    expect(second.scanned).toBe(`${own}/t/${second.ticket.token}`);

    // Back to the server's setting.
    expect((await server.api('PATCH', '/api/admin/stores/demo', { publicUrl: null }, manager)).status).toBe(200);
    const third = await scanTicket(page);
    expect(third.scanned).toBe(`${PUBLIC_URL}/t/${third.ticket.token}`);
    await page.close();
  });

  it('refuses a store public address a phone could not open, and changes nothing', async () => {
    const manager = await server.cookieFor('manager');
    for (const bad of ['ftp://shop.example', 'queue.shop.example', 'https://shop.example/?a=1']) {
      const res = await server.api('PATCH', '/api/admin/stores/demo', { publicUrl: bad }, manager);
      expect(res.status, bad).toBeGreaterThanOrEqual(400);
      expect(res.status, bad).toBeLessThan(500);
      expect(res.body.error.message).toBeTruthy();
    }
    expect((await server.api('GET', '/api/stores/demo')).body.publicUrl).toBeNull();
  });
});
