import { callApi } from '../../shared/api/client.ts';
import { HttpError, UnreachableError } from '../../shared/client/fetch-json.ts';
import type { Language, TicketDto } from '../../shared/domain.ts';
import { newIdempotencyKey } from './idempotency-key.ts';

export type IssueOutcome =
  | { ok: true; ticket: TicketDto }
  | { ok: false; problem: 'unreachable' | 'unpaired' | 'failed'; message?: string }
  /** Too many tickets from this address just now (429): nothing was issued; try after `retryAfterSec`. */
  | { ok: false; problem: 'throttled'; retryAfterSec: number };

interface Attempt {
  serviceId: string;
  priority: boolean;
  language: Language;
  key: string;
}

/**
 * Takes tickets for one store. Each attempt gets one idempotency key, which `retry()` reuses, and
 * nothing is sent while a request is pending: a double tap or a retry after a timeout can never
 * make two tickets. Keeps the kiosk's device token (sent as `Authorization: Bearer`).
 *
 * @example
 * const outcome = await issuer.start('pickup', false, 'en'); // then, after an error: issuer.retry()
 */
export class TicketIssuer {
  readonly store: string;
  #attempt: Attempt | null = null;
  #pending = false;

  constructor(store: string) {
    this.store = store;
  }

  get deviceToken(): string | null {
    return localStorage.getItem(this.#tokenKey());
  }

  set deviceToken(token: string | null) {
    if (token) localStorage.setItem(this.#tokenKey(), token);
    else localStorage.removeItem(this.#tokenKey());
  }

  get pending(): boolean {
    return this.#pending;
  }

  /** A new attempt with a new key; `null` while another one is still pending. */
  start(serviceId: string, priority: boolean, language: Language): Promise<IssueOutcome | null> {
    if (this.#pending) return Promise.resolve(null);
    this.#attempt = { serviceId, priority, language, key: newIdempotencyKey() };
    return this.retry();
  }

  /** Sends the current attempt again, with the same key. */
  async retry(): Promise<IssueOutcome | null> {
    const attempt = this.#attempt;
    if (!attempt || this.#pending) return null;
    this.#pending = true;
    try {
      const { key, ...body } = attempt;
      const { ticket } = await callApi('issueTicket', {
        params: { store: this.store },
        body: { ...body, idempotencyKey: key },
        bearer: this.deviceToken,
      });
      return { ok: true, ticket };
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        return { ok: false, problem: 'unpaired', message: error.message };
      }
      if (error instanceof HttpError && error.status === 429)
        return { ok: false, problem: 'throttled', retryAfterSec: error.retryAfterSec ?? 60 };
      if (error instanceof HttpError && error.status < 500)
        return { ok: false, problem: 'failed', message: error.message };
      if (!(error instanceof UnreachableError) && !(error instanceof HttpError)) throw error;
      return { ok: false, problem: 'unreachable' };
    } finally {
      this.#pending = false;
    }
  }

  /** The customer is done with this attempt; the next tap starts a new one. */
  clear(): void {
    this.#attempt = null;
  }

  #tokenKey(): string {
    return `linecast:kiosk:${this.store}:deviceToken`;
  }
}
