import { css, html, LitElement } from 'lit';
import { fetchJson } from '../../shared/client/fetch-json.ts';
import type { Language } from '../../shared/domain.ts';
import { type SignageMessage, t } from './signage-messages.ts';

/** A manager entered the code: this screen now has a device token and reports under its name. */
export class ScreenPairedEvent extends Event {
  static readonly type = 'lc-screen-paired';
  readonly deviceToken: string;
  constructor(deviceToken: string) {
    super(ScreenPairedEvent.type, { bubbles: true, composed: true });
    this.deviceToken = deviceToken;
  }
}

type PairingStatus = { status: 'pending' | 'claimed' | 'expired' } | { status: 'paired'; deviceToken: string };

const POLL_MS = 3_000;

/**
 * Shows a one-time pairing code (asked for with `?pair=1`) until a manager enters it under
 * Admin → Devices. Pairing is optional: an unpaired screen works, it just reports anonymously.
 *
 * @fires lc-screen-paired
 */
export class LcPairingScreen extends LitElement {
  static override properties = {
    store: {},
    language: {},
    _code: { state: true },
    _problem: { state: true },
  };

  declare store: string;
  declare language: Language;
  declare _code: string | null;
  declare _problem: SignageMessage | null;
  #pairingId = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 40;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 1em;
      background: #0b1730;
      text-align: center;
      font-size: 1.6em;
    }
    .code {
      margin: 0;
      padding: 0.2em 0.5em;
      border-radius: 0.4em;
      background: #fff;
      color: #0b1730;
      font-size: 4em;
      font-weight: 800;
      letter-spacing: 0.15em;
    }
  `;

  constructor() {
    super();
    this.store = '';
    this.language = 'en';
    this._code = null;
    this._problem = null;
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
    return html`<h1>${t(this.language, 'pairTitle')}</h1>
      <p class="code" data-testid="pairing-code">${this._code ?? '…'}</p>
      <p>${t(this.language, 'pairHelp')}</p>
      ${this._problem ? html`<p role="alert">${t(this.language, this._problem)}</p>` : null}`;
  }

  async #request(): Promise<void> {
    try {
      const pairing = await fetchJson<{ pairingId: string; code: string }>('/api/devices/pairing', {
        method: 'POST',
        body: { store: this.store, kind: 'signage' },
      });
      this.#pairingId = pairing.pairingId;
      this._code = pairing.code;
      this._problem = null;
      this.#later(() => this.#poll());
    } catch {
      this._problem = 'connecting';
      this.#later(() => this.#request());
    }
  }

  async #poll(): Promise<void> {
    const result = await fetchJson<PairingStatus>(`/api/devices/pairing/${encodeURIComponent(this.#pairingId)}`).catch(
      () => null,
    );
    if (result?.status === 'paired') {
      this.dispatchEvent(new ScreenPairedEvent(result.deviceToken));
    } else if (result?.status === 'expired' || result?.status === 'claimed') {
      this._code = null;
      await this.#request();
    } else {
      this.#later(() => this.#poll());
    }
  }

  #later(next: () => Promise<void>): void {
    clearTimeout(this.#timer);
    if (this.isConnected) this.#timer = setTimeout(() => void next(), POLL_MS);
  }
}

customElements.define('lc-pairing-screen', LcPairingScreen);

declare global {
  interface HTMLElementTagNameMap {
    'lc-pairing-screen': LcPairingScreen;
  }
  interface GlobalEventHandlersEventMap {
    'lc-screen-paired': ScreenPairedEvent;
  }
}
