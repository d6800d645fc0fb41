import { html } from 'lit';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import { PauseReasonEvent, PromptCancelEvent } from './terminal-events.ts';

/**
 * Asks why the counter pauses; the reason field takes the focus as soon as it shows.
 * @fires pause-reason - the form was sent
 * @fires prompt-cancel - cancelled (button or Escape)
 */
export class LcPauseForm extends StaffElement {
  static override styles = [staffStyles, terminalStyles];

  override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    return html`<form class="row card" style="margin-top:1rem" @submit=${this.#submit}>
      <label>${this.t('terminal.pauseReason')} <input name="reason" required maxlength="200" data-testid="pause-reason" @keydown=${this.#escape} /></label>
      <button class="primary" type="submit">${this.t('action.pause')}</button>
      <button type="button" @click=${this.#cancel}>${this.t('common.cancel')} <kbd>Esc</kbd></button>
    </form>`;
  }

  #submit = (event: SubmitEvent) => {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    this.dispatchEvent(new PauseReasonEvent(reason));
  };

  #escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.#cancel();
  };

  #cancel = () => this.dispatchEvent(new PromptCancelEvent());
}
customElements.define('lc-pause-form', LcPauseForm);

declare global {
  interface HTMLElementTagNameMap {
    'lc-pause-form': LcPauseForm;
  }
}
