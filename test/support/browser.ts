import { type Browser, chromium } from 'playwright-core';

/** Flags that keep Debian's Chromium quiet and offline-friendly in a sandboxed CI. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Starts the system Chromium (`CHROME_PATH` or /usr/bin/chromium) through playwright-core.
 * With `{ autoplay: false }` it keeps the browser's autoplay policy, as on a screen nobody set up.
 */
export function launchBrowser(options: { autoplay?: boolean } = {}): Promise<Browser> {
  const args =
    options.autoplay === false ? CHROMIUM_ARGS.filter((a) => !a.startsWith('--autoplay-policy')) : CHROMIUM_ARGS;
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args,
    headless: true,
  });
}
