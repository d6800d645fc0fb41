// `npm run screenshots`: starts a real server with simulated history, drives the apps in
// Chromium and writes the README's screenshots to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { localParts, zonedTime } from '../shared/time.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { startTestServer } from '../test/support/server.ts';
import { shootAdmin } from './screenshots/admin.ts';
import { shootKiosk } from './screenshots/kiosk.ts';
import { shootSignage } from './screenshots/signage.ts';
import { shootStaff } from './screenshots/staff.ts';

const outDir = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
// The server's clock reads 22:30 in the store today, so "today" is a whole simulated day the
// dashboard can show (the history includes a day once the store has closed).
const today = localParts(Date.now(), 'Asia/Shanghai').day;
const offset = zonedTime(today, '22:30', 'Asia/Shanghai') - Date.now();
const server = await startTestServer({ demoHistoryDays: 7, clock: () => Date.now() + offset });
const browser = await launchBrowser();
try {
  const operator = await server.cookieFor('operator');
  // A line with people in it and a call in progress, so every screen has something to show.
  await server.api('POST', '/api/stores/demo/counters/c1/open', undefined, operator);
  await server.api('POST', '/api/stores/demo/counters/c3/open', undefined, operator);
  for (const serviceId of ['pickup', 'returns', 'pickup', 'personalisation', 'pickup', 'returns']) {
    await server.api('POST', '/api/stores/demo/tickets', { serviceId });
  }
  await server.api('POST', '/api/stores/demo/counters/c1/call-next', undefined, operator);
  await server.api('POST', '/api/stores/demo/counters/c3/call-next', undefined, operator);
  const written: string[] = [];
  const page = async () => {
    const p = await browser.newPage();
    // The pages see the same 22:30 as the server.
    await p.clock.setFixedTime(new Date(Date.now() + offset));
    return p;
  };
  written.push(...(await shootKiosk(await page(), server.url, outDir)));
  const manager = await server.cookieFor('manager');
  const broadcast = async () => {
    const message = {
      message: {
        en: 'The store closes at 21:00 today. Thank you for visiting!',
        'zh-Hans': '今天 21:00 闭店，感谢光临！',
      },
      durationMin: 10,
    };
    const { body } = await server.api('POST', '/api/admin/stores/demo/broadcasts', message, manager);
    return async () => {
      await server.api('DELETE', `/api/admin/stores/demo/broadcasts/${body.broadcast.id}`, undefined, manager);
    };
  };
  written.push(...(await shootSignage(await page(), server.url, outDir, broadcast)));
  written.push(...(await shootStaff(await page(), server.url, outDir, manager)));
  // A second store with a paired kiosk, as the README's "Setting up a store" ends.
  const admin = await server.cookieFor('admin');
  const north = { slug: 'north', name: { en: 'North Street', 'zh-Hans': '北街店' }, timeZone: 'Asia/Shanghai' };
  await server.api('POST', '/api/admin/stores', north, admin);
  const pairing = await server.api('POST', '/api/devices/pairing', { store: 'north', kind: 'kiosk' });
  await server.api(
    'POST',
    '/api/admin/stores/north/devices/pair',
    { code: pairing.body.code, name: 'Entrance kiosk' },
    admin,
  );
  written.push(...(await shootAdmin(await page(), server.url, outDir, admin)));
  console.log(`Screenshots written:\n${written.map((f) => `  ${f}`).join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}
