import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phoneMessages } from '../../kiosk/src/i18n/phone-messages.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { HAN, leftoverEnglish, visibleStrings } from './kiosk-support.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
let operator: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  operator = await server.cookieFor('operator');
  expect((await server.api('POST', '/api/stores/demo/counters/c1/open', {}, operator)).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let pageLog: string[] = [];

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'en-GB' });
  page = await context.newPage();
  pageLog = [];
  page.on('console', (m) => pageLog.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => pageLog.push(`pageerror: ${e.message}`));
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    // What the customer saw when it failed: far more telling than a timeout.
    console.log(`[${page.url()}] shows: ${(await visibleStrings(page)).join(' | ')}\n${pageLog.join('\n')}`);
  }
  await page.context().close();
});

async function takeTicket(serviceId = 'pickup'): Promise<{ token: string; number: string; id: string }> {
  const { status, body } = await server.api('POST', '/api/stores/demo/tickets', { serviceId });
  expect(status).toBe(201);
  return body.ticket;
}

/** Calls tickets at c1 until `number` is called (finishing the ones before it). */
async function callUntil(number: string): Promise<void> {
  for (;;) {
    const { body } = await server.api('POST', '/api/stores/demo/counters/c1/call-next', {}, operator);
    if (!body.ticket || body.ticket.number === number) return;
    await server.api('POST', '/api/stores/demo/counters/c1/complete', {}, operator);
  }
}

/** "Join from your phone": the store's QR opens the kiosk in phone mode, which moves on to the ticket page. */
async function joinFromPhone(service: string): Promise<{ token: string; number: string }> {
  await page.goto(`${server.url}/kiosk/?store=demo&mode=phone`);
  await page.locator('lc-service-picker button.service').filter({ hasText: service }).click();
  await page.waitForURL(/\/t\/[\w-]+$/);
  const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
  return { token: new URL(page.url()).pathname.slice(3), number };
}

const storeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('phone ticket page', () => {
  it('shows the call made at a counter, then the feedback form, whose answer reaches the reports', async () => {
    const ticket = await joinFromPhone('Pick-up');
    expect(ticket.number).toMatch(/^A\d{3}$/);

    await callUntil(ticket.number);
    const alert = page.getByTestId('turn-alert');
    await expect.poll(() => alert.textContent()).toContain('Go to Counter 1');
    expect(await alert.textContent()).toContain("It's your turn");
    await page.waitForFunction(() => document.title.includes("It's your turn"));

    await server.api('POST', '/api/stores/demo/counters/c1/complete', {}, operator);
    const form = page.locator('lc-feedback-form');
    await form.getByText('How was your visit?').waitFor();
    await form.getByText('Tell us more (optional)').click();
    await form.getByRole('button', { name: '9', exact: true }).first().click();
    await form.locator('[data-csat="5"]').click();
    await page.getByTestId('thanks').waitFor();

    const manager = await server.cookieFor('manager');
    const today = storeToday();
    const { body } = await server.api(
      'GET',
      `/api/stores/demo/reports/summary?from=${today}&to=${today}`,
      undefined,
      manager,
    );
    expect(body.overall.csatCount).toBe(1);
    expect(body.overall.csat).toBe(5);
    expect(body.overall.npsCount).toBe(1);

    await page.reload();
    await page.getByTestId('thanks').waitFor();
    expect(await page.locator('lc-feedback-form').count()).toBe(0);
  });

  it('leaves the line only after the customer confirms', async () => {
    const ticket = await takeTicket('returns');
    await page.goto(`${server.url}/t/${ticket.token}`);
    await page.getByRole('button', { name: 'Leave the line' }).click();
    await page.getByRole('button', { name: 'No, stay in line' }).click();
    expect((await server.api('GET', `/api/tickets/${ticket.token}`)).body.ticket.status).toBe('waiting');

    await page.getByRole('button', { name: 'Leave the line' }).click();
    await page.getByTestId('leave-confirm').click();
    await page.getByText('You have left the line').waitFor();
    expect((await server.api('GET', `/api/tickets/${ticket.token}`)).body.ticket.status).toBe('cancelled');
  });

  it('alerts when the chosen number of people is ahead', async () => {
    const first = await takeTicket('personalisation');
    await takeTicket('personalisation');
    await joinFromPhone('Personalisation');
    await expect.poll(() => page.getByTestId('people-ahead').textContent()).toBe('2');
    await page
      .getByRole('group', { name: 'Alert me when this many people are ahead' })
      .getByRole('button', { name: '1', exact: true })
      .click();
    await page.getByText('We will alert you when 1 or fewer people are ahead').waitFor();
    expect(await page.title()).not.toContain('People ahead of you');

    await callUntil(first.number);
    await expect.poll(() => page.getByTestId('people-ahead').textContent()).toBe('1');
    await page.getByTestId('ahead-alert').getByText('People ahead of you: 1').waitFor();
    await page.waitForFunction(() => document.title.includes('People ahead of you: 1')); // the tab title flashes
    await page.getByTestId('ahead-alert').getByRole('button').click();
    expect(await page.getByTestId('ahead-alert').count()).toBe(0);
    await server.api('POST', '/api/stores/demo/counters/c1/complete', {}, operator);
  });

  it('switches every visible string and label to Chinese, in line, when called and after service', async () => {
    const ticket = await joinFromPhone('Returns');
    expect(leftoverEnglish(await visibleStrings(page), phoneMessages.en)).not.toEqual([]); // the check does see English
    await page.locator('lc-language-button button').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    const expectChinese = async () => {
      const strings = await visibleStrings(page);
      expect(leftoverEnglish(strings, phoneMessages.en)).toEqual([]);
      expect(strings.join(' ')).toMatch(HAN);
    };
    await page.getByText('退换货').waitFor();
    await expectChinese();

    await callUntil(ticket.number);
    await page.getByTestId('turn-alert').waitFor();
    await expectChinese();

    await server.api('POST', '/api/stores/demo/counters/c1/complete', {}, operator);
    await page.locator('lc-feedback-form summary').click();
    await page.locator('lc-feedback-form textarea').waitFor();
    await expectChinese();
    expect(await page.title()).toMatch(HAN);
  });

  it('follows a ticket opened from the QR code on a kiosk ticket (another device) to its call', async () => {
    const ticket = await takeTicket('returns');
    await page.goto(`${server.url}/t/${ticket.token}`);
    await page.getByTestId('ticket-number').getByText(ticket.number).waitFor();
    await callUntil(ticket.number);
    await page.getByTestId('turn-alert').getByText('Go to Counter 1').waitFor();
    await server.api('POST', '/api/stores/demo/counters/c1/no-show', {}, operator);
    await page.getByText('We called your number but could not find you').waitFor();
  });
});
