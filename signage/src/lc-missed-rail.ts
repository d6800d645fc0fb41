import { css, html, LitElement, nothing } from 'lit';
import type { Language } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/** "Missed — please see staff": recent no-show numbers; renders nothing when there are none. */
export class LcMissedRail extends LitElement {
  static override properties = {
    numbers: { attribute: false },
    language: {},
  };

  declare numbers: string[];
  declare language: Language;

  static override styles = css`
    :host {
      display: block;
    }
    section {
      display: flex;
      align-items: center;
      gap: 0.8em;
      padding: 0.5em 1em;
      border-radius: 0.6em;
      background: #5a1a1a;
      color: #fff;
      font-size: 1.3em;
    }
    h2 {
      margin: 0;
      font-size: 1em;
      white-space: nowrap;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.6em;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      font-weight: 800;
      font-variant-numeric: tabular-nums;
    }
  `;

  constructor() {
    super();
    this.numbers = [];
    this.language = 'en';
  }

  override render() {
    if (this.numbers.length === 0) return nothing;
    return html`<section data-testid="missed" aria-live="polite">
      <h2>${t(this.language, 'missed')}</h2>
      <ul>
        ${this.numbers.map((n) => html`<li>${n}</li>`)}
      </ul>
    </section>`;
  }
}

customElements.define('lc-missed-rail', LcMissedRail);

declare global {
  interface HTMLElementTagNameMap {
    'lc-missed-rail': LcMissedRail;
  }
}
