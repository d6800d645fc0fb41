import type { StoreSettings } from '../../engine/state.ts';
import { MAX_RANGE_DAYS, ReportRangeError, reportRange } from '../../reports/report-range.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError } from '../http-error.ts';
import type { ResolvedStore } from '../policy-check.ts';

/**
 * Reports over a range of the store's local days: the summary (JSON) and one CSV row per ticket.
 * Both are computed in the report worker; a client that goes away cancels its report there.
 */
export function reportRoutes(api: ApiRouter): void {
  api.register('summaryReport', async ({ c, deps, store, query }) => {
    const { settings, from, to } = checkRange(store, query);
    const signal = c.req.raw.signal;
    try {
      return await deps.reports.summary(settings, from, to, deps.lines.now(), signal);
    } catch (err) {
      // The client went away and the worker stopped: nobody reads this answer.
      if (signal.aborted) throw new HttpError(503, 'cancelled', 'The report was cancelled.');
      throw asHttpError(err);
    }
  });

  api.register('ticketsCsv', ({ c, deps, store, query }) => {
    const { settings, from, to } = checkRange(store, query);
    const lines = deps.reports.ticketsCsv(settings, from, to, c.req.raw.signal);
    const encoder = new TextEncoder();
    // Pulled page by page from the worker, so a year of tickets never sits in memory as one string.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const filename = `linecast-${settings.slug}-tickets-${from}-to-${to}.csv`.replace(/[^\w.-]/g, '_');
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });
}

/** The range must be one the store's reports cover (422 otherwise). */
function checkRange(
  { state }: ResolvedStore,
  { from, to }: { from: string; to: string },
): {
  settings: StoreSettings;
  from: string;
  to: string;
} {
  try {
    reportRange(from, to, state.settings.timeZone, Date.now());
  } catch (err) {
    throw asHttpError(err);
  }
  return { settings: state.settings, from, to };
}

function asHttpError(err: unknown): unknown {
  return err instanceof ReportRangeError
    ? new HttpError(422, 'invalid_query', `Invalid query: ${err.message}`, { maxDays: MAX_RANGE_DAYS })
    : err;
}
