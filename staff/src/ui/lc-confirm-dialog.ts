import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import { html, LitElement } from 'lit';

/** Typed event: the person answered the question, yes (`confirmed`) or no. */
export class ConfirmAnswerEvent extends Event {
  readonly confirmed: boolean;
  constructor(confirmed: boolean) {
    super('confirm-answer', { bubbles: true, composed: true });
    this.confirmed = confirmed;
  }
}

/**
 * A modal yes/no question before a change that is hard to undo; shown while it is rendered.
 * The focus starts on "cancel", so a stray Enter changes nothing. Escape and the close button say no.
 * @fires confirm-answer
 */
export class LcConfirmDialog extends LitElement {
  static override properties = {
    heading: {},
    question: {},
    yes: {},
    no: {},
  };
  declare heading: string;
  declare question: string;
  declare yes: string;
  declare no: string;

  constructor() {
    super();
    this.heading = '';
    this.question = '';
    this.yes = '';
    this.no = '';
  }

  override render() {
    return html`<sl-dialog open label=${this.heading} @sl-request-close=${this.#requestClose}>
      <p>${this.question}</p>
      <sl-button slot="footer" autofocus data-testid="confirm-no" @click=${() => this.#answer(false)}>${this.no}</sl-button>
      <sl-button slot="footer" variant="danger" data-testid="confirm-yes" @click=${() => this.#answer(true)}>${this.yes}</sl-button>
    </sl-dialog>`;
  }

  /** The owner removes the dialog when answered: it does not hide by itself. */
  #requestClose = (event: Event) => {
    event.preventDefault();
    this.#answer(false);
  };

  #answer(confirmed: boolean) {
    this.dispatchEvent(new ConfirmAnswerEvent(confirmed));
  }
}
customElements.define('lc-confirm-dialog', LcConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lc-confirm-dialog': LcConfirmDialog;
  }
  interface GlobalEventHandlersEventMap {
    'confirm-answer': ConfirmAnswerEvent;
  }
}
