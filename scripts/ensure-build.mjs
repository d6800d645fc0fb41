// Runs before `npm start`: builds the web apps when dist/ is missing or older than their sources,
// so `npm install && npm start` works on a clean clone with no separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', 'staff', 'index.html');
const sources = ['kiosk', 'signage', 'staff', 'shared', 'vite.config.ts'];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(
  ...sources
    .map((s) => join(root, s))
    .filter(existsSync)
    .map(newest),
);
if (changed > built) {
  console.log('Building the kiosk, signage and staff apps…');
  execSync('npx vite build --config vite.config.ts', { cwd: root, stdio: 'inherit' });
}
