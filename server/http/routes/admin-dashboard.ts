import { localParts } from '../../../shared/time.ts';
import { reportRange } from '../../reports/report-range.ts';
import type { ApiRouter } from '../api-router.ts';

const BIN_MS = 15 * 60_000;
/** Upper edges (seconds) of the wait histogram's bars; the last bar is open-ended. */
const WAIT_EDGES = [60, 120, 180, 300, 600, 900, 1200, 1800];

/**
 * Figures the live dashboard charts need beyond the reports summary: arrivals and services per
 * 15 minutes and the wait distribution of one local day; and the operator's own day.
 */
export function adminDashboardRoutes(api: ApiRouter): void {
  api.register('dashboard', async ({ deps: { history, lines }, store: { id: storeId, state }, query }) => {
    const now = lines.now();
    const day = query.day ?? localParts(now, state.settings.timeZone).day;
    const { startMs, endMs } = reportRange(day, day, state.settings.timeZone, now);
    const rows = await history.issuedBetween(storeId, startMs, endMs);
    const bins = Array.from({ length: Math.ceil((endMs - startMs) / BIN_MS) }, (_, i) => ({
      start: new Date(startMs + i * BIN_MS).toISOString(),
      arrivals: 0,
      served: 0,
    }));
    const waitHistogram = [...WAIT_EDGES, null].map((toSec, i) => ({
      fromSec: i === 0 ? 0 : WAIT_EDGES[i - 1]!,
      toSec,
      count: 0,
    }));
    for (const r of rows) {
      const issued = r.issuedAt;
      bins[Math.floor((issued - startMs) / BIN_MS)]!.arrivals++;
      if (r.status === 'done' && r.doneAt !== null && r.doneAt < endMs)
        bins[Math.floor((r.doneAt - startMs) / BIN_MS)]!.served++;
      if (r.firstCalledAt !== null) {
        const waitSec = (r.firstCalledAt - issued) / 1000;
        const bar = WAIT_EDGES.findIndex((edge) => waitSec < edge);
        waitHistogram[bar === -1 ? WAIT_EDGES.length : bar]!.count++;
      }
    }
    return { day, bins, waitHistogram };
  });

  api.register('myDay', async ({ deps: { reports, lines }, store: { state }, caller: { user } }) => {
    const day = localParts(lines.now(), state.settings.timeZone).day;
    const summary = await reports.summary(state.settings, day, day, lines.now());
    const mine = summary.byOperator.find((o) => o.operatorId === user.id);
    return { day, figures: mine ?? null };
  });
}
