/**
 * Staffing-advisor bench: learn on simulated days, advise the next day per 15 minutes, replay it
 * staffed as advised and compare with the smallest staffing that meets the goal (see
 * bench/lib/staffing-check.ts for the exact criteria).
 * `npm run -s bench:staffing -- [--json] [--scenarios steady,lunch-peak,peak-two-close] [--seeds 20]
 * [--history-seeds 1,2,3,4,5,6,7,8] [--held-days 8] [--isolated-seeds 0] [--plans] [--intervals]`
 * One row per scenario and learning history, then a summary per scenario. Prints a table or,
 * with --json, exactly one JSON object on stdout: `{"results": [...], "summary": [...]}`.
 * `--isolated-seeds 5` adds the isolated minimum (about 20 s more per row).
 */
import { parseArgs } from 'node:util';
import { loadProfile } from './lib/scenarios.ts';
import { checkStaffing, type MinimumSummary, type StaffingCheck } from './lib/staffing-check.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scenarios: { type: 'string', default: 'steady,lunch-peak,peak-two-close' },
    seeds: { type: 'string', default: '20' },
    'history-seeds': { type: 'string', default: '1,2,3,4,5,6,7,8' },
    'held-days': { type: 'string', default: '8' },
    'isolated-seeds': { type: 'string', default: '0' },
    plans: { type: 'boolean', default: false },
    intervals: { type: 'boolean', default: false },
  },
});

const int = (name: string, raw: string): number => {
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return v;
};
const seeds = int('seeds', values.seeds);
const heldDays = int('held-days', values['held-days']);
const isolatedSeeds = Math.min(seeds, int('isolated-seeds', values['isolated-seeds']));
const historySeeds = values['history-seeds'].split(',').map((s) => int('history-seeds', s));

const runs: Array<StaffingCheck & { historySeed: number; ms: number }> = [];
for (const name of values.scenarios.split(',')) {
  for (const historySeed of historySeeds) {
    const t = performance.now();
    const r = checkStaffing(loadProfile(name), { seeds, heldDays, isolatedSeeds, historySeed, plans: values.plans });
    runs.push({ ...r, scenario: name, historySeed, ms: Math.round(performance.now() - t) });
    process.stderr.write(`${name} (history seed ${historySeed}): ${runs.at(-1)!.ms} ms, ${r.simulations} days\n`);
  }
}

const summary = [...new Set(runs.map((r) => r.scenario))].map((scenario) => {
  const mine = runs.filter((r) => r.scenario === scenario);
  const met = mine.map((r) => r.shareMet);
  return {
    scenario,
    histories: mine.length,
    shareMetMin: Math.min(...met),
    shareMetMean: met.reduce((a, b) => a + b, 0) / met.length,
    shareMetMax: Math.max(...met),
    historiesMeetingGoal: mine.filter((r) => r.shareMet >= 0.95).length,
    historiesWithinOne: mine.filter((r) => r.held.maxOver <= 1).length,
    historiesMeetingBoth: mine.filter((r) => r.shareMet >= 0.95 && r.held.maxOver <= 1).length,
    maxOver: Math.max(...mine.map((r) => r.held.maxOver)),
  };
});

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);
const brief = (m: MinimumSummary | null) =>
  m && {
    maxOver: m.maxOver,
    shareWithinOne: m.shareWithinOne,
    shareExact: m.shareExact,
    under: m.under,
    total: m.total,
    planAtMinimum: m.planAtMinimum,
    planAtMinimumPlusOne: m.planAtMinimumPlusOne,
  };

if (values.json) {
  const results = runs.map((r) => ({
    scenario: r.scenario,
    historySeed: r.historySeed,
    seeds: r.seeds,
    intervals: r.intervals,
    intervalDays: r.intervalDays,
    shareMet: r.shareMet,
    maxOver: r.held.maxOver,
    shareWithinOne: r.held.shareWithinOne,
    advisedTotal: r.advisedTotal,
    held: brief(r.held),
    isolated: r.isolated && { ...brief(r.isolated), seeds: r.isolated.seeds },
    ...(values.intervals
      ? {
          perInterval: r.perInterval.map((p) => ({
            start: new Date(p.start).toISOString(),
            truePerHour: p.truePerHour,
            forecastPerHour: Math.round(p.forecastPerHour * 10) / 10,
            advised: p.advised,
            held: p.held,
            isolated: p.isolated,
            pooled: p.pooled,
          })),
        }
      : {}),
  }));
  process.stdout.write(`${JSON.stringify({ results, summary })}\n`);
} else {
  const head = [
    'scenario',
    'hist',
    'intervals',
    'days',
    'met goal',
    'max over',
    'within one',
    'exact',
    'Σ advised/held',
    'iso max over',
    'iso within one',
  ];
  const rows = runs.map((r) => [
    r.scenario,
    String(r.historySeed),
    String(r.intervals),
    String(r.seeds),
    pct(r.shareMet),
    `+${r.held.maxOver}`,
    pct(r.held.shareWithinOne),
    pct(r.held.shareExact),
    `${r.advisedTotal}/${r.held.total}`,
    r.isolated ? `+${r.isolated.maxOver}` : '-',
    r.isolated ? pct(r.isolated.shareWithinOne) : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), ...rows.map(line), ''];
  for (const m of summary) {
    out.push(
      `${m.scenario}: met goal ${pct(m.shareMetMin)}–${pct(m.shareMetMax)} (mean ${pct(m.shareMetMean)}); ≥ 95% in ${m.historiesMeetingGoal}/${m.histories} histories, within one counter everywhere in ${m.historiesWithinOne}/${m.histories}, both in ${m.historiesMeetingBoth}/${m.histories}`,
    );
  }
  if (values.plans) {
    out.push('', 'share of interval-days meeting the goal when every interval is staffed at:');
    for (const r of runs) {
      out.push(
        `  ${r.scenario} (hist ${r.historySeed}): held minimum ${pct(r.held.planAtMinimum)}, held minimum + 1 ${pct(r.held.planAtMinimumPlusOne)}` +
          (r.isolated
            ? `; isolated minimum ${pct(r.isolated.planAtMinimum)}, isolated minimum + 1 ${pct(r.isolated.planAtMinimumPlusOne)}`
            : ''),
      );
    }
  }
  if (values.intervals) {
    for (const r of runs) {
      out.push(
        '',
        `${r.scenario} (hist ${r.historySeed}): time  true/h  forecast/h  advised  held  isolated  pooled SL`,
      );
      for (const p of r.perInterval) {
        out.push(
          `  ${new Date(p.start).toISOString().slice(11, 16)}  ${String(p.truePerHour).padStart(6)}  ${p.forecastPerHour.toFixed(1).padStart(10)}  ${String(p.advised).padStart(7)}  ${String(p.held).padStart(4)}  ${String(p.isolated ?? '-').padStart(8)}  ${pct(p.pooled).padStart(9)}`,
        );
      }
    }
  }
  out.push(
    '',
    `met goal = share of interval-days (interval × simulated day, ${seeds} days staffed as advised) with ≥ goal called within the target.`,
    'max over / within one / exact = advice s_i vs the held minimum m_i (fewest counters that, kept open at the interval’s true rate, meet the goal pooled over the simulated days).',
  );
  if (isolatedSeeds > 0)
    out.push(
      `iso = vs the isolated minimum (interval i alone lowered, others as advised, pooled over ${isolatedSeeds} days) — borrows the neighbours' spare capacity.`,
    );
  process.stdout.write(`${out.join('\n')}\n`);
}
