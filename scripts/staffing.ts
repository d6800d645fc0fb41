/**
 * Erlang C staffing from the command line.
 * `npm run staffing -- --arrivals-per-hour 200 --mean-service-sec 180 --target-sec 20 --goal 0.8 [--json]`
 */
import { parseArgs } from 'node:util';
import { erlangFigures, smallestServers } from '../server/insight/erlang.ts';

const { values } = parseArgs({
  options: {
    'arrivals-per-hour': { type: 'string' },
    'mean-service-sec': { type: 'string' },
    'target-sec': { type: 'string', default: '300' },
    goal: { type: 'string', default: '0.8' },
    counters: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function num(name: string, raw: string | undefined): number {
  const v = Number(raw);
  if (raw === undefined || !Number.isFinite(v) || v < 0) {
    process.stderr.write(`--${name} must be a non-negative number\n`);
    process.exit(2);
  }
  return v;
}

if (values.help) {
  process.stdout.write(
    'usage: npm run staffing -- --arrivals-per-hour N --mean-service-sec S [--target-sec T] [--goal G] [--counters C] [--json]\n',
  );
  process.exit(0);
}

const input = {
  arrivalRate: num('arrivals-per-hour', values['arrivals-per-hour']) / 3600,
  meanServiceSec: num('mean-service-sec', values['mean-service-sec']),
};
const targetSec = num('target-sec', values['target-sec']);
const goal = num('goal', values.goal);
if (goal > 1) {
  process.stderr.write('--goal is a share between 0 and 1\n');
  process.exit(2);
}
const best =
  values.counters !== undefined
    ? erlangFigures({ ...input, servers: num('counters', values.counters) }, targetSec)
    : smallestServers(input, targetSec, goal);

const out = {
  counters: best.servers,
  pWait: best.pWait,
  serviceLevel: best.serviceLevel,
  averageWaitSec: Number.isFinite(best.averageWaitSec) ? best.averageWaitSec : null,
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const load = input.arrivalRate * input.meanServiceSec;
  process.stdout.write(
    `${[
      `offered load        ${load.toFixed(2)} Erlangs`,
      `counters            ${out.counters}`,
      `P(wait)             ${(out.pWait * 100).toFixed(1)}%`,
      `within ${targetSec} s        ${(out.serviceLevel * 100).toFixed(1)}% (goal ${(goal * 100).toFixed(0)}%)`,
      `average wait        ${out.averageWaitSec === null ? '∞' : `${out.averageWaitSec.toFixed(1)} s`}`,
    ].join('\n')}\n`,
  );
}
