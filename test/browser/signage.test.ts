import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** One fake utterance: what the page asked to say, and when it started and ended (page clock). */
interface Spoken {
  text: string;
  lang: string;
  start: number;
  end: number | null;
}

/**
 * Replaces `speechSynthesis.speak` before the app loads: records each utterance and reports
 * its end a little later, as a real voice would, so the announcer's queueing is exercised.
 */
function fakeSpeech(): void {
  const log: Spoken[] = [];
  Object.assign(window, { __spoken: log });
  speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    const entry: Spoken = { text: utterance.text, lang: utterance.lang, start: performance.now(), end: null };
    if (!entry.text) return; // the "enable sound" unlock
    log.push(entry);
    setTimeout(() => {
      entry.end = performance.now();
      utterance.dispatchEvent(new Event('end'));
    }, 300);
  };
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken);
/** The text as rendered, as a shopper reads it (Playwright's `innerText`, not the DOM property). */
const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
/** Conditions are awaited, not timed: these are only upper bounds before giving up. */
const WAIT = { timeout: 30_000 };

// Generous limits: CI machines running several browsers at once can be slow; nothing here is timed.
describe('signage board', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let operator: string;

  const post = async (path: string, body: unknown = {}, cookie = operator) => {
    const res = await server.api('POST', `/api/stores/demo${path}`, body, cookie);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const issue = async (): Promise<string> => (await post('/tickets', { serviceId: 'pickup' })).ticket.number;
  const callNext = async (counter: string): Promise<string> =>
    (await post(`/counters/${counter}/call-next`)).ticket.number;

  const openBoard = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(fakeSpeech);
    await page.goto(`${server.url}/signage/?store=demo&layout=board`);
    await expect.poll(() => text(page, 'waiting'), WAIT).toContain('Pick-up');
    return page;
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    operator = await server.cookieFor('operator');
    for (const counter of ['c1', 'c2', 'c3']) await post(`/counters/${counter}/open`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a call made at a counter and announces it in each store language, again on a recall', async () => {
    const page = await openBoard();
    const number = await issue();
    expect(await callNext('c1')).toBe(number);

    await expect.poll(() => text(page, 'now-calling'), WAIT).toContain(number);
    expect(await text(page, 'now-calling')).toContain('Counter 1');

    const n = Number(number.slice(1));
    await expect.poll(() => spoken(page), WAIT).toHaveLength(2);
    const said = (await spoken(page)).map(({ text, lang }) => ({ text, lang }));
    expect(said).toEqual([
      { text: `Ticket A ${n}, please go to Counter 1`, lang: 'en-US' },
      { text: `请 A ${n} 号到 1 号柜台`, lang: 'zh-CN' },
    ]);

    // A recall says it all again.
    await post('/counters/c1/recall');
    await expect.poll(() => spoken(page), WAIT).toHaveLength(4);
    expect((await spoken(page)).slice(2).map((s) => s.text)).toEqual(said.map((s) => s.text));
    await page.close();
  });

  it('shows and announces two quick calls in order, one after the other', async () => {
    const page = await openBoard();
    const first = await issue();
    const second = await issue();
    expect(await callNext('c2')).toBe(first);
    expect(await callNext('c3')).toBe(second);

    // The first call keeps the spotlight for its minimum time while the second waits in the list…
    await expect.poll(() => text(page, 'now-calling'), WAIT).toContain(first);
    await expect.poll(() => text(page, 'recent-calls'), WAIT).toContain(second);
    // …and then takes its turn.
    await expect.poll(() => text(page, 'now-calling'), WAIT).toContain(second);
    expect(await text(page, 'recent-calls')).toContain(first);

    await expect.poll(() => spoken(page), WAIT).toHaveLength(4);
    const log = await spoken(page);
    expect(log.map((s) => s.text)).toEqual([
      `Ticket A ${Number(first.slice(1))}, please go to Counter 2`,
      `请 A ${Number(first.slice(1))} 号到 2 号柜台`,
      `Ticket A ${Number(second.slice(1))}, please go to Counter 3`,
      `请 A ${Number(second.slice(1))} 号到 3 号柜台`,
    ]);
    await expect.poll(async () => (await spoken(page)).every((s) => s.end !== null), WAIT).toBe(true);
    const done = await spoken(page);
    for (let i = 1; i < done.length; i++) expect(done[i]!.start).toBeGreaterThanOrEqual(done[i - 1]!.end!);
    await page.close();
  });

  it('keeps the last line on screen while the server is down, then matches a fresh board', async () => {
    const page = await openBoard();
    await issue();
    const number = await callNext('c1');
    await expect.poll(() => text(page, 'now-calling'), WAIT).toContain(number);
    const before = await text(page, 'recent-calls');

    await server.stop();
    await expect.poll(() => page.getByTestId('stale').isVisible(), WAIT).toBe(true);
    expect(await text(page, 'stale')).toContain('Connection lost');
    expect(await page.getByTestId('screen').getAttribute('data-stale')).not.toBeNull();
    expect(await text(page, 'now-calling')).toContain(number);
    expect(await text(page, 'recent-calls')).toBe(before);

    await server.restart();
    // Made as the board reconnects: it learns of it from the fresh snapshot or the event, and
    // must show and announce it either way, once.
    await issue();
    const whileAway = await callNext('c2');
    await expect.poll(() => spoken(page), WAIT).toHaveLength(4);
    expect((await spoken(page))[2]?.text).toBe(`Ticket A ${Number(whileAway.slice(1))}, please go to Counter 2`);
    await expect.poll(() => page.getByTestId('stale').count(), WAIT).toBe(0);
    const fresh = await openBoard();
    const shown = (p: Page) => Promise.all(['now-calling', 'recent-calls', 'waiting'].map((id) => text(p, id)));
    const both = async () => ({ reconnected: await shown(page), fresh: await shown(fresh) });
    await expect
      .poll(async () => {
        const { reconnected, fresh } = await both();
        return JSON.stringify(reconnected) === JSON.stringify(fresh);
      }, WAIT)
      .toBe(true);
    const { reconnected, fresh: opened } = await both();
    expect(reconnected).toEqual(opened);
    expect(reconnected[0]).toContain(whileAway);
    expect(reconnected[1]).toContain(number);
    expect(await spoken(page)).toHaveLength(4);
    await fresh.close();
    await page.close();
  });
});
