import { css, html, LitElement } from 'lit';
import { ClockController } from '../../shared/client/clock-controller.ts';
import type { Language } from '../../shared/domain.ts';

/** The store's local time and date, in the screen's language. */
export class LcClock extends LitElement {
  static override properties = {
    timeZone: { attribute: 'time-zone' },
    language: {},
  };

  declare timeZone: string | undefined;
  declare language: Language;
  #clock = new ClockController(this);

  static override styles = css`
    :host {
      display: block;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .time {
      font-size: 2.4em;
      font-weight: 700;
      line-height: 1;
    }
    .date {
      font-size: 1em;
      opacity: 0.8;
    }
  `;

  constructor() {
    super();
    this.timeZone = undefined;
    this.language = 'en';
  }

  override render() {
    const locale = this.language === 'zh-Hans' ? 'zh-CN' : 'en-GB';
    const zone = { timeZone: this.timeZone };
    const now = this.#clock.now;
    return html`<div class="time" data-testid="clock">
        ${now.toLocaleTimeString(locale, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
      </div>
      <div class="date">${now.toLocaleDateString(locale, { ...zone, weekday: 'long', day: 'numeric', month: 'long' })}</div>`;
  }
}

customElements.define('lc-clock', LcClock);

declare global {
  interface HTMLElementTagNameMap {
    'lc-clock': LcClock;
  }
}
