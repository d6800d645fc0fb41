import { css, html, LitElement } from 'lit';
import { PairingController } from '../../shared/client/pairing-controller.ts';
import type { Language } from '../../shared/domain.ts';
import { type KioskMessageKey, tk } from './i18n/kiosk-messages.ts';

/**
 * Shows a one-time pairing code for an unpaired kiosk and waits until a manager enters it.
 *
 * @fires lc-device-paired
 */
export class LcPairingCode extends LitElement {
  static override properties = {
    store: { type: String },
    language: { type: String },
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
  #pairing = new PairingController(this, { store: () => this.store, kind: 'kiosk' });

  constructor() {
    super();
    this.store = '';
    this.language = 'en';
  }

  override render() {
    const t = (key: KioskMessageKey, params?: Record<string, string>) => tk(this.language, key, params);
    const { code, unreachable } = this.#pairing;
    return html`
      <h1>${t('pairTitle')}</h1>
      ${code ? html`<p class="code" aria-label=${t('pairCodeLabel', { code: code.split('').join(' ') })}>${code}</p>` : html`<p>${t('loading')}</p>`}
      <p>${t('pairHelp')}</p>
      ${unreachable ? html`<p role="alert">${t('storeUnavailable')}</p>` : null}
    `;
  }
}

customElements.define('lc-pairing-code', LcPairingCode);

declare global {
  interface HTMLElementTagNameMap {
    'lc-pairing-code': LcPairingCode;
  }
}
