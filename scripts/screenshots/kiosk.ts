import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots of the customer-facing kiosk app: the kiosk start and ticket screens (portrait
 * 1080×1920) and the phone ticket page (360 px wide), written to `outDir` as PNG files.
 * Takes a real ticket from the store at `baseUrl`.
 *
 * @example
 * await shootKiosk(page, 'http://localhost:3000', 'docs/screenshots');
 */
export async function shootKiosk(page: Page, baseUrl: string, outDir: string): Promise<string[]> {
  const files: string[] = [];
  const shoot = async (name: string) => {
    const path = join(outDir, name);
    await page.screenshot({ path });
    files.push(path);
  };

  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(`${baseUrl}/kiosk/?store=demo&lang=en`);
  await page.locator('lc-service-picker button.service').first().waitFor();
  await shoot('kiosk-portrait.png');

  await page.locator('lc-service-picker button.service').first().click();
  await page.locator('lc-ticket-card [data-testid="ticket-number"]').waitFor();
  await shoot('kiosk-ticket-portrait.png');
  const phoneUrl = await page.locator('lc-ticket-card').evaluate((card) => (card as HTMLElement & { phoneUrl: string }).phoneUrl);

  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(phoneUrl);
  await page.locator('lc-phone-ticket [data-testid="ticket-number"]').waitFor();
  await shoot('phone-ticket-360.png');
  return files;
}
