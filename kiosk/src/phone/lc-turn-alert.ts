import { css, html, LitElement } from 'lit';
import type { Language } from '../../../shared/domain.ts';
import { tp } from '../i18n/phone-messages.ts';

/** The customer acknowledged the call. */
export class AlertAckEvent extends Event {
  constructor() {
    super('lc-alert-ack', { bubbles: true, composed: true });
  }
}

/**
 * The unmistakable "It's your turn — go to Counter 3" panel (or "being served" once started).
 *
 * @fires lc-alert-ack
 */
export class LcTurnAlert extends LitElement {
  static override properties = {
    number: { type: String },
    counterName: { type: String },
    serving: { type: Boolean },
    recalled: { type: Boolean },
    acknowledged: { type: Boolean },
    language: { type: String },
  };
  static override styles = css`
    :host {
      display: block;
    }
    section {
      display: grid;
      gap: 12px;
      justify-items: center;
      padding: 24px 16px;
      border-radius: 20px;
      background: #ffcd3c;
      color: #102a43;
      text-align: center;
      animation: pulse 1.2s ease-in-out 4;
    }
    .serving {
      background: #e3f8e8;
      color: #0f3d1f;
      animation: none;
    }
    h2 {
      margin: 0;
      font-size: 32px;
    }
    .counter {
      margin: 0;
      font-size: 40px;
      font-weight: 800;
    }
    .number {
      font-size: 22px;
      font-weight: 700;
    }
    p {
      margin: 0;
      font-size: 20px;
    }
    button {
      min-height: 56px;
      width: 100%;
      border: 0;
      border-radius: 14px;
      background: #102a43;
      color: #fff;
      font: inherit;
      font-size: 20px;
      font-weight: 700;
    }
    button:focus-visible {
      outline: 4px solid #102a43;
      outline-offset: 3px;
    }
    @keyframes pulse {
      50% {
        transform: scale(1.03);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      section {
        animation: none;
      }
    }
  `;
  declare number: string;
  declare counterName: string;
  declare serving: boolean;
  declare recalled: boolean;
  declare acknowledged: boolean;
  declare language: Language;

  constructor() {
    super();
    this.number = '';
    this.counterName = '';
    this.serving = false;
    this.recalled = false;
    this.acknowledged = false;
    this.language = 'en';
  }

  override render() {
    const t = (key: Parameters<typeof tp>[1], params?: Record<string, string>) => tp(this.language, key, params);
    if (this.serving) {
      return html`<section class="serving" role="status">
        <p class="number">${this.number}</p>
        <p>${t('beingServed', { counter: this.counterName })}</p>
      </section>`;
    }
    return html`<section role="alert" data-testid="turn-alert">
      <h2>${t('yourTurn')}</h2>
      <p class="counter">${t('goToCounter', { counter: this.counterName })}</p>
      <span class="number">${this.number}</span>
      <p>${this.recalled ? t('recalled') : t('goNow')}</p>
      ${this.acknowledged ? null : html`<button type="button" @click=${() => this.dispatchEvent(new AlertAckEvent())}>${t('gotIt')}</button>`}
    </section>`;
  }
}

customElements.define('lc-turn-alert', LcTurnAlert);

declare global {
  interface HTMLElementTagNameMap {
    'lc-turn-alert': LcTurnAlert;
  }
  interface GlobalEventHandlersEventMap {
    'lc-alert-ack': AlertAckEvent;
  }
}
