import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Screenshots of the customer-facing kiosk app: the kiosk start and ticket screens (portrait
 * 1080×1920, and the start screen landscape 1920×1080 in Chinese), the phone ticket page (360 px
 * wide) and the page an old ticket link gets, written to `outDir` as PNG files.
 * Takes two real tickets (one at the kiosk, one "from a phone") from the demo store at `baseUrl`.
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

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${baseUrl}/kiosk/?store=demo&lang=zh-Hans`);
  await page.locator('lc-service-picker button.service').first().waitFor();
  await shoot('kiosk-landscape-zh.png');

  // The phone page as a customer who joined from their phone sees it (the QR on the ticket leads to the same page).
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`${baseUrl}/kiosk/?store=demo&mode=phone&lang=en`);
  await page.locator('lc-service-picker button.service').first().click();
  await page.waitForURL(/\/t\/[\w-]+$/);
  await page.locator('lc-phone-ticket [data-testid="ticket-number"]').waitFor();
  await page.getByText('Pick-up').waitFor();
  await shoot('phone-ticket-360.png');

  // An old QR code: a readable page with "join again", not an error.
  await page.goto(`${baseUrl}/t/expired-ticket-token-from-last-week`);
  await page.getByTestId('dead-end').waitFor();
  await shoot('phone-old-ticket-360.png');
  return files;
}
