import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import type { ApiClient } from './api-client.ts';
import type { StaffMessageKey } from './i18n/staff-messages.ts';
import { apiContext, type StaffSession, sessionContext } from './staff-context.ts';

/**
 * Base of every signed-in page and panel: the API client and the session arrive by context
 * from `<lc-staff-app>`, and a session change (language, store) re-renders.
 */
export class StaffElement extends LitElement {
  readonly #api = new ContextConsumer(this, { context: apiContext });
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true });

  get api(): ApiClient {
    const api = this.#api.value;
    if (!api) throw new Error(`${this.localName} is outside <lc-staff-app>`);
    return api;
  }

  get session(): StaffSession | undefined {
    return this.#session.value;
  }

  /** Translates in the session's language. */
  t(key: StaffMessageKey, params?: Record<string, string | number>): string {
    return this.session?.t(key, params) ?? key;
  }

  /** Seconds as whole minutes (rounded up) in the session's language, e.g. "5 min" / "5 分钟"; "–" for nothing. */
  min(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
    return this.t('unit.minutes', { n: Math.ceil(seconds / 60) });
  }

  /** The path parameter naming the session's store, for `this.api.call(…, { params: this.storeParams })`. */
  get storeParams(): { store: string } {
    return { store: this.session?.storeId ?? '' };
  }
}
