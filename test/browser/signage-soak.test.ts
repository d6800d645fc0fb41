import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Every node in the page, shadow roots included, counted by type and parent element. */
const COUNT_NODES = `(() => {
  let n = 0;
  const walk = (root) => {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node = w.currentNode; node; node = w.nextNode()) {
      n++;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return n;
})()`;

describe('a board through hundreds of calls', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  const cycle = async (i: number) => {
    const issued = await server.api('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    expect(issued.status).toBe(201);
    const called = await server.api('POST', `/api/stores/demo/counters/c${1 + (i % 2)}/call-next`, {}, cookie);
    expect(called.status).toBe(200);
    return called.body.ticket.number as string;
  };
  /**
   * Runs `n` issue + call cycles and waits until the board lists the last call (the featured
   * "now calling" spot takes calls in turns, so the list of recent calls shows it first).
   */
  const cycles = async (from: number, n: number) => {
    let last = '';
    for (let i = from; i < from + n; i++) last = await cycle(i);
    await page.getByTestId('recent-calls').getByText(last).waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.cookieFor('operator');
    for (const c of ['c1', 'c2'])
      expect((await server.api('POST', `/api/stores/demo/counters/${c}/open`, {}, cookie)).status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/signage/?store=demo&layout=board`);
    await page.getByTestId('now-calling').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the same number of DOM nodes once its lists are full (no nodes left behind per call)', async () => {
    await cycles(0, 40);
    const full = (await page.evaluate(COUNT_NODES)) as number;
    await cycles(40, 160);
    const later = (await page.evaluate(COUNT_NODES)) as number;
    // A leak of even one node per call would add 160 here.
    expect(later - full).toBeLessThan(20);
  });
});
