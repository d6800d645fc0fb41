import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread `NAME` that lives beside the caller (`from`: the caller's
 * `import.meta.url`). Built JavaScript starts `NAME.js` (scripts/build-server.mjs bundles every
 * `*-worker.ts` beside the server); under tsx and vitest the server runs from TypeScript, which a
 * bare worker cannot load, so the worker registers tsx first and imports `NAME.ts`.
 * @example spawnWorker(import.meta.url, 'report-worker', { workerData })
 */
export function spawnWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), options);
  const entry = JSON.stringify(new URL(`./${name}.ts`, from).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(boot, { ...options, eval: true });
}
