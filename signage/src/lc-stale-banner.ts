import { css, html, LitElement } from 'lit';
import { LANGUAGES } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/** "Connection lost — showing last known line", in every language at once: nobody can be told to trust a stale screen. */
export class LcStaleBanner extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    div {
      padding: 0.6em 1em;
      background: #b3261e;
      color: #fff;
      font-size: 1.4em;
      font-weight: 700;
      text-align: center;
    }
    span + span::before {
      content: ' · ';
    }
  `;

  override render() {
    return html`<div role="alert" data-testid="stale">${LANGUAGES.map((l) => html`<span lang=${l}>${t(l, 'stale')}</span>`)}</div>`;
  }
}

customElements.define('lc-stale-banner', LcStaleBanner);

declare global {
  interface HTMLElementTagNameMap {
    'lc-stale-banner': LcStaleBanner;
  }
}
