/**
 * Simulated store days through the real engine, two ways:
 * - `npm run simulate -- --profile bench/profiles/steady.json [--days 1] [--end-day 2025-01-31]
 *   [--seed 1] [--out truth.json] [--events] [--json]` prints a summary, or with --json the
 *   summary and the truth per ticket (and engine events with --events);
 * - `npm run simulate -- --stores 20 --days 90 --into DATA_DIR` writes a large history (stores
 *   `demo`, `store-02`, …, the days up to yesterday) into a data folder `npm start` then serves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseProfile } from '../server/insight/simulator/profile.ts';
import { simulateHistory } from '../server/insight/simulator/simulate-history.ts';
import { storeFromProfile } from '../server/insight/simulator/store-from-profile.ts';
import type { TruthRow } from '../server/insight/simulator/truth.ts';
import { generateHistory } from './history/generate.ts';

// `… --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'bench/profiles/steady.json' },
    days: { type: 'string', default: '1' },
    'end-day': { type: 'string', default: '2025-01-31' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    events: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    stores: { type: 'string' },
    into: { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const days = Number(values.days);
if (!Number.isInteger(days) || days < 1) fail('--days must be a positive integer');

if (values.stores !== undefined || values.into !== undefined) {
  const stores = Number(values.stores ?? '1');
  if (!Number.isInteger(stores) || stores < 1 || stores > 999) fail('--stores must be an integer from 1 to 999');
  if (!values.into) fail('--into DATA_DIR is required with --stores');
  const summary = await generateHistory({
    stores,
    days,
    into: resolve(values.into),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else
    process.stdout.write(
      `${summary.tickets.toLocaleString('en')} tickets (${summary.events.toLocaleString('en')} events) in ${summary.stores} stores, ${summary.firstDay} to ${summary.lastDay}, written to ${summary.dataDir} in ${summary.seconds} s\nServe it: DATA_DIR=${summary.dataDir} npm start\n`,
    );
} else {
  const profile = parseProfile(JSON.parse(readFileSync(values.profile, 'utf8')));
  const seed = Number(values.seed);
  if (!Number.isFinite(seed)) fail('--seed must be a number');
  const endDay = values['end-day'];
  const start = storeFromProfile(profile, endDay, Date.parse(`${endDay}T00:00:00Z`) - days * 86_400_000);
  const result = simulateHistory(start, profile, { days, endDay, seed });
  const summary = summarise(result.truth, profile.serviceLevelTargetSec);
  const output = {
    summary: { profile: profile.name, days, endDay, seed, ...summary, engineEvents: result.events.length },
    truth: result.truth,
    ...(values.events ? { events: result.events } : {}),
  };
  if (values.out) writeFileSync(values.out, JSON.stringify(output));
  if (values.json) process.stdout.write(`${JSON.stringify(output)}\n`);
  else
    process.stdout.write(
      `${[
        `profile ${profile.name}, ${days} day(s) to ${endDay}, seed ${seed}`,
        `tickets ${summary.tickets}, called ${summary.called}, left the line ${summary.leftTheLine}, no-shows ${summary.noShows}`,
        `wait p50 ${summary.waitP50Sec} s, p90 ${summary.waitP90Sec} s; within ${summary.targetSec} s: ${summary.withinTargetPct}%`,
        `engine events ${result.events.length}`,
      ].join('\n')}\n`,
    );
}

/** The figures the text mode prints, also in the JSON output. */
function summarise(truth: TruthRow[], targetSec: number) {
  const waits = truth.flatMap((t) => (t.waitSec === null ? [] : [t.waitSec])).sort((a, b) => a - b);
  const q = (p: number) => Math.round(waits[Math.min(waits.length - 1, Math.floor(p * waits.length))] ?? 0);
  return {
    tickets: truth.length,
    called: waits.length,
    leftTheLine: truth.filter((t) => t.status === 'cancelled').length,
    noShows: truth.filter((t) => t.status === 'no_show').length,
    waitP50Sec: q(0.5),
    waitP90Sec: q(0.9),
    targetSec,
    withinTargetPct: Number(
      ((100 * waits.filter((w) => w <= targetSec).length) / Math.max(1, waits.length)).toFixed(1),
    ),
  };
}
