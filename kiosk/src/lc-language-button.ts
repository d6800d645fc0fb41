import { css, html, LitElement } from 'lit';
import type { Language } from '../../shared/domain.ts';

/** Asks the app to switch to `language`. */
export class LanguageChangeEvent extends Event {
  readonly language: Language;
  constructor(language: Language) {
    super('lc-language-change', { bubbles: true, composed: true });
    this.language = language;
  }
}

/**
 * The customer's language switch. It shows the target language in that language ("中文"), so
 * a customer who cannot read the current one still finds it.
 *
 * @fires lc-language-change
 */
export class LcLanguageButton extends LitElement {
  static override properties = {
    target: { type: String },
    text: { type: String },
    label: { type: String },
  };
  static override styles = css`
    button {
      min-height: 56px;
      min-width: 56px;
      padding: 0 1.25em;
      border-radius: 999px;
      border: 2px solid currentColor;
      background: transparent;
      color: inherit;
      font: inherit;
      font-weight: 600;
      white-space: nowrap;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 4px solid #ffcd3c;
      outline-offset: 2px;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `;
  declare target: Language;
  declare text: string;
  declare label: string;

  constructor() {
    super();
    this.target = 'zh-Hans';
    this.text = '';
    this.label = '';
  }

  override render() {
    return html`<button type="button" aria-label="${this.label}: ${this.text}" @click=${this.#switch}>
      <span lang=${this.target}>${this.text}</span>
    </button>`;
  }

  #switch(): void {
    this.dispatchEvent(new LanguageChangeEvent(this.target));
  }
}

customElements.define('lc-language-button', LcLanguageButton);

declare global {
  interface HTMLElementTagNameMap {
    'lc-language-button': LcLanguageButton;
  }
  interface GlobalEventHandlersEventMap {
    'lc-language-change': LanguageChangeEvent;
  }
}
