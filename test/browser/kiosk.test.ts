import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kioskMessages, tk } from '../../kiosk/src/i18n/kiosk-messages.ts';
import { waitMessage } from '../../shared/client/format-wait.ts';
import type { TicketDto } from '../../shared/domain.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { decodeQr, HAN, leftoverEnglish, visibleStrings } from './kiosk-support.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'en-GB' });
  page = await context.newPage();
  return () => context.close();
});

const services = () => page.locator('lc-service-picker button.service');
const waitingCount = async () => (await server.api('GET', '/api/stores/demo/queue')).body.waiting.length as number;

describe('kiosk', () => {
  it('says "No wait" only for services an open counter serves, and says so plainly when none is open', async () => {
    const operator = await server.cookieFor('operator');
    await page.goto(`${server.url}/kiosk/?store=demo`);
    const service = (name: string) => services().filter({ hasText: name });
    await expect.poll(() => page.getByTestId('no-counter').count()).toBe(3);
    expect(await service('Returns').innerText()).toContain(tk('en', 'noCounterOpen'));
    expect(await service('Returns').innerText()).not.toContain(tk('en', 'nobodyWaiting'));

    // Counter 4 serves returns only: the kiosk follows it live.
    expect((await server.api('POST', '/api/stores/demo/counters/c4/open', {}, operator)).status).toBe(200);
    await expect.poll(() => service('Returns').innerText()).toContain(tk('en', 'nobodyWaiting'));
    expect(await service('Pick-up').innerText()).toContain(tk('en', 'noCounterOpen'));
    expect((await server.api('POST', '/api/stores/demo/counters/c4/close', {}, operator)).status).toBe(200);
    await expect.poll(() => service('Returns').innerText()).toContain(tk('en', 'noCounterOpen'));

    // The ticket says it too, instead of sending the customer to watch the screens.
    const issued = page.waitForResponse((r) => r.url().endsWith('/api/stores/demo/tickets') && r.ok());
    await service('Returns').click();
    const { ticket } = (await (await issued).json()) as { ticket: TicketDto };
    const where = page.locator('lc-ticket-card').getByTestId('where');
    await expect.poll(() => where.innerText()).toBe(tk('en', 'noCounterOpen'));
    expect((await server.api('DELETE', `/api/tickets/${ticket.token}`)).status).toBe(200); // out of the next tests' way
  });

  it('issues one ticket per tap and shows its number, wait range and a QR code to its phone page', async () => {
    const operator = await server.cookieFor('operator');
    expect((await server.api('POST', '/api/stores/demo/counters/c1/open', {}, operator)).status).toBe(200);
    await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' }); // someone ahead, so a real wait
    const before = await waitingCount();

    await page.goto(`${server.url}/kiosk/?store=demo`);
    const issued = page.waitForResponse((r) => r.url().endsWith('/api/stores/demo/tickets') && r.ok());
    await services().filter({ hasText: 'Pick-up' }).dblclick();
    const { ticket } = (await (await issued).json()) as { ticket: TicketDto };

    const card = page.locator('lc-ticket-card');
    const number = (await card.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(number).toBe(ticket.number);
    expect(number).toMatch(/^A\d{3}$/);
    expect(await card.getByTestId('people-ahead').textContent()).toBe('1');
    // The range the server predicted, said the kiosk's way ("about 4 min (up to 9)").
    expect(ticket.wait).not.toBeNull();
    const wait = waitMessage(ticket.wait, 1);
    expect(wait.key).toMatch(/^wait(About|Range)$/);
    expect(await card.getByTestId('wait').textContent()).toBe(tk('en', wait.key, wait.params));

    const url = await decodeQr(card.locator('figure.qr lc-qr-code'));
    expect(url).toBe(`${server.url}/t/${ticket.token}`);
    const held = await server.api('GET', `/api/tickets/${ticket.token}`);
    expect(held.body.ticket.number).toBe(number);
    expect(await waitingCount()).toBe(before + 1); // the double tap made one ticket
  });

  it('marks a priority ticket as such on screen and on the printed ticket, which names the store', async () => {
    await page.goto(`${server.url}/kiosk/?store=demo`);
    await page.locator('lc-service-picker button.switch').click();
    await services().filter({ hasText: 'Returns' }).click();
    const card = page.locator('lc-ticket-card');
    await card.getByTestId('ticket-number').waitFor();
    expect(await card.getByTestId('priority').innerText()).toMatch(/priority/i);

    await page.emulateMedia({ media: 'print' });
    const receipt = await card.getByTestId('receipt').innerText();
    expect(receipt).toContain('Linecast Demo Store');
    expect(receipt).toMatch(/priority/i);
    expect(receipt).toContain(await card.getByTestId('ticket-number').textContent());
    await page.emulateMedia({ media: 'screen' });

    // A normal ticket says nothing of the kind.
    await page.getByRole('button', { name: 'Done' }).click();
    await services().filter({ hasText: 'Returns' }).click();
    await card.getByTestId('ticket-number').waitFor();
    expect(await card.getByTestId('priority').count()).toBe(0);
  });

  it('says plainly that the ticket system is unreachable and issues nothing while the server is down', async () => {
    await page.goto(`${server.url}/kiosk/?store=demo`);
    await services().first().waitFor();
    const before = await waitingCount();
    await server.stop();
    try {
      await services().filter({ hasText: 'Returns' }).click();
      await expect.poll(() => page.getByTestId('problem').textContent()).toContain("We can't reach the ticket system");
      expect(await page.locator('lc-ticket-card').count()).toBe(0);
    } finally {
      await server.restart();
    }
    expect(await waitingCount()).toBe(before);

    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('lc-ticket-card').getByTestId('ticket-number').waitFor();
    expect(await page.locator('lc-ticket-card').getByTestId('ticket-number').textContent()).toMatch(/^B\d{3}$/);
    expect(await waitingCount()).toBe(before + 1);
  });

  it('switches every visible string and label to Chinese', async () => {
    await page.goto(`${server.url}/kiosk/?store=demo`);
    await services().first().waitFor();
    expect(leftoverEnglish(await visibleStrings(page), kioskMessages.en)).not.toEqual([]); // the check does see English
    await page.locator('lc-language-button button').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    await page.locator('lc-service-picker').getByText('取货').waitFor();
    const start = await visibleStrings(page);
    expect(leftoverEnglish(start, kioskMessages.en)).toEqual([]);
    expect(start.join(' ')).toMatch(HAN);

    await services().first().click();
    await page.locator('lc-ticket-card').getByTestId('ticket-number').waitFor();
    const ticket = await visibleStrings(page);
    expect(leftoverEnglish(ticket, kioskMessages.en)).toEqual([]);
    expect(ticket.join(' ')).toMatch(HAN);
  });

  it('goes back to the start screen when left alone on the ticket screen', async () => {
    await page.clock.install();
    await page.goto(`${server.url}/kiosk/?store=demo`);
    await services().first().click();
    await page.locator('lc-ticket-card').getByTestId('ticket-number').waitFor();
    await page.clock.fastForward('00:20');
    expect(await page.locator('lc-ticket-card').getByTestId('ticket-number').isVisible()).toBe(true);
    await page.clock.fastForward('00:11');
    await page.locator('lc-service-picker').waitFor();
    expect(await page.locator('lc-ticket-card').count()).toBe(0);
  });
});
