import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../../test/support/browser.ts';
import { startTestServer } from '../../test/support/server.ts';
const out = '/tmp/staff-shots';
mkdirSync(out, { recursive: true });
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const cookie = await server.cookieFor('manager');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const [name, value] = cookie.split('=') as [string, string];
  await ctx.addCookies([{ name, value, url: server.url }]);
  const page = await ctx.newPage();
  for (const hash of ['admin/store', 'admin/counters', 'admin/signage', 'reports']) {
    await page.goto(`${server.url}/staff/#${hash}`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/${hash.replace('/', '-')}.png`, fullPage: true });
  }
} finally {
  await browser.close();
  await server.close();
}
