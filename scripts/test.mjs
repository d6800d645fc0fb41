// `npm test` after the check: the whole suite on SQLite, then — when DATABASE_URL is set — the
// integration suite again on PostgreSQL (a fresh database per test server on that server).
// Extra arguments go to both vitest runs (`npm test -- test/api/smoke.test.ts`).
import { spawn } from 'node:child_process';

/**
 * What runs a second time on PostgreSQL: everything that starts a server and stores through it,
 * and the multi-node tests (two nodes on PostgreSQL + Redis; they skip without `REDIS_URL`).
 */
const POSTGRES_SUITE = ['test/api', 'server/store', 'test/cluster', 'server/cluster'];
const SUMMARY = /^(\d+) passed, (\d+) failed, (\d+) skipped$/m;

const args = process.argv.slice(2);
const postgresUrl = process.env.DATABASE_URL;
const total = { passed: 0, failed: 0, skipped: 0 };

// An empty DATABASE_URL means SQLite, for the servers the tests start and the processes they spawn.
let ok = await vitest('SQLite', args, { DATABASE_URL: '' });
if (postgresUrl) {
  const only = args.filter((a) => !a.startsWith('-'));
  const paths = only.length > 0 ? only : POSTGRES_SUITE;
  const options = args.filter((a) => a.startsWith('-'));
  // The first run built dist/ already; the server bundle is rebuilt anyway (a second).
  ok =
    (await vitest('PostgreSQL', [...paths, ...options], { DATABASE_URL: postgresUrl, LINECAST_SKIP_BUILD: '1' })) && ok;
}
if (postgresUrl)
  process.stdout.write(`\ntotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = ok ? 0 : 1;

function vitest(label, vitestArgs, env) {
  process.stdout.write(`\n== tests on ${label} ==\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', ...vitestArgs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('exit', (code) => {
      const counts = SUMMARY.exec(tail.split('\n').reverse().join('\n'));
      if (counts) {
        total.passed += Number(counts[1]);
        total.failed += Number(counts[2]);
        total.skipped += Number(counts[3]);
      }
      process.stdout.write(`== ${label}: ${Math.round((Date.now() - started) / 1000)} s ==\n`);
      resolve(code === 0);
    });
  });
}
