import type { StoreSettings } from '../../engine/state.ts';
import { ReportRangeError, reportRange } from '../../reports/report-range.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError } from '../http-error.ts';
import type { ResolvedStore } from '../policy-check.ts';

/** Reports over a range of the store's local days: the summary (JSON) and one CSV row per ticket. */
export function reportRoutes(api: ApiRouter): void {
  api.register('summaryReport', async ({ deps, store, query }) => {
    const { settings, from, to } = checkRange(store, query);
    try {
      return await deps.reports.summary(settings, from, to);
    } catch (err) {
      throw asHttpError(err);
    }
  });

  api.register('ticketsCsv', ({ c, deps, store, query }) => {
    const { settings, from, to } = checkRange(store, query);
    const lines = deps.reports.ticketsCsv(settings, from, to);
    const encoder = new TextEncoder();
    // Streamed page by page, so a year of tickets never sits in memory as one string.
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
  return err instanceof ReportRangeError ? new HttpError(422, 'invalid_query', `Invalid query: ${err.message}`) : err;
}
