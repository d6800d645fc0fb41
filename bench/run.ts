/**
 * `npm run bench [-- --quick] [--json] [--only NAME[,NAME]] [--history DATA_DIR] [--keep]`:
 * runs the scale bench sections (bench/scale/*) and prints one table (metric, Linecast,
 * reference measured in the same run, ratio, target, met), or with `--json` one JSON object.
 * Load goes to 127.0.0.1 only; every loop is bounded in count and time.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateHistory } from '../scripts/history/generate.ts';
import { buildServer } from './scale/processes.ts';
import type { BenchContext, BenchRow, BenchSection, SectionResult } from './scale/section.ts';

/** Section modules in run order; a module not on this branch yet is skipped. */
const SECTION_MODULES = [
  './scale/operations.ts',
  './scale/command-cost.ts',
  './scale/fanout.ts',
  './scale/reports.ts',
  './scale/memory.ts',
  './scale/signage-soak.ts',
  './scale/cluster.ts',
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    history: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function isSection(value: unknown): value is BenchSection {
  return typeof value === 'object' && value !== null && 'name' in value && 'run' in value;
}

async function loadSections(): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  for (const path of SECTION_MODULES) {
    if (!existsSync(new URL(path, import.meta.url))) continue;
    const module = (await import(path)) as Record<string, unknown>;
    for (const value of Object.values(module)) if (isSection(value) && !sections.includes(value)) sections.push(value);
  }
  return sections;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const scratchDir = mkdtempSync(join(tmpdir(), 'linecast-bench-'));
let history: Promise<{ dataDir: string; tickets: number }> | undefined;
const ctx: BenchContext = {
  quick: values.quick,
  scratchDir,
  log,
  largeHistory() {
    history ??= (async () => {
      if (values.history) {
        const dataDir = resolve(values.history);
        if (!readdirSync(dataDir).includes('linecast.db')) throw new Error(`no linecast.db in ${dataDir}`);
        return { dataDir, tickets: Number.NaN };
      }
      const [stores, days] = values.quick ? [2, 5] : [20, 90];
      log(
        `generating ${stores} stores × ${days} days of history (npm run simulate -- --stores ${stores} --days ${days})`,
      );
      const summary = await generateHistory({ stores, days, into: join(scratchDir, 'history'), log });
      log(`history: ${summary.tickets} tickets in ${summary.seconds} s`);
      return { dataDir: summary.dataDir, tickets: summary.tickets };
    })();
    return history;
  },
};

const only = (values.only ?? []).flatMap((o) => o.split(','));
const sections = (await loadSections()).filter((s) => only.length === 0 || only.includes(s.name));
const results: Record<string, SectionResult | { error: string }> = {};
const started = new Date().toISOString();
try {
  log('compiling the server (scripts/build-server.mjs)');
  buildServer();
  for (const section of sections) {
    log(`— ${section.name}`);
    try {
      results[section.name] = await section.run(ctx);
    } catch (error) {
      log(`${section.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      results[section.name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
} finally {
  if (!values.keep) rmSync(scratchDir, { recursive: true, force: true });
  else log(`scratch folder kept: ${scratchDir}`);
}

const ratio = (r: BenchRow) =>
  r.linecast !== null && r.reference !== undefined && r.reference !== null && r.reference !== 0
    ? Math.round((r.linecast / r.reference) * 100) / 100
    : null;

if (values.json) {
  const machine = { cpus: (await import('node:os')).availableParallelism(), node: process.version };
  process.stdout.write(
    `${JSON.stringify({ started, quick: values.quick, machine, sections: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, 'rows' in v ? { ...v, rows: v.rows.map((r) => ({ ...r, ratio: ratio(r) })) } : v])) })}\n`,
  );
} else {
  const fmt = (n: number | null | undefined) =>
    n === null || n === undefined || Number.isNaN(n)
      ? '—'
      : Number.isInteger(n)
        ? String(n)
        : n.toFixed(n < 10 ? 2 : 1);
  const table: string[][] = [['section', 'metric', 'unit', 'Linecast', 'reference', 'ratio', 'target', 'met']];
  for (const [name, result] of Object.entries(results)) {
    if (!('rows' in result)) {
      table.push([name, `failed: ${result.error.slice(0, 60)}`, '', '', '', '', '', '']);
      continue;
    }
    for (const r of result.rows)
      table.push([
        name,
        r.metric,
        r.unit,
        fmt(r.linecast),
        fmt(r.reference),
        fmt(ratio(r)),
        r.target ?? '',
        r.met === undefined ? '' : r.met ? 'yes' : 'NO',
      ]);
  }
  const widths = table[0]?.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length))) ?? [];
  for (const row of table) process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}\n`);
  process.stdout.write(
    `\n${quickNote()}Figures from a shared 2-core machine are noisy: compare Linecast with the reference measured in the same run.\n`,
  );
}

function quickNote() {
  return values.quick ? '--quick: short runs and small sizes, a smoke check; do not publish these figures.\n' : '';
}
