/**
 * Wait-prediction accuracy bench. `npm run bench:predict -- [--json] [--calls FILE]
 * [--learn-until YYYY-MM-DD] [--report-from YYYY-MM-DD] [--report-until YYYY-MM-DD]
 * [--scenarios a,b] [--no-calls] [--no-sim]`. Prints a table (stderr notes) or, with
 * --json, exactly one JSON object on stdout. Simulated days are reported twice: every called
 * ticket (`sim:<name>`) and only those who found no free counter (`sim:<name>:queued`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BANK_CALLS_FILE, parseBankCalls } from './lib/bank-calls.ts';
import { evaluateRows } from './lib/evaluate-rows.ts';
import { AHEAD_BUCKETS, type Result, type Scored, summarize } from './lib/metrics.ts';
import { evaluateScenario, SCENARIOS } from './lib/scenarios.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    calls: { type: 'string', default: BANK_CALLS_FILE },
    'learn-until': { type: 'string', default: '1999-02-14' },
    'report-from': { type: 'string', default: '1999-02-15' },
    'report-until': { type: 'string' },
    scenarios: { type: 'string' },
    'no-calls': { type: 'boolean', default: false },
    'no-sim': { type: 'boolean', default: false },
  },
});

const PREDICTORS = ['linecast', 'ql', 'ql-abandon', 'les', 'hol'];
const results: Result[] = [];
const tables: string[] = [];

function report(dataset: string, scored: Scored[], note: string): void {
  for (const p of PREDICTORS)
    results.push(
      summarize(
        dataset,
        p,
        scored.filter((s) => s.predictor === p),
      ),
    );
  // Customers who found no free counter — the population the real data scores (it only has
  // callers who queued) — as a dataset of its own: those who arrive to a free counter surely wait 0.
  if (scored.some((s) => s.freeCounter)) {
    const queued = scored.filter((s) => !s.freeCounter);
    for (const p of PREDICTORS)
      results.push(
        summarize(
          `${dataset}:queued`,
          p,
          queued.filter((s) => s.predictor === p),
        ),
      );
  }
  const lines = [`\n## ${dataset}\n${note}`, 'predictor   ahead     n     MAE    RMSE  p90cov  ±2min'];
  for (const p of PREDICTORS) {
    const mine = scored.filter((s) => s.predictor === p);
    const rows: Array<[string, (s: Scored) => boolean]> = [
      ['all', () => true],
      ...AHEAD_BUCKETS.map(([label, test]): [string, (s: Scored) => boolean] => [label, (s) => test(s.ahead)]),
    ];
    // A customer arriving to a free counter waits 0 for sure, so it covers any p90: show the rest apart.
    if (mine.some((s) => s.freeCounter)) rows.push(['queued', (s) => !s.freeCounter]);
    for (const [label, test] of rows) {
      const r = summarize(dataset, p, mine.filter(test));
      if (r.n === 0) continue;
      lines.push(
        `${p.padEnd(11)} ${label.padEnd(5)} ${String(r.n).padStart(5)} ${r.mae.toFixed(1).padStart(7)} ${r.rmse.toFixed(1).padStart(7)} ${r.p90Coverage === null ? '    -' : `${(r.p90Coverage * 100).toFixed(1)}%`.padStart(7)} ${`${(r.within2min * 100).toFixed(1)}%`.padStart(6)}`,
      );
    }
  }
  tables.push(lines.join('\n'));
}

const day = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`not a date: ${s}`);
  return t;
};

if (!values['no-calls']) {
  const rows = parseBankCalls(readFileSync(values.calls, 'utf8'));
  const learnUntil = day(values['learn-until']) + 86_400_000;
  const reportFrom = day(values['report-from']);
  const reportUntil = values['report-until'] ? day(values['report-until']) + 86_400_000 : Number.POSITIVE_INFINITY;
  const { scored } = evaluateRows(
    rows.filter((r) => r.issuedAt < reportUntil),
    {
      learnUntil,
      reportFrom,
      timeZone: 'UTC',
      // An arrival that queues found every agent busy, so idle agents are not counted as open.
      replay: { rule: { kind: 'headStart', sec: 90 }, openIdleSec: 0 },
      include: (r) => (r as { queued?: boolean }).queued === true && r.calledAt !== null,
      runs: 200,
    },
  );
  report(
    'anonymous-bank',
    scored,
    `Real data: "Anonymous Bank" call centre, Feb 1999 — courtesy of Avi Mandelbaum (Technion SEE lab).\nlearn ≤ ${values['learn-until']}, report ≥ ${values['report-from']}; scored: served calls that joined the line (abandoners excluded); "ahead" = callers ahead under the 90 s priority head start.`,
  );
}

if (!values['no-sim']) {
  const names = values.scenarios ? values.scenarios.split(',') : Object.keys(SCENARIOS);
  for (const name of names) {
    const { scored, note } = evaluateScenario(name);
    report(`sim:${name}`, scored, note);
  }
}

if (values.json) process.stdout.write(`${JSON.stringify({ results })}\n`);
else process.stdout.write(`${tables.join('\n')}\n`);
