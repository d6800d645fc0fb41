import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Writes the staff screenshots for the README: the counter terminal (tablet, 1280×800) at
 * counter c1 and the manager dashboard (1440×1400) with the day's history. `cookie` is a
 * `lc_session=…` value of a manager.
 *
 * @example
 * await shootStaff(page, 'http://127.0.0.1:3000', 'docs/screenshots', await server.cookieFor('manager'));
 */
export async function shootStaff(page: Page, baseUrl: string, outDir: string, cookie: string): Promise<string[]> {
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: baseUrl }]);
  await page.addInitScript(() => localStorage.setItem('linecast.staff.language', 'en'));
  const written: string[] = [];

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}/staff/#terminal`);
  await page.getByTestId('counter-c1').waitFor({ timeout: 15_000 });
  await page.keyboard.press('1');
  await page.getByTestId('my-day').waitFor();
  await page.evaluate(() => document.fonts.ready);
  written.push(join(outDir, 'staff-terminal.png'));
  await page.screenshot({ path: written.at(-1), animations: 'disabled' });

  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.goto(`${baseUrl}/staff/#dashboard`);
  await page.getByTestId('served-today').filter({ hasNotText: '–' }).waitFor({ timeout: 15_000 });
  await page.getByTestId('counter-table').waitFor();
  // Let uPlot lay out after the last figures arrive.
  await page.waitForFunction(
    () =>
      document
        .querySelector('lc-staff-app')
        ?.shadowRoot?.querySelector('lc-dashboard')
        ?.shadowRoot?.querySelectorAll('lc-chart').length === 3,
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  written.push(join(outDir, 'staff-dashboard.png'));
  await page.screenshot({ path: written.at(-1), animations: 'disabled', fullPage: true });
  return written;
}
