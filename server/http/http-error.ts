import type { Rejection, RejectionCode } from '../engine/rejection.ts';
import type { LineBusyError } from '../line/serial-queue.ts';

/** An error the edge turns into `{"error":{code,message,details}}` with this status. */
export class HttpError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
  readonly code: string;
  readonly details: unknown;
  /** Sent as `Retry-After` (seconds). */
  readonly retryAfterSec: number | undefined;

  constructor(status: HttpError['status'], code: string, message: string, details?: unknown, retryAfterSec?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSec = retryAfterSec;
  }
}

const REJECTION_STATUS: Record<RejectionCode, HttpError['status']> = {
  unknown_service: 404,
  unknown_counter: 404,
  unknown_ticket: 404,
  service_inactive: 409,
  store_inactive: 409,
  counter_inactive: 409,
  counter_not_open: 409,
  counter_busy: 409,
  counter_not_serving_service: 409,
  no_current_ticket: 409,
  ticket_not_waiting: 409,
  ticket_already_started: 409,
  ticket_not_done: 409,
  feedback_already_given: 409,
  invalid_transfer: 422,
  invalid_settings: 422,
};

/** The engine's typed refusal, as an HTTP answer. */
export function rejectionError(rejection: Rejection): HttpError {
  return new HttpError(REJECTION_STATUS[rejection.code] ?? 409, rejection.code, rejection.message);
}

export const notFound = (what: string) => new HttpError(404, `unknown_${what}`, `No such ${what}.`);

/** A caller past an operation's rate limit: 429 with `Retry-After`, nothing changed. */
export function rateLimited(retryAfterSec: number): HttpError {
  return new HttpError(
    429,
    'rate_limited',
    `Too many requests. Try again in ${retryAfterSec} s.`,
    { retryAfterSec },
    retryAfterSec,
  );
}

/** A store whose command queue is full: 503 with `Retry-After`, nothing changed. */
export function lineBusy(busy: LineBusyError): HttpError {
  return new HttpError(503, 'line_busy', busy.message, undefined, busy.retryAfterSec);
}
