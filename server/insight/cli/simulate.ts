/**
 * Simulated store days through the real engine.
 * `npm run simulate -- --profile bench/profiles/steady.json [--days 1] [--end-day 2025-01-31]
 *  [--seed 1] [--out truth.json] [--events] [--json]`
 * Prints a summary, or with --json the truth per ticket (and engine events with --events).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseProfile } from '../simulator/profile.ts';
import { simulateHistory } from '../simulator/simulate-history.ts';
import { storeFromProfile } from '../simulator/store-from-profile.ts';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'bench/profiles/steady.json' },
    days: { type: 'string', default: '1' },
    'end-day': { type: 'string', default: '2025-01-31' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    events: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const profile = parseProfile(JSON.parse(readFileSync(values.profile, 'utf8')));
const days = Number(values.days);
const seed = Number(values.seed);
if (!Number.isInteger(days) || days < 1 || !Number.isFinite(seed)) {
  process.stderr.write('--days must be a positive integer and --seed a number\n');
  process.exit(2);
}
const start = storeFromProfile(
  profile,
  values['end-day'],
  Date.parse(`${values['end-day']}T00:00:00Z`) - days * 86_400_000,
);
const result = simulateHistory(start, profile, { days, endDay: values['end-day'], seed });
const output = { truth: result.truth, ...(values.events ? { events: result.events } : {}) };
if (values.out) writeFileSync(values.out, JSON.stringify(output));
if (values.json) process.stdout.write(`${JSON.stringify(output)}\n`);
else {
  const t = result.truth;
  const served = t.filter((x) => x.waitSec !== null);
  const waits = served.map((x) => x.waitSec!).sort((a, b) => a - b);
  const q = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))] ?? 0;
  const target = profile.serviceLevelTargetSec;
  process.stdout.write(
    `${[
      `profile ${profile.name}, ${days} day(s) to ${values['end-day']}, seed ${seed}`,
      `tickets ${t.length}, called ${served.length}, left the line ${t.filter((x) => x.status === 'cancelled').length}, no-shows ${t.filter((x) => x.status === 'no_show').length}`,
      `wait p50 ${q(0.5).toFixed(0)} s, p90 ${q(0.9).toFixed(0)} s; within ${target} s: ${((100 * waits.filter((w) => w <= target).length) / Math.max(1, waits.length)).toFixed(1)}%`,
      `engine events ${result.events.length}`,
    ].join('\n')}\n`,
  );
}
