import type { HistoryRow } from '../../server/insight/prediction/history.ts';

/**
 * Reads a call log in the "Anonymous Bank" format (Technion SEE lab, Avi Mandelbaum) into
 * line history rows, following the data set's README: PHANTOM calls, automated AGENT calls
 * (NO_SERVER) and negative durations are dropped; a call joins the line at q_start (or goes
 * straight to an agent); HANG after q_start leaves the line at q_exit; times earlier than
 * vru_entry by hours crossed midnight. Times become UTC epoch ms of the local clock.
 */
export interface BankRow extends HistoryRow {
  /** Joined the line (had a q_start), as opposed to reaching an agent directly. */
  queued: boolean;
  day: string;
}

/** The data set in the team's reference folder beside the repository. */
export const BANK_CALLS_FILE = new URL(
  '../../../shared/data/anonymous-bank/calls-1999-02-01-to-21.tsv',
  import.meta.url,
).pathname;

const clock = (s: string): number | null => {
  if (s === '0:00:00') return null;
  const [h, m, sec] = s.split(':').map(Number);
  return ((h ?? 0) * 3600 + (m ?? 0) * 60 + (sec ?? 0)) * 1000;
};

export function parseBankCalls(text: string): BankRow[] {
  const lines = text.split('\n');
  const header = lines[0]?.split('\t') ?? [];
  const col = (name: string) => header.indexOf(name);
  const ix = {
    id: col('call_id'),
    priority: col('priority'),
    date: col('date'),
    vruEntry: col('vru_entry'),
    vruExit: col('vru_exit'),
    vruTime: col('vru_time'),
    qStart: col('q_start'),
    qTime: col('q_time'),
    outcome: col('outcome'),
    serStart: col('ser_start'),
    serExit: col('ser_exit'),
    serTime: col('ser_time'),
    server: col('server'),
  };
  const rows: BankRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.split('\t');
    if (f.length < header.length) continue;
    const outcome = f[ix.outcome]!;
    const server = f[ix.server]!.trim();
    if (outcome === 'PHANTOM' || (outcome === 'AGENT' && server === 'NO_SERVER')) continue;
    if ([ix.vruTime, ix.qTime, ix.serTime].some((k) => Number(f[k]) < 0)) continue;
    const d = f[ix.date]!;
    const day = `19${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
    const base = Date.parse(`${day}T00:00:00Z`);
    const entry = clock(f[ix.vruEntry]!) ?? 0;
    const at = (s: string): number | null => {
      const t = clock(s);
      if (t === null) return null;
      return base + (t < entry - 3600_000 ? t + 86_400_000 : t);
    };
    const qStart = at(f[ix.qStart]!);
    const qTime = Number(f[ix.qTime]) * 1000;
    const serStart = at(f[ix.serStart]!);
    const serExit = at(f[ix.serExit]!);
    const priority = f[ix.priority] === '2';
    const common = { id: f[ix.id]!, serviceId: 'call', priority, day };
    if (qStart !== null) {
      if (outcome === 'AGENT') {
        rows.push({
          ...common,
          queued: true,
          issuedAt: qStart,
          calledAt: qStart + qTime,
          doneAt: serExit ?? qStart + qTime + Number(f[ix.serTime]) * 1000,
          leftAt: null,
          counterId: server,
        });
      } else if (outcome === 'HANG') {
        rows.push({
          ...common,
          queued: true,
          issuedAt: qStart,
          calledAt: null,
          doneAt: null,
          leftAt: qStart + qTime,
          counterId: null,
        });
      }
    } else if (outcome === 'AGENT' && serStart !== null) {
      const start = serStart;
      rows.push({
        ...common,
        queued: false,
        issuedAt: start,
        calledAt: start,
        doneAt: serExit ?? start + Number(f[ix.serTime]) * 1000,
        leftAt: null,
        counterId: server,
      });
    }
  }
  rows.sort((a, b) => a.issuedAt - b.issuedAt);
  return rows;
}
