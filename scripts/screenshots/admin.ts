import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Writes the admin screenshots for the README (1280×800): the chain's store list with the
 * header's store picker, and the pairing form with a paired kiosk. `cookie` is an admin's
 * `lc_session=…`; the second store (`north`) must exist.
 *
 * @example
 * await shootAdmin(page, 'http://127.0.0.1:3000', 'docs/screenshots', await server.cookieFor('admin'));
 */
export async function shootAdmin(page: Page, baseUrl: string, outDir: string, cookie: string): Promise<string[]> {
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: baseUrl }]);
  await page.addInitScript(() => localStorage.setItem('linecast.staff.language', 'en'));
  await page.setViewportSize({ width: 1280, height: 800 });
  const written: string[] = [];

  await page.goto(`${baseUrl}/staff/?store=demo#admin/chain`);
  await page.locator('tr[data-store="north"]').waitFor({ timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  written.push(join(outDir, 'staff-admin-stores.png'));
  await page.screenshot({ path: written.at(-1), animations: 'disabled' });

  await page.goto(`${baseUrl}/staff/?store=north#admin/devices`);
  await page.locator('tr[data-device]').first().waitFor({ timeout: 15_000 });
  written.push(join(outDir, 'staff-admin-devices.png'));
  await page.screenshot({ path: written.at(-1), animations: 'disabled' });
  return written;
}
