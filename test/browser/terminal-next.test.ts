import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

describe('the counter terminal', () => {
  it('shows as "next" the ticket the server then calls, where the priority ratio decides', {
    timeout: 90_000,
  }, async () => {
    const operator = await server.cookieFor('operator');
    const issue = async (priority: boolean) => {
      const res = await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup', priority });
      expect(res.status).toBe(201);
      return res.body.ticket as { id: string; number: string; priority: boolean };
    };
    // The demo store allows 2 priority calls in a row while a normal ticket waits: the normal
    // ticket, first to join, is called third, while a priority ticket still waits behind it.
    const normal = await issue(false);
    const priority = [await issue(true), await issue(true), await issue(true)];

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const [name, value] = operator.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/`);
    await page.locator('[data-testid="counter-c1"]').waitFor();
    await page.keyboard.press('1');
    const status = page.locator('[data-testid="counter-status"]');
    await status.filter({ hasText: 'Closed' }).waitFor();
    await page.keyboard.press('o');
    await status.filter({ hasText: 'Open' }).waitFor();

    const next = page.locator('[data-testid="next-ticket"]');
    const current = page.locator('[data-testid="current-ticket"]');
    const shown: string[] = [];
    const called: string[] = [];
    for (let step = 0; step < 4; step++) {
      // The terminal has caught up once it shows what the server says now.
      const answer = await server.api('GET', '/api/stores/demo/counters/c1/next', undefined, operator);
      const expected = answer.body.next as { ticketId: string; number: string };
      await page.locator(`[data-testid="next-ticket"][data-ticket-id="${expected.ticketId}"]`).waitFor();
      const number = (await next.textContent())?.split(' · ')[0]?.trim() ?? '';
      shown.push(number);
      await page.keyboard.press('n');
      await current.filter({ hasText: number }).waitFor();
      const queue = await server.api('GET', '/api/stores/demo/queue');
      const atCounter = queue.body.counters.find((c: { id: string }) => c.id === 'c1');
      called.push(atCounter.currentTicketNumber);
    }
    expect(called).toEqual(shown);
    expect(called).toEqual([priority[0]!.number, priority[1]!.number, normal.number, priority[2]!.number]);
    await next.filter({ hasText: '—' }).waitFor();
  });
});
