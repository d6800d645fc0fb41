import { css, html, LitElement } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { CounterDto, Language } from '../../shared/domain.ts';
import { counterLabel } from '../../shared/speech.ts';
import { t } from './signage-messages.ts';

/** The counter-top display: this counter's name and its current ticket, or that it is closed or paused. */
export class LcCounterDisplay extends LitElement {
  static override properties = {
    counter: { attribute: false },
    calling: { type: Boolean },
    language: {},
  };

  declare counter: CounterDto | null;
  /** The current ticket is called but its customer has not arrived yet. */
  declare calling: boolean;
  declare language: Language;

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      height: 100%;
      box-sizing: border-box;
      padding: 4vmin;
      text-align: center;
    }
    h1 {
      margin: 0;
      font-size: 3em;
    }
    .label {
      margin-top: 0.6em;
      font-size: 2em;
      opacity: 0.85;
    }
    .number {
      font-size: 16em;
      font-weight: 800;
      line-height: 1;
      color: var(--lc-accent, #ffd23f);
      font-variant-numeric: tabular-nums;
      animation: arrive 1.2s ease-out 3;
    }
    .status {
      margin-top: 0.6em;
      font-size: 3.5em;
      font-weight: 700;
    }
    .closed {
      color: #ff8a80;
    }
    @keyframes arrive {
      50% {
        opacity: 0.3;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .number {
        animation: none;
      }
    }
  `;

  constructor() {
    super();
    this.counter = null;
    this.calling = false;
    this.language = 'en';
  }

  override render() {
    const counter = this.counter;
    if (!counter) return html`<p class="status" data-testid="counter-display"></p>`;
    const lang = this.language;
    return html`<section data-testid="counter-display" aria-live="assertive">
      <h1>${counterLabel(counter.name, lang)}</h1>
      ${this.#body(counter, lang)}
    </section>`;
  }

  #body(counter: CounterDto, lang: Language) {
    if (counter.status === 'closed') return html`<div class="status closed">${t(lang, 'counterClosed')}</div>`;
    if (counter.status === 'paused') return html`<div class="status">${t(lang, 'counterPaused')}</div>`;
    if (!counter.currentTicketNumber) return html`<div class="status">${t(lang, 'counterOpen')}</div>`;
    return html`<div class="label">${t(lang, this.calling ? 'nowCalling' : 'counterServing')}</div>
      ${keyed(counter.currentTicketId, html`<div class="number">${counter.currentTicketNumber}</div>`)}`;
  }
}

customElements.define('lc-counter-display', LcCounterDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'lc-counter-display': LcCounterDisplay;
  }
}
