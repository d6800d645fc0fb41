import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

/**
 * Browser tests drive the built apps and process tests the compiled server, exactly as
 * `npm start` serves them: build both once.
 */
export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.LINECAST_SKIP_BUILD !== '1' || !existsSync(resolve(root, 'dist/kiosk/index.html'))) {
    // Vitest runs with NODE_ENV=test, which would give the apps Lit's development build.
    process.env.NODE_ENV = 'production';
    await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  // Always: the server changes with every edit, and Vite has just emptied dist/. It takes a second.
  execFileSync(process.execPath, [resolve(root, 'scripts/build-server.mjs')], { cwd: root, stdio: 'inherit' });
}
