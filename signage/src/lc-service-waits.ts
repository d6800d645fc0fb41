import { css, html, LitElement } from 'lit';
import type { Language } from '../../shared/domain.ts';
import type { ServiceRow } from './board-model.ts';
import { panelStyles } from './panel-styles.ts';
import { t } from './signage-messages.ts';

/** People waiting and the predicted wait range, per service. */
export class LcServiceWaits extends LitElement {
  static override properties = {
    rows: { attribute: false },
    language: {},
  };

  declare rows: ServiceRow[];
  declare language: Language;

  static override styles = [
    panelStyles,
    css`
      table {
        width: 100%;
        border-collapse: separate;
        border-spacing: 0 0.35em;
        font-size: 1.3em;
      }
      td {
        padding: 0.35em 0.6em;
        background: var(--lc-panel, #13233f);
      }
      td {
        white-space: nowrap;
      }
      /* The name takes what the figures leave and ends in an ellipsis: a row is always one line. */
      td.name {
        width: 100%;
        max-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        border-radius: 0.4em 0 0 0.4em;
        font-weight: 700;
      }
      td:last-child {
        border-radius: 0 0.4em 0.4em 0;
        text-align: right;
      }
      .code {
        display: inline-block;
        min-width: 1.6em;
        margin-right: 0.4em;
        text-align: center;
        border-radius: 0.3em;
        background: var(--lc-accent, #ffd23f);
        color: var(--lc-accent-ink, #111);
      }
    `,
  ];

  constructor() {
    super();
    this.rows = [];
    this.language = 'en';
  }

  override render() {
    return html`<section data-testid="waiting">
      <h2>${t(this.language, 'waitingTitle')}</h2>
      <table>
        ${this.rows.map(
          (r) => html`<tr data-testid="waiting-row">
            <td class="name" title=${r.name}><span class="code">${r.code}</span>${r.name}</td>
            <td>${t(this.language, 'waitingCount', { count: r.waiting })}</td>
            <td>${r.waitText}</td>
          </tr>`,
        )}
      </table>
    </section>`;
  }
}

customElements.define('lc-service-waits', LcServiceWaits);

declare global {
  interface HTMLElementTagNameMap {
    'lc-service-waits': LcServiceWaits;
  }
}
