import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatusPayload } from '../../shared/protocol.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { layoutProblems } from './layout-support.ts';

/** Conditions are awaited, not timed: this is only an upper bound before giving up. */
const WAIT = { timeout: 30_000 };
/** The text as rendered, as a shopper reads it (Playwright's `innerText`, not the DOM property). */
const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

// Generous limits: CI machines running several browsers at once can be slow; nothing here is timed.
describe('signage content, broadcast and counter display', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let manager: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await server.api(method, path, body, manager);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };

  const open = async (query: string, ready: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/signage/?store=demo&${query}`);
    await page.getByTestId(ready).waitFor(WAIT);
    return page;
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    manager = await server.cookieFor('manager');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the store name without a playlist, then new slides as they are added, and keeps them offline', async () => {
    const page = await open('layout=board', 'waiting');
    await expect.poll(() => text(page, 'media'), WAIT).toBe('Linecast Demo Store');

    const slide = await call('POST', '/api/admin/stores/demo/signage', {
      kind: 'text',
      text: 'Autumn sale — 20% off',
      durationSec: 60,
    });
    await expect.poll(() => text(page, 'media'), WAIT).toBe('Autumn sale — 20% off');

    // Replace the slide with an uploaded image: the screen shows it from its own copy.
    const png = new PNG({ width: 32, height: 18 });
    png.data.fill(200);
    const upload = await fetch(`${server.url}/api/admin/stores/demo/signage/media`, {
      method: 'POST',
      headers: { cookie: manager, 'content-type': 'image/png' },
      body: new Uint8Array(PNG.sync.write(png)),
    });
    expect(upload.status).toBe(201);
    const { url } = (await upload.json()) as { url: string };
    await call('POST', '/api/admin/stores/demo/signage', { kind: 'image', url, durationSec: 60 });
    await call('DELETE', `/api/admin/stores/demo/signage/${slide.item.id}`);
    const image = page.getByTestId('media');
    const loaded = () => image.evaluate((el) => (el instanceof HTMLImageElement ? el.naturalWidth : 0));
    await expect.poll(loaded, WAIT).toBe(32);

    await server.stop();
    await expect.poll(() => page.getByTestId('stale').count(), WAIT).toBe(1);
    expect(await loaded()).toBe(32);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await server.restart();
    await expect.poll(() => page.getByTestId('stale').count(), WAIT).toBe(0);
    await page.close();
  });

  it('shows a manager broadcast beside the calls until it is ended; a call made meanwhile is in plain sight', async () => {
    const portrait = await open('layout=portrait', 'waiting');
    const { broadcast } = await call('POST', '/api/admin/stores/demo/broadcasts', {
      message: 'The store closes at 21:00 today',
      durationMin: 10,
    });
    await expect.poll(() => portrait.getByTestId('broadcast').count(), WAIT).toBe(1);
    expect(await text(portrait, 'broadcast')).toBe('The store closes at 21:00 today');

    // A screen switched on now shows it too, and so does a counter display (as a band).
    const board = await open('layout=board', 'broadcast');
    expect(await text(board, 'broadcast')).toBe('The store closes at 21:00 today');
    const counter = await open('layout=counter&counter=c3', 'broadcast');

    await call('POST', '/api/stores/demo/counters/c3/open', {});
    const { ticket } = await call('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    await call('POST', '/api/stores/demo/counters/c3/call-next', {});
    const called = Date.now();
    const shown = async (page: Page) => {
      await expect
        .poll(() => page.getByTestId('now-calling').locator('.number').textContent(), WAIT)
        .toBe(ticket.number);
      return Date.now() - called;
    };
    // A figure to read, not a threshold: the issue asks for the call to be visible within 2 s.
    const [onBoard, onPortrait] = await Promise.all([shown(board), shown(portrait)]);
    console.log(
      `call shown during a broadcast: board ${onBoard} ms, portrait ${onPortrait} ms after call-next answered`,
    );
    for (const page of [board, portrait]) {
      const seen = [
        { name: 'called number', locator: page.getByTestId('now-calling').locator('.number') },
        { name: 'broadcast', locator: page.locator('lc-broadcast-notice') },
      ];
      expect(await layoutProblems(page, seen)).toEqual([]);
    }
    await expect.poll(() => text(counter, 'counter-display'), WAIT).toContain(ticket.number);
    const onCounter = [
      { name: 'called number', locator: counter.getByTestId('counter-display').locator('.number') },
      { name: 'broadcast', locator: counter.locator('lc-broadcast-notice') },
    ];
    expect(await layoutProblems(counter, onCounter)).toEqual([]);
    await call('POST', '/api/stores/demo/counters/c3/complete', {});
    await call('POST', '/api/stores/demo/counters/c3/close', {});

    await call('DELETE', `/api/admin/stores/demo/broadcasts/${broadcast.id}`);
    for (const page of [portrait, board, counter]) {
      await expect.poll(() => page.getByTestId('broadcast').count(), WAIT).toBe(0);
      await page.close();
    }
  });

  it("follows its counter on a counter display, and puts a no-show on the board's missed rail", async () => {
    const counter = await open('layout=counter&counter=c4', 'counter-display');
    const board = await open('layout=board', 'waiting');
    await expect.poll(() => text(counter, 'counter-display'), WAIT).toContain('Closed');

    await call('POST', '/api/stores/demo/counters/c4/open', {});
    await expect.poll(() => text(counter, 'counter-display'), WAIT).toContain('next customer');

    const { ticket } = await call('POST', '/api/stores/demo/tickets', { serviceId: 'returns' });
    await call('POST', '/api/stores/demo/counters/c4/call-next', {});
    await expect.poll(() => text(counter, 'counter-display'), WAIT).toContain(ticket.number);

    await call('POST', '/api/stores/demo/counters/c4/no-show', {});
    await expect.poll(() => text(board, 'missed'), WAIT).toContain(ticket.number);
    await expect.poll(() => text(counter, 'counter-display'), WAIT).not.toContain(ticket.number);
    await counter.close();
    await board.close();
  });

  it('reports its health to staff with a heartbeat naming the ticket it shows', async () => {
    await call('POST', '/api/stores/demo/counters/c1/open', {});
    const { ticket } = await call('POST', '/api/stores/demo/tickets', { serviceId: 'pickup' });
    await call('POST', '/api/stores/demo/counters/c1/call-next', {});

    const staff = io(server.url, { extraHeaders: { cookie: manager }, transports: ['websocket'] });
    const statuses: DeviceStatusPayload[] = [];
    staff.on('devices:status', (p) => statuses.push(p));
    staff.emit('join', { store: 'demo', staff: true });
    const board = await open('layout=board', 'waiting');
    try {
      await expect
        .poll(
          () => statuses.at(-1)?.devices.find((d) => d.kind === 'signage' && d.lastTicketShown === ticket.number),
          WAIT,
        )
        .toMatchObject({ status: 'online' });
    } finally {
      staff.close();
      await board.close();
    }
  });

  it('pairs with a code when asked to, then reports under the name the manager gave it', async () => {
    const screen = await open('layout=portrait&pair=1', 'pairing-code');
    await expect.poll(() => text(screen, 'pairing-code'), WAIT).toMatch(/\w{4,}/);
    const code = await text(screen, 'pairing-code');
    await call('POST', '/api/admin/stores/demo/devices/pair', { code, name: 'Entrance screen' });
    await expect.poll(() => screen.getByTestId('pairing-code').count(), WAIT).toBe(0);

    const staff = io(server.url, { extraHeaders: { cookie: manager }, transports: ['websocket'] });
    const statuses: DeviceStatusPayload[] = [];
    staff.on('devices:status', (p) => statuses.push(p));
    staff.emit('join', { store: 'demo', staff: true });
    try {
      await screen.reload();
      await expect
        .poll(() => statuses.at(-1)?.devices.find((d) => d.name === 'Entrance screen'), WAIT)
        .toMatchObject({ kind: 'signage', status: 'online' });
      expect(await screen.getByTestId('pairing-code').count()).toBe(0);
    } finally {
      staff.close();
      await screen.close();
    }
  });

  it('asks for a tap when the browser blocks sound, and the tap turns it on', async () => {
    // Without launchBrowser()'s autoplay flag: how a screen behaves when nobody set it up.
    const strict = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      // The banner covers nothing: not the last waiting row in portrait, not the missed numbers.
      const portrait = await strict.newPage({ viewport: { width: 1080, height: 1920 } });
      await portrait.goto(`${server.url}/signage/?store=demo&layout=portrait`);
      await portrait.getByTestId('enable-sound').waitFor(WAIT);
      const targets = [
        { name: 'sound banner', locator: portrait.getByTestId('enable-sound') },
        { name: 'waiting row', locator: portrait.getByTestId('waiting-row') },
        { name: 'missed numbers', locator: portrait.getByTestId('missed') },
      ];
      expect(await layoutProblems(portrait, targets)).toEqual([]);

      const page = await strict.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${server.url}/signage/?store=demo&layout=board`);
      await page.getByTestId('enable-sound').waitFor(WAIT);
      expect(await text(page, 'enable-sound')).toContain('Tap to enable sound');
      expect(
        await layoutProblems(page, [
          { name: 'sound banner', locator: page.getByTestId('enable-sound') },
          { name: 'missed numbers', locator: page.getByTestId('missed') },
        ]),
      ).toEqual([]);
      await page.getByTestId('enable-sound').click();
      await expect.poll(() => page.getByTestId('enable-sound').count(), WAIT).toBe(0);
    } finally {
      await strict.close();
    }
  });
});
