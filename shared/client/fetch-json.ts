import type { ApiError } from '../protocol.ts';

/** The server answered with an error status; `code` is the machine code from its JSON error body. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** From `Retry-After` on a 429 or 503: whole seconds before trying again. */
  readonly retryAfterSec: number | undefined;
  constructor(status: number, code: string, message: string, retryAfterSec?: number) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.retryAfterSec = retryAfterSec;
  }
}

/** The server could not be reached at all (offline, refused, DNS); no request reached it. */
export class UnreachableError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached', { cause });
    this.name = 'UnreachableError';
  }
}

export interface FetchJsonOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>` (paired devices). */
  bearer?: string | null;
  signal?: AbortSignal;
}

/**
 * Fetches JSON and returns the parsed body; throws `HttpError` or `UnreachableError`. The apps call
 * operations by name through `callApi` (shared/api/client.ts), which builds on this.
 */
export async function fetchJson<T>(path: string, options: FetchJsonOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new UnreachableError(error);
  }
  const text = await response.text();
  const data: unknown = text ? safeParse(text) : null;
  if (!response.ok) {
    const error = (data as Partial<ApiError> | null)?.error;
    // A proxy in front of a stopped server answers 502/503/504 without our error shape.
    if (!error && response.status >= 502 && response.status <= 504) throw new UnreachableError(response.status);
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new HttpError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return data as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
