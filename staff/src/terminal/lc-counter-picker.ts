import '@shoelace-style/shoelace/dist/components/button/button.js';
import { html, nothing } from 'lit';
import type { CounterDto } from '../../../shared/domain.ts';
import { serviceLabel } from '../format.ts';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import { CounterChosenEvent } from './terminal-events.ts';

/**
 * The counters to work at, numbered for the digit keys.
 * @fires counter-chosen - the operator picked a counter
 */
export class LcCounterPicker extends StaffElement {
  static override properties = { counters: { attribute: false } };
  static override styles = [staffStyles, terminalStyles];
  declare counters: CounterDto[];

  constructor() {
    super();
    this.counters = [];
  }

  override render() {
    return html`<section class="card">
      <h2>${this.t('terminal.chooseCounter')}</h2>
      <div class="counters">${this.counters.map((c, i) => this.#button(c, i))}</div>
    </section>`;
  }

  #button(c: CounterDto, i: number) {
    const language = this.session?.language ?? 'en';
    const services = c.serviceIds.map((s) => serviceLabel(this.session?.store.services, s, language)).join(', ');
    return html`<sl-button data-testid="counter-${c.id}" @click=${() => this.dispatchEvent(new CounterChosenEvent(c.id))}>
      ${i < 9 ? html`<kbd>${i + 1}</kbd> ` : nothing}<strong>${c.name}</strong><br />
      <span class="muted">${this.t(`counter.${c.status}`)} · ${services}</span>
    </sl-button>`;
  }
}
customElements.define('lc-counter-picker', LcCounterPicker);

declare global {
  interface HTMLElementTagNameMap {
    'lc-counter-picker': LcCounterPicker;
  }
}
