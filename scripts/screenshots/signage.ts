import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Waits until a signage screen shows store data (not "Connecting…") and its fonts have loaded. */
async function settle(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Writes the signage screenshots for the README: the board (1920×1080 landscape), the portrait
 * board (1080×1920), the counter-top display of counter c1 (1280×720), and the board during a
 * manager's broadcast (`broadcast`: a function that starts one and returns how to end it).
 *
 * @example
 * await shootSignage(page, 'http://127.0.0.1:3000', 'docs/screenshots');
 */
export async function shootSignage(
  page: Page,
  baseUrl: string,
  outDir: string,
  broadcast?: () => Promise<() => Promise<void>>,
): Promise<string[]> {
  const shots: Array<{ file: string; url: string; width: number; height: number; testId: string }> = [
    { file: 'signage-board.png', url: 'layout=board', width: 1920, height: 1080, testId: 'waiting' },
    { file: 'signage-portrait.png', url: 'layout=portrait', width: 1080, height: 1920, testId: 'waiting' },
    {
      file: 'signage-counter.png',
      url: 'layout=counter&counter=c1',
      width: 1280,
      height: 720,
      testId: 'counter-display',
    },
  ];
  const written: string[] = [];
  for (const shot of shots) {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.goto(`${baseUrl}/signage/?store=demo&${shot.url}`);
    await settle(page, shot.testId);
    const path = join(outDir, shot.file);
    await page.screenshot({ path, animations: 'disabled' });
    written.push(path);
  }
  if (broadcast) {
    const end = await broadcast();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/signage/?store=demo&layout=board`);
    await settle(page, 'broadcast');
    const path = join(outDir, 'signage-board-broadcast.png');
    await page.screenshot({ path, animations: 'disabled' });
    written.push(path);
    await end();
  }
  return written;
}
