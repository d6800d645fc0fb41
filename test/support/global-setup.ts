import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

/** Browser tests drive the built apps, exactly as `npm start` serves them: build them once. */
export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.LINECAST_SKIP_BUILD === '1' && existsSync(resolve(root, 'dist/kiosk/index.html'))) return;
  // Vitest runs with NODE_ENV=test, which would give the apps Lit's development build.
  process.env.NODE_ENV = 'production';
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
}
