import { fetchJson } from '../client/fetch-json.ts';
import type { BodyOf, QueryOf, ResponseOf } from './operation.ts';
import type { Operations } from './operations.ts';
import { type OperationId, type PathParams, ROUTES, routeUrl } from './routes.ts';

/*
 * The apps' typed door to the API. Only `routes.ts` (method, path, policy) is loaded at run time;
 * the body, query and answer types come from the operation map's zod schemas through
 * `import type`, so no zod reaches an app's bundle (see docs/decisions.md).
 */

type Op<K extends OperationId> = Operations[K];
type ParamsOf<K extends OperationId> = PathParams<(typeof ROUTES)[K]['path']>;
type QueryInput<Q> = [Q] extends [undefined]
  ? { query?: undefined }
  : Record<string, never> extends Q
    ? { query?: Q }
    : { query: Q };

/** What one call needs: the path's parameters, the body and query the operation takes. */
export type CallInput<K extends OperationId> = ([keyof ParamsOf<K>] extends [never]
  ? { params?: undefined }
  : { params: ParamsOf<K> }) &
  ([BodyOf<Op<K>>] extends [undefined] ? { body?: undefined } : { body: BodyOf<Op<K>> }) &
  QueryInput<QueryOf<Op<K>>> & {
    /** Sent as `Authorization: Bearer <token>` (paired kiosks and screens). */
    bearer?: string | null;
    signal?: AbortSignal;
  };

/** The operation's answer, as its response schema describes it. */
export type ApiAnswer<K extends OperationId> = ResponseOf<Op<K>>;

/** The input argument: optional when the operation needs nothing. */
export type CallArgs<K extends OperationId> =
  Record<string, never> extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

/**
 * Calls an operation by its name in the map; throws `HttpError` or `UnreachableError`.
 *
 * @example
 * const { ticket } = await callApi('issueTicket', { params: { store: 'demo' }, body: { serviceId: 'pickup' } });
 */
export function callApi<K extends OperationId>(id: K, ...[input]: CallArgs<K>): Promise<ApiAnswer<K>> {
  const route = ROUTES[id];
  const i = input as CallInput<K> | undefined;
  const query = i?.query as Record<string, string | number | boolean | undefined> | undefined;
  return fetchJson<ApiAnswer<K>>(apiUrl(id, i?.params, query), {
    method: route.method.toUpperCase() as 'GET',
    body: i?.body,
    bearer: i?.bearer,
    signal: i?.signal,
  });
}

/**
 * The URL of an operation, for links and downloads (a CSV, a media file).
 * @example apiUrl('ticketsCsv', { store: 'demo' }, { from: '2026-03-01', to: '2026-03-07' })
 */
export function apiUrl<K extends OperationId>(
  id: K,
  params?: ParamsOf<K>,
  query?: Record<string, string | number | boolean | undefined>,
): string {
  const url = routeUrl(ROUTES[id], (params ?? {}) as Record<string, string>);
  const pairs = Object.entries(query ?? {}).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  return pairs.length === 0 ? url : `${url}?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)]))}`;
}
