import { css, html, LitElement } from 'lit';
import type { Language } from '../../../shared/domain.ts';
import { tp } from '../i18n/phone-messages.ts';
import { phoneButtonStyles } from './phone-button-styles.ts';

/** The customer confirmed they want to leave the line. */
export class LeaveLineEvent extends Event {
  constructor() {
    super('lc-leave-line', { bubbles: true, composed: true });
  }
}

/**
 * "Leave the line" with a confirmation dialog (a native modal `<dialog>`: focus trap and Esc for free).
 *
 * @fires lc-leave-line
 */
export class LcLeaveLine extends LitElement {
  static override properties = {
    number: { type: String },
    busy: { type: Boolean },
    language: { type: String },
  };
  static override styles = [
    phoneButtonStyles,
    css`
      button {
        width: 100%;
        padding: 0 16px;
        border-color: #8a1c1c;
        color: #8a1c1c;
      }
      button.danger {
        background: #8a1c1c;
        color: #fff;
      }
      dialog {
        max-width: min(90vw, 420px);
        border: 0;
        border-radius: 16px;
        padding: 20px;
        color: #102a43;
      }
      dialog::backdrop {
        background: rgb(16 42 67 / 0.6);
      }
      h2 {
        margin: 0 0 8px;
        font-size: 22px;
      }
      .actions {
        display: grid;
        gap: 10px;
        margin-top: 16px;
      }
    `,
  ];
  declare number: string;
  declare busy: boolean;
  declare language: Language;

  constructor() {
    super();
    this.number = '';
    this.busy = false;
    this.language = 'en';
  }

  override render() {
    const t = (key: Parameters<typeof tp>[1], params?: Record<string, string>) => tp(this.language, key, params);
    return html`
      <button type="button" ?disabled=${this.busy} @click=${this.#open}>${t('leave')}</button>
      <dialog aria-labelledby="leave-title" aria-describedby="leave-body">
        <h2 id="leave-title">${t('leaveConfirmTitle')}</h2>
        <p id="leave-body">${t('leaveConfirmBody', { number: this.number })}</p>
        <div class="actions">
          <button type="button" class="danger" data-testid="leave-confirm" @click=${this.#confirm}>${t('leaveYes')}</button>
          <button type="button" autofocus @click=${this.#close}>${t('leaveNo')}</button>
        </div>
      </dialog>
    `;
  }

  #open(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  #close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  #confirm(): void {
    this.#close();
    this.dispatchEvent(new LeaveLineEvent());
  }
}

customElements.define('lc-leave-line', LcLeaveLine);

declare global {
  interface HTMLElementTagNameMap {
    'lc-leave-line': LcLeaveLine;
  }
  interface GlobalEventHandlersEventMap {
    'lc-leave-line': LeaveLineEvent;
  }
}
