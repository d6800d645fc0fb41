// Runs before `npm start`: builds the web apps and compiles the server (dist/server/main.js) when
// either is missing or older than its sources, so `npm install && npm start` works on a clean
// clone with no separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, serverBundle, serverSources } from './build-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', 'staff', 'index.html');
const sources = ['kiosk', 'signage', 'staff', 'shared', 'vite.config.ts'];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const builtAt = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const newestOf = (list) =>
  Math.max(
    ...list
      .map((s) => join(root, s))
      .filter(existsSync)
      .map(newest),
  );
if (newestOf(sources) > builtAt(stamp)) {
  console.log('Building the kiosk, signage and staff apps…');
  execSync('npx vite build --config vite.config.ts', { cwd: root, stdio: 'inherit' });
}
// After the apps: Vite empties dist/ when it builds.
if (newestOf(serverSources) > builtAt(serverBundle)) {
  console.log('Compiling the server…');
  await buildServer();
}
