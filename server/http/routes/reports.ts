import type { Context } from 'hono';
import { reportRangeQuery } from '../../../shared/schemas.ts';
import { MAX_RANGE_DAYS, ReportRangeError, reportRange } from '../../reports/report-range.ts';
import { type ApiRouter, readQuery } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError } from '../http-error.ts';

const RANGE_ERROR = `invalid range: not real dates, \`from\` after \`to\`, or more than ${MAX_RANGE_DAYS} days`;

/**
 * Reports over a range of the store's local days: the summary (JSON) and one CSV row per ticket.
 * Both are computed in the report worker; a client that goes away cancels its report there.
 */
export function reportRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'get',
      path: '/stores/:store/reports/summary',
      summary: `Measures (waits, service level, throughput, satisfaction…) overall and per day, hour, service, counter and operator; at most ${MAX_RANGE_DAYS} days per report`,
      tag: 'reports',
      audience: 'manager',
      query: reportRangeQuery,
      responses: {
        200: 'the summary',
        401: 'not signed in',
        403: 'not a manager of this store',
        404: 'unknown store',
        422: RANGE_ERROR,
      },
    },
    async (c) => {
      const { settings, from, to } = readRange(c);
      const { reports, lines } = c.get('deps');
      const signal = c.req.raw.signal;
      try {
        return c.json(await reports.summary(settings, from, to, lines.now(), signal));
      } catch (err) {
        // The client went away and the worker stopped: nobody reads this answer.
        if (signal.aborted) throw new HttpError(503, 'cancelled', 'The report was cancelled.');
        throw asHttpError(err);
      }
    },
  );

  api.route(
    {
      method: 'get',
      path: '/stores/:store/reports/tickets.csv',
      summary: `One CSV row per ticket issued in the range (RFC 4180, UTF-8, header row); at most ${MAX_RANGE_DAYS} days`,
      tag: 'reports',
      audience: 'manager',
      query: reportRangeQuery,
      produces: 'text/csv',
      responses: {
        200: 'the CSV file',
        401: 'not signed in',
        403: 'not a manager of this store',
        404: 'unknown store',
        422: RANGE_ERROR,
      },
    },
    (c) => {
      const { settings, from, to } = readRange(c);
      const lines = c.get('deps').reports.ticketsCsv(settings, from, to, c.req.raw.signal);
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
    },
  );
}

/** The store (404), the manager (401/403) and a checked range (422), in that order. */
function readRange(c: Context<AppEnv>) {
  const { storeId, state } = storeFromPath(c);
  requireRole(c, 'manager', storeId);
  const { from, to } = readQuery(c, reportRangeQuery);
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
