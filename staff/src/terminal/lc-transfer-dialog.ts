import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { css, html } from 'lit';
import type { ServiceDto } from '../../../shared/domain.ts';
import { localized } from '../format.ts';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import { PromptCancelEvent, TransferChosenEvent } from './terminal-events.ts';

/**
 * The services the current ticket can be sent on to, numbered for the digit keys, in a modal
 * dialog: it keeps the focus inside, and Escape or its close button cancel.
 * @fires transfer-chosen - a service was chosen
 * @fires prompt-cancel - cancelled
 */
export class LcTransferDialog extends StaffElement {
  static override properties = { services: { attribute: false } };
  static override styles = [
    staffStyles,
    terminalStyles,
    css`
      .row sl-button::part(base) {
        min-height: 56px;
        align-items: center;
      }
    `,
  ];
  declare services: ServiceDto[];

  constructor() {
    super();
    this.services = [];
  }

  override render() {
    const language = this.session?.language ?? 'en';
    return html`<sl-dialog open label=${this.t('terminal.transferTo')} @sl-request-close=${this.#requestClose}>
      <div class="row">
        ${this.services.map((s, i) => html`<sl-button data-testid="transfer-${s.id}" @click=${() => this.dispatchEvent(new TransferChosenEvent(s.id))}><kbd>${i + 1}</kbd> ${localized(s.name, language)}</sl-button>`)}
      </div>
      <sl-button slot="footer" @click=${this.#cancel}>${this.t('common.cancel')} <kbd>Esc</kbd></sl-button>
    </sl-dialog>`;
  }

  /** The terminal closes the prompt (it hears Escape too): the dialog does not hide by itself. */
  #requestClose = (event: Event) => {
    event.preventDefault();
    this.#cancel();
  };

  #cancel = () => {
    this.dispatchEvent(new PromptCancelEvent());
  };
}
customElements.define('lc-transfer-dialog', LcTransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lc-transfer-dialog': LcTransferDialog;
  }
}
