import { css, html, LitElement } from 'lit';
import type { Language } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/**
 * A manager's message, shown beside the calls and never over them: on a board it takes the media
 * zone's place (`variant="card"`), on a counter display it is a strip above the counter
 * (`variant="band"`). Calls stay visible, so a broadcast can last its whole life without hiding one.
 */
export class LcBroadcastNotice extends LitElement {
  static override properties = {
    message: {},
    language: {},
    variant: { reflect: true },
  };

  declare message: string;
  declare language: Language;
  declare variant: 'card' | 'band';

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      justify-content: center;
      box-sizing: border-box;
      min-height: 0;
      overflow: hidden;
      padding: 1em 1.4em;
      border-radius: 0.8em;
      background: #2a1f05;
      border: 0.25em solid var(--lc-accent, #ffd23f);
      color: #fff;
      text-align: center;
    }
    :host([variant='band']) {
      flex-direction: row;
      align-items: center;
      gap: 1em;
      max-height: 30vh;
      border-radius: 0;
      border-width: 0 0 0.25em;
      text-align: start;
    }
    h2 {
      margin: 0 0 0.4em;
      font-size: 1.6em;
      color: var(--lc-accent, #ffd23f);
      text-transform: uppercase;
    }
    :host([variant='band']) h2 {
      margin: 0;
      flex: none;
    }
    p {
      margin: 0;
      font-size: 2.4em;
      font-weight: 700;
      line-height: 1.2;
      white-space: pre-line;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 6;
      overflow: hidden;
    }
    :host([variant='band']) p {
      -webkit-line-clamp: 3;
    }
  `;

  constructor() {
    super();
    this.message = '';
    this.language = 'en';
    this.variant = 'card';
  }

  override render() {
    return html`<h2>${t(this.language, 'notice')}</h2>
      <p role="alert" data-testid="broadcast">${this.message}</p>`;
  }
}

customElements.define('lc-broadcast-notice', LcBroadcastNotice);

declare global {
  interface HTMLElementTagNameMap {
    'lc-broadcast-notice': LcBroadcastNotice;
  }
}
