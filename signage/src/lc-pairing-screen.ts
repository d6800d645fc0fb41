import { css, html, LitElement } from 'lit';
import { PairingController } from '../../shared/client/pairing-controller.ts';
import type { Language } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/**
 * Shows a one-time pairing code (asked for with `?pair=1`) until a manager enters it under
 * Admin → Devices. Pairing is optional: an unpaired screen works, it just reports anonymously.
 *
 * @fires lc-device-paired
 */
export class LcPairingScreen extends LitElement {
  static override properties = {
    store: {},
    language: {},
  };

  declare store: string;
  declare language: Language;
  #pairing = new PairingController(this, { store: () => this.store, kind: 'signage' });

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
  }

  override render() {
    return html`<h1>${t(this.language, 'pairTitle')}</h1>
      <p class="code" data-testid="pairing-code">${this.#pairing.code ?? '…'}</p>
      <p>${t(this.language, 'pairHelp')}</p>
      ${this.#pairing.unreachable ? html`<p role="alert">${t(this.language, 'connecting')}</p>` : null}`;
  }
}

customElements.define('lc-pairing-screen', LcPairingScreen);

declare global {
  interface HTMLElementTagNameMap {
    'lc-pairing-screen': LcPairingScreen;
  }
}
