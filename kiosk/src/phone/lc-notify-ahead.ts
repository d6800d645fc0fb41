import { css, html, LitElement } from 'lit';
import type { Language } from '../../../shared/domain.ts';
import { tp } from '../i18n/phone-messages.ts';
import { phoneButtonStyles } from './phone-button-styles.ts';

const CHOICES = [1, 2, 3, 5, 10] as const;

/** The customer picked how many people ahead should trigger an alert (`null`: no alert). */
export class NotifyAheadChangeEvent extends Event {
  readonly threshold: number | null;
  constructor(threshold: number | null) {
    super('lc-notify-ahead-change', { bubbles: true, composed: true });
    this.threshold = threshold;
  }
}

/** Asks the root to unlock sound and notifications (must run inside the tap). */
export class EnableAlertsEvent extends Event {
  constructor() {
    super('lc-enable-alerts', { bubbles: true, composed: true });
  }
}

/**
 * "Alert me when N people are ahead": a row of choices plus the switch that unlocks sound.
 *
 * @fires lc-notify-ahead-change
 * @fires lc-enable-alerts
 */
export class LcNotifyAhead extends LitElement {
  static override properties = {
    threshold: { type: Number },
    alertsEnabled: { type: Boolean },
    language: { type: String },
  };
  static override styles = [
    phoneButtonStyles,
    css`
      :host {
        display: grid;
        gap: 10px;
      }
      h2 {
        margin: 0;
        font-size: 20px;
      }
      p {
        margin: 0;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      button {
        min-width: 48px;
        padding: 0 12px;
      }
      .enable {
        width: 100%;
      }
    `,
  ];
  declare threshold: number | null;
  declare alertsEnabled: boolean;
  declare language: Language;

  constructor() {
    super();
    this.threshold = null;
    this.alertsEnabled = false;
    this.language = 'en';
  }

  override render() {
    const t = (key: Parameters<typeof tp>[1], params?: Record<string, number>) => tp(this.language, key, params);
    const options: Array<number | null> = [null, ...CHOICES];
    return html`
      <h2 id="notify-title">${t('notifyTitle')}</h2>
      <p>${t('notifyHelp')}</p>
      <div class="choices" role="group" aria-label=${t('notifyLabel')}>
        ${options.map(
          (n) => html`<button type="button" aria-pressed=${this.threshold === n ? 'true' : 'false'}
            @click=${() => this.#pick(n)}>${n === null ? t('notifyOff') : n}</button>`,
        )}
      </div>
      ${this.threshold === null ? null : html`<p role="status">${t('notifySet', { count: this.threshold })}</p>`}
      ${
        this.alertsEnabled
          ? html`<p>${t('alertsOn')}</p>`
          : html`<button type="button" class="enable" @click=${() => this.dispatchEvent(new EnableAlertsEvent())}>
              ${t('enableAlerts')}</button>`
      }
    `;
  }

  #pick(threshold: number | null): void {
    this.dispatchEvent(new NotifyAheadChangeEvent(threshold));
    if (threshold !== null && !this.alertsEnabled) this.dispatchEvent(new EnableAlertsEvent());
  }
}

customElements.define('lc-notify-ahead', LcNotifyAhead);

declare global {
  interface HTMLElementTagNameMap {
    'lc-notify-ahead': LcNotifyAhead;
  }
  interface GlobalEventHandlersEventMap {
    'lc-notify-ahead-change': NotifyAheadChangeEvent;
    'lc-enable-alerts': EnableAlertsEvent;
  }
}
