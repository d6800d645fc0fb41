import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import type SlInput from '@shoelace-style/shoelace/dist/components/input/input.js';
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

  override async firstUpdated(): Promise<void> {
    const reason = this.renderRoot.querySelector<SlInput>('sl-input');
    await reason?.updateComplete;
    reason?.focus();
  }

  override render() {
    return html`<form class="row card" style="margin-top:1rem" @submit=${this.#submit}>
      <sl-input label=${this.t('terminal.pauseReason')} name="reason" required maxlength="200" data-testid="pause-reason" @keydown=${this.#escape}></sl-input>
      <sl-button variant="primary" type="submit">${this.t('action.pause')}</sl-button>
      <sl-button @click=${this.#cancel}>${this.t('common.cancel')} <kbd>Esc</kbd></sl-button>
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
