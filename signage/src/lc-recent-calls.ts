import { css, html, LitElement } from 'lit';
import type { Language } from '../../shared/domain.ts';
import { counterLabel } from '../../shared/speech.ts';
import type { CallView } from './board-model.ts';
import { panelStyles } from './panel-styles.ts';
import { t } from './signage-messages.ts';

/** The last calls still at a counter, newest first: number → counter. */
export class LcRecentCalls extends LitElement {
  static override properties = {
    calls: { attribute: false },
    language: {},
  };

  declare calls: CallView[];
  declare language: Language;

  static override styles = [
    panelStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
        gap: 0.5em;
      }
      li {
        min-width: 0;
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.6em;
        padding: 0.5em 0.8em;
        border-radius: 0.5em;
        background: var(--lc-panel, #13233f);
      }
      .number {
        flex: none;
        font-size: 2em;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      /* A counter name may be 60 characters: it ends in an ellipsis rather than under its neighbour. */
      .counter {
        min-width: 0;
        font-size: 1.3em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .empty {
        opacity: 0.7;
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.calls = [];
    this.language = 'en';
  }

  override render() {
    return html`<section data-testid="recent-calls">
      <h2>${t(this.language, 'recentCalls')}</h2>
      ${
        this.calls.length === 0
          ? html`<p class="empty">${t(this.language, 'noRecentCalls')}</p>`
          : html`<ol>
            ${this.calls.map(
              (c) => html`<li>
                <span class="number">${c.number}</span>
                <span class="counter">→ ${counterLabel(c.counterName, this.language)}</span>
              </li>`,
            )}
          </ol>`
      }
    </section>`;
  }
}

customElements.define('lc-recent-calls', LcRecentCalls);

declare global {
  interface HTMLElementTagNameMap {
    'lc-recent-calls': LcRecentCalls;
  }
}
