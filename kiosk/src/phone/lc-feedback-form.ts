import { css, html, LitElement, svg } from 'lit';
import type { FeedbackInput, Language } from '../../../shared/domain.ts';
import { type PhoneMessageKey, tp } from '../i18n/phone-messages.ts';
import { phoneButtonStyles } from './phone-button-styles.ts';

/** The customer sent their feedback (sent once; the page then only says thank you). */
export class FeedbackSubmitEvent extends Event {
  readonly feedback: FeedbackInput;
  constructor(feedback: FeedbackInput) {
    super('lc-feedback-submit', { bubbles: true, composed: true });
    this.feedback = feedback;
  }
}

/** Faces drawn, not emoji: phones and kiosks without an emoji font would show empty boxes. */
const FACE_COLOURS = ['#f8d7d7', '#fde8c8', '#fff3c4', '#e3f8e8', '#c6f7d0'] as const;
const face = (score: number) => {
  const smile = 18 + (score - 1) * 3; // control point of the mouth: frown at 1, broad smile at 5
  return svg`<svg viewBox="0 0 36 36" width="40" height="40" aria-hidden="true">
    <circle cx="18" cy="18" r="16" fill=${FACE_COLOURS[score - 1]} stroke="#102a43" stroke-width="2"></circle>
    <circle cx="13" cy="14" r="2" fill="#102a43"></circle><circle cx="23" cy="14" r="2" fill="#102a43"></circle>
    <path d="M11 ${24 - (score - 3) * 0.5} Q18 ${smile} 25 ${24 - (score - 3) * 0.5}" fill="none" stroke="#102a43"
      stroke-width="2.2" stroke-linecap="round"></path>
  </svg>`;
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * One-tap satisfaction: tapping a face sends it, together with any optional answers
 * (NPS 0–10, effort 1–7, comment) filled in under "Tell us more".
 *
 * @fires lc-feedback-submit
 */
export class LcFeedbackForm extends LitElement {
  static override properties = {
    language: { type: String },
    sending: { type: Boolean },
    failed: { type: Boolean },
    retryAfterSec: { type: Number },
    nps: { state: true },
    ces: { state: true },
  };
  static override styles = [
    phoneButtonStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      h2 {
        margin: 0;
        font-size: 22px;
      }
      p {
        margin: 0;
      }
      .faces {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: 6px;
      }
      .face {
        display: grid;
        justify-items: center;
        gap: 2px;
        min-height: 72px;
        padding: 6px 2px;
        border: 2px solid #627d98;
        border-radius: 14px;
        font-size: 13px;
        font-weight: normal;
      }
      .scale {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .scale button {
        min-width: 48px;
        border-radius: 10px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      summary {
        min-height: 48px;
        display: flex;
        align-items: center;
        font-weight: 700;
        cursor: pointer;
      }
      details[open] {
        display: grid;
        gap: 14px;
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 88px;
        font: inherit;
      }
      .send {
        width: 100%;
      }
    `,
  ];
  declare language: Language;
  declare sending: boolean;
  declare failed: boolean;
  /** Seconds the server asked to wait before the next try (a rate limit), or 0. */
  declare retryAfterSec: number;
  declare nps: number | undefined;
  declare ces: number | undefined;

  constructor() {
    super();
    this.language = 'en';
    this.sending = false;
    this.failed = false;
    this.retryAfterSec = 0;
    this.nps = undefined;
    this.ces = undefined;
  }

  override render() {
    const t = (key: PhoneMessageKey) => tp(this.language, key);
    return html`
      <h2 id="feedback-title">${t('feedbackTitle')}</h2>
      <p>${this.sending ? t('sending') : t('feedbackHelp')}</p>
      <div class="faces" role="group" aria-labelledby="feedback-title">
        ${[1, 2, 3, 4, 5].map(
          (score) => html`<button type="button" class="face" data-csat=${score} ?disabled=${this.sending}
            @click=${() => this.#send(score)}>
            ${face(score)}<span>${t(`csat${score}` as PhoneMessageKey)}</span>
          </button>`,
        )}
      </div>
      ${this.failed ? html`<p role="alert">${this.#failure()}</p>` : null}
      <details>
        <summary>${t('moreFeedback')}</summary>
        ${this.#scale('nps', t('npsLabel'), range(0, 10))} ${this.#scale('ces', t('cesLabel'), range(1, 7))}
        <label>${t('commentLabel')}<textarea maxlength="1000"></textarea></label>
        <button type="button" class="send primary" ?disabled=${this.sending} @click=${() => this.#send(undefined)}>
          ${t('send')}</button>
      </details>
    `;
  }

  /** "Try again in 2 minutes" when the server said how long; else a plain "please try again". */
  #failure(): string {
    const sec = this.retryAfterSec;
    if (sec <= 0) return tp(this.language, 'feedbackFailed');
    if (sec < 60) return tp(this.language, 'tooManySeconds', { n: sec });
    return tp(this.language, 'tooManyMinutes', { n: Math.ceil(sec / 60) });
  }

  #scale(field: 'nps' | 'ces', legend: string, values: number[]) {
    return html`<fieldset>
      <legend>${legend}</legend>
      <div class="scale">
        ${values.map(
          (v) => html`<button type="button" aria-pressed=${this[field] === v ? 'true' : 'false'}
            @click=${() => {
              this[field] = this[field] === v ? undefined : v;
            }}>${v}</button>`,
        )}
      </div>
    </fieldset>`;
  }

  #send(csat: number | undefined): void {
    const comment = this.renderRoot.querySelector('textarea')?.value.trim() || undefined;
    const feedback: FeedbackInput = { csat, nps: this.nps, ces: this.ces, comment };
    if (Object.values(feedback).every((v) => v === undefined)) return;
    this.dispatchEvent(new FeedbackSubmitEvent(feedback));
  }
}

customElements.define('lc-feedback-form', LcFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'lc-feedback-form': LcFeedbackForm;
  }
  interface GlobalEventHandlersEventMap {
    'lc-feedback-submit': FeedbackSubmitEvent;
  }
}
