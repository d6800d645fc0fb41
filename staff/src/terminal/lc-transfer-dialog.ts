import { html } from 'lit';
import type { ServiceDto } from '../../../shared/domain.ts';
import { localized } from '../format.ts';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import { PromptCancelEvent, TransferChosenEvent } from './terminal-events.ts';

/**
 * The services the current ticket can be sent on to, numbered for the digit keys.
 * @fires transfer-chosen - a service was chosen
 * @fires prompt-cancel - cancelled
 */
export class LcTransferDialog extends StaffElement {
  static override properties = { services: { attribute: false } };
  static override styles = [staffStyles, terminalStyles];
  declare services: ServiceDto[];

  constructor() {
    super();
    this.services = [];
  }

  override render() {
    const language = this.session?.language ?? 'en';
    return html`<div class="card" style="margin-top:1rem" role="dialog" aria-label=${this.t('terminal.transferTo')}>
      <h3>${this.t('terminal.transferTo')}</h3>
      <div class="row">
        ${this.services.map((s, i) => html`<button data-testid="transfer-${s.id}" @click=${() => this.dispatchEvent(new TransferChosenEvent(s.id))}><kbd>${i + 1}</kbd> ${localized(s.name, language)}</button>`)}
        <button @click=${() => this.dispatchEvent(new PromptCancelEvent())}>${this.t('common.cancel')} <kbd>Esc</kbd></button>
      </div>
    </div>`;
  }
}
customElements.define('lc-transfer-dialog', LcTransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lc-transfer-dialog': LcTransferDialog;
  }
}
