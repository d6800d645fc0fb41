import { css, html, LitElement } from 'lit';
import type { Language } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/** A manager's message over the whole screen; the app removes it at its expiry. */
export class LcBroadcastOverlay extends LitElement {
  static override properties = {
    message: {},
    language: {},
  };

  declare message: string;
  declare language: Language;

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 30;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      padding: 6vmin;
      box-sizing: border-box;
      background: #0b1730;
      color: #fff;
      text-align: center;
    }
    h2 {
      margin: 0 0 0.6em;
      font-size: 2em;
      color: var(--lc-accent, #ffd23f);
      text-transform: uppercase;
    }
    p {
      margin: 0;
      font-size: 4em;
      font-weight: 700;
      line-height: 1.2;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `;

  constructor() {
    super();
    this.message = '';
    this.language = 'en';
  }

  override render() {
    return html`<h2>${t(this.language, 'notice')}</h2>
      <p role="alert" data-testid="broadcast">${this.message}</p>`;
  }
}

customElements.define('lc-broadcast-overlay', LcBroadcastOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'lc-broadcast-overlay': LcBroadcastOverlay;
  }
}
