// Compiles the server to JavaScript: server/main.ts → dist/server/main.js, one ESM bundle with
// every npm package left external (they load from node_modules as usual), so `npm start` runs
// plain Node with no TypeScript transpiling at run time. Worker-thread entry points
// (server/**/*-worker.ts) are bundled beside it (dist/server/NAME.js), where the built server
// looks for them (`new URL('./report-worker.js', import.meta.url)`).
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverBundle = join(root, 'dist', 'server', 'main.js');
/** What the bundle is made of: a change here means the bundle is stale. */
export const serverSources = ['server', 'shared', 'package.json', 'scripts/build-server.mjs'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export async function buildServer() {
  const workers = files(join(root, 'server')).filter((f) => /-worker\.ts$/.test(f) && !f.endsWith('.test.ts'));
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'server', 'main.ts'), ...workers].map((f) => ({
      in: relative(root, f),
      out: basename(f, '.ts'),
    })),
    outdir: join(root, 'dist', 'server'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
