import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** One join and one feedback try per two minutes, so a refusal says "2 minutes"; the clock stands still. */
const LIMITS = {
  phoneJoinPerAddress: { max: 1, windowSec: 120 },
  feedbackPerTicket: { max: 1, windowSec: 120 },
};

describe('a phone refused by a rate limit', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let operator: string;
  beforeAll(async () => {
    const now = Date.parse('2026-06-03T10:00Z');
    [server, browser] = await Promise.all([startTestServer({ clock: () => now, rateLimits: LIMITS }), launchBrowser()]);
    operator = await server.cookieFor('operator');
    expect((await server.api('POST', '/api/stores/demo/counters/c1/open', {}, operator)).status).toBe(200);
    // This machine's address has just joined once: its budget is spent.
    expect((await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A ticket taken at the counter (staff are not limited) and served, ready for feedback. */
  async function servedTicket(): Promise<string> {
    const taken = await fetch(`${server.url}/api/stores/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: operator, origin: server.url },
      body: JSON.stringify({ serviceId: 'returns' }),
    });
    const { ticket } = (await taken.json()) as { ticket: { token: string; number: string } };
    for (;;) {
      const { body } = await server.api('POST', '/api/stores/demo/counters/c1/call-next', {}, operator);
      await server.api('POST', '/api/stores/demo/counters/c1/complete', {}, operator);
      if (!body.ticket || body.ticket.number === ticket.number) return ticket.token;
    }
  }

  for (const [locale, join, feedback] of [
    ['en-GB', /Try again in 2 minutes/, /Try again in 2 minutes/],
    ['zh-CN', /请 2 分钟后再试/, /请 2 分钟后再试/],
  ] as const) {
    it(`says how long to wait before joining again, in words (${locale})`, async () => {
      const context = await browser.newContext({ locale, viewport: { width: 360, height: 780 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/kiosk/?store=demo&mode=phone`);
      await page.locator('lc-service-picker button.service').first().click();
      await expect.poll(() => page.getByTestId('problem').innerText(), { timeout: 30_000 }).toMatch(join);
      await context.close();
    });

    it(`says how long to wait before rating the visit again, in words (${locale})`, async () => {
      const token = await servedTicket();
      // A first, malformed try from elsewhere spent this ticket's budget.
      expect((await server.api('POST', `/api/tickets/${token}/feedback`, { csat: 42 })).status).toBe(422);
      const context = await browser.newContext({ locale, viewport: { width: 360, height: 780 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/t/${token}`);
      await page.locator('lc-feedback-form button.face').first().click();
      const alert = page.locator('lc-feedback-form p[role="alert"]');
      await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toMatch(feedback);
      expect((await server.api('GET', `/api/tickets/${token}`)).body.ticket.feedbackGiven).toBe(false);
      await context.close();
    });
  }
});
