import { css, html, LitElement } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Language } from '../../shared/domain.ts';
import { counterLabel } from '../../shared/speech.ts';
import type { CallView } from './board-model.ts';
import { t } from './signage-messages.ts';

/** The featured "now calling" card: ticket number and counter, pulsing while `highlighted`. */
export class LcNowCalling extends LitElement {
  static override properties = {
    call: { attribute: false },
    highlighted: { type: Boolean, reflect: true },
    language: {},
  };

  declare call: CallView | null;
  declare highlighted: boolean;
  declare language: Language;

  static override styles = css`
    :host {
      display: block;
    }
    section {
      height: 100%;
      box-sizing: border-box;
      padding: 1.2em 1.6em;
      border-radius: 0.8em;
      background: var(--lc-panel, #13233f);
      display: flex;
      flex-direction: column;
      justify-content: center;
      transition: background 0.4s;
    }
    :host([highlighted]) section {
      background: var(--lc-accent, #ffd23f);
      color: var(--lc-accent-ink, #111);
    }
    h2 {
      margin: 0;
      font-size: 1.6em;
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    .number {
      font-size: 7em;
      font-weight: 800;
      line-height: 1.05;
      font-variant-numeric: tabular-nums;
    }
    :host([highlighted]) .number {
      animation: pulse 1.6s ease-in-out infinite;
    }
    .counter {
      font-size: 2.6em;
      font-weight: 700;
    }
    .idle {
      font-size: 1.8em;
      opacity: 0.85;
    }
    @keyframes pulse {
      50% {
        transform: scale(1.04);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      :host([highlighted]) .number {
        animation: none;
      }
    }
  `;

  constructor() {
    super();
    this.call = null;
    this.highlighted = false;
    this.language = 'en';
  }

  override render() {
    const call = this.call;
    return html`<section data-testid="now-calling" aria-live="assertive" aria-atomic="true">
      <h2>${t(this.language, 'nowCalling')}</h2>
      ${
        call
          ? keyed(
              `${call.ticketId}:${call.counterName}`,
              html`<div class="number">${call.number}</div>
                <div class="counter">
                  ${t(this.language, 'pleaseGoTo', { counter: counterLabel(call.counterName, this.language) })}
                </div>`,
            )
          : html`<p class="idle">${t(this.language, 'nobodyCalled')}</p>`
      }
    </section>`;
  }
}

customElements.define('lc-now-calling', LcNowCalling);

declare global {
  interface HTMLElementTagNameMap {
    'lc-now-calling': LcNowCalling;
  }
}
