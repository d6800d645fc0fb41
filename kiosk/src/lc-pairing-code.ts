import { css, html, LitElement } from 'lit';
import { fetchJson } from '../../shared/client/fetch-json.ts';
import type { Language } from '../../shared/domain.ts';
import { type KioskMessageKey, tk } from './i18n/kiosk-messages.ts';

/** A manager entered the code: this kiosk now has its own device token. */
export class PairedEvent extends Event {
  readonly deviceToken: string;
  constructor(deviceToken: string) {
    super('lc-paired', { bubbles: true, composed: true });
    this.deviceToken = deviceToken;
  }
}

type PairingStatus = { status: 'pending' } | { status: 'expired' } | { status: 'paired'; deviceToken: string };

const POLL_MS = 3000;

/**
 * Shows a one-time pairing code for an unpaired kiosk and waits until a manager enters it.
 *
 * @fires lc-paired
 */
export class LcPairingCode extends LitElement {
  static override properties = {
    store: { type: String },
    language: { type: String },
    code: { state: true },
    problem: { state: true },
  };
  static override styles = css`
    :host {
      display: grid;
      gap: 1em;
      justify-items: center;
      text-align: center;
      font-size: clamp(24px, 3vmin, 44px);
    }
    h1 {
      margin: 0;
    }
    .code {
      font-size: clamp(72px, 14vmin, 200px);
      font-weight: 800;
      letter-spacing: 0.15em;
      padding: 0.2em 0.5em;
      border-radius: 24px;
      background: #fff;
      color: #102a43;
    }
  `;
  declare store: string;
  declare language: Language;
  declare code: string | null;
  declare problem: KioskMessageKey | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pairingId: string | null = null;

  constructor() {
    super();
    this.store = '';
    this.language = 'en';
    this.code = null;
    this.problem = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#request();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  override render() {
    const t = (key: KioskMessageKey, params?: Record<string, string>) => tk(this.language, key, params);
    return html`
      <h1>${t('pairTitle')}</h1>
      ${this.code ? html`<p class="code" aria-label=${t('pairCodeLabel', { code: this.code.split('').join(' ') })}>${this.code}</p>` : html`<p>${t('loading')}</p>`}
      <p>${t('pairHelp')}</p>
      ${this.problem ? html`<p role="alert">${t(this.problem)}</p>` : null}
    `;
  }

  async #request(): Promise<void> {
    try {
      const body = { store: this.store, kind: 'kiosk' };
      const pairing = await fetchJson<{ pairingId: string; code: string }>('/api/devices/pairing', {
        method: 'POST',
        body,
      });
      this.#pairingId = pairing.pairingId;
      this.code = pairing.code;
      this.problem = null;
      this.#schedule(() => this.#poll());
    } catch {
      this.problem = 'storeUnavailable';
      this.#schedule(() => this.#request());
    }
  }

  async #poll(): Promise<void> {
    try {
      const result = await fetchJson<PairingStatus>(
        `/api/devices/pairing/${encodeURIComponent(this.#pairingId ?? '')}`,
      );
      if (result.status === 'paired') {
        this.dispatchEvent(new PairedEvent(result.deviceToken));
        return;
      }
      if (result.status === 'expired') {
        this.problem = 'pairExpired';
        this.code = null;
        await this.#request();
        return;
      }
      this.problem = null;
    } catch {
      this.problem = 'storeUnavailable';
    }
    this.#schedule(() => this.#poll());
  }

  #schedule(next: () => Promise<void>): void {
    clearTimeout(this.#timer);
    if (this.isConnected) this.#timer = setTimeout(() => void next(), POLL_MS);
  }
}

customElements.define('lc-pairing-code', LcPairingCode);

declare global {
  interface HTMLElementTagNameMap {
    'lc-pairing-code': LcPairingCode;
  }
  interface GlobalEventHandlersEventMap {
    'lc-paired': PairedEvent;
  }
}
