import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('staff sign-in after too many wrong passwords', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [language, expected] of [
    ['en-GB', /Try again in \d+ seconds/],
    ['zh-CN', /请 \d+ 秒后再试/],
  ] as const) {
    it(`says how long to wait, in words (${language})`, async () => {
      const context = await browser.newContext({ locale: language });
      const page = await context.newPage();
      await page.goto(`${server.url}/staff/`);
      const error = page.locator('p.error');
      for (let i = 1; i <= 4; i++) {
        await page.locator('input[name="username"]').fill(`nobody-${language}`);
        await page.locator('input[name="password"]').fill(`wrong-password-${i}`);
        await page.locator('input[name="password"]').press('Enter');
        // The first three are answered "wrong password"; wait for each answer before the next try.
        if (i < 4) await page.getByText(/Wrong username|用户名或密码错误/).waitFor({ timeout: 30_000 });
      }
      await expect.poll(() => error.innerText(), { timeout: 30_000 }).toMatch(expected);
      await context.close();
    });
  }
});
