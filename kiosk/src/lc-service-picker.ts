import { css, html, LitElement } from 'lit';
import { waitMessage } from '../../shared/client/format-wait.ts';
import type { Language, ServiceDto, WaitRange } from '../../shared/domain.ts';
import { tk } from './i18n/kiosk-messages.ts';
import { localized } from './language.ts';

/** The customer tapped a service: issue a ticket for it. */
export class ServiceSelectEvent extends Event {
  readonly serviceId: string;
  constructor(serviceId: string) {
    super('lc-service-select', { bubbles: true, composed: true });
    this.serviceId = serviceId;
  }
}

/** The customer turned "I need priority service" on or off. */
export class PriorityChangeEvent extends Event {
  readonly priority: boolean;
  constructor(priority: boolean) {
    super('lc-priority-change', { bubbles: true, composed: true });
    this.priority = priority;
  }
}

/**
 * The start screen: one big button per service (one tap issues the ticket) and the priority switch.
 *
 * @fires lc-service-select
 * @fires lc-priority-change
 */
export class LcServicePicker extends LitElement {
  static override properties = {
    services: { attribute: false },
    waits: { attribute: false },
    waitingByService: { attribute: false },
    openServiceIds: { attribute: false },
    language: { type: String },
    priority: { type: Boolean },
    busy: { type: Boolean },
  };
  static override styles = css`
    :host {
      display: grid;
      gap: clamp(16px, 2.5vmin, 40px);
    }
    h1 {
      margin: 0;
      font-size: clamp(36px, 7vmin, 110px);
    }
    p {
      margin: 0;
      font-size: clamp(22px, 3.6vmin, 52px);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: clamp(12px, 2vmin, 32px);
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr));
    }
    .service {
      width: 100%;
      min-height: max(96px, 12vmin);
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      align-items: center;
      gap: 0 0.75em;
      padding: 0.6em 0.9em;
      text-align: start;
      border: 0;
      border-radius: 20px;
      background: #fff;
      color: #102a43;
      font: inherit;
      font-size: clamp(28px, 5vmin, 72px);
      cursor: pointer;
    }
    .service:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    .service:focus-visible,
    .switch:focus-visible {
      outline: 6px solid #ffcd3c;
      outline-offset: 4px;
    }
    .code {
      grid-row: span 2;
      font-size: 1.6em;
      font-weight: 800;
      color: #0b5cad;
    }
    /* Up to two lines, then an ellipsis: an 80-character name never pushes a control away.
       Words break only when one alone is wider than the button. */
    .name {
      font-weight: 700;
      overflow-wrap: break-word;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow: hidden;
    }
    .wait {
      font-size: 0.55em;
      color: #334e68;
    }
    .closed {
      color: #8a1c1c;
      font-weight: 700;
    }
    .switch {
      display: flex;
      align-items: center;
      gap: 0.75em;
      min-height: 96px;
      padding: 0.4em 0.9em;
      border: 3px solid #fff;
      border-radius: 20px;
      background: transparent;
      color: #fff;
      font: inherit;
      font-size: clamp(22px, 3.4vmin, 48px);
      text-align: start;
      cursor: pointer;
    }
    .switch[aria-checked='true'] {
      background: #ffcd3c;
      border-color: #ffcd3c;
      color: #102a43;
    }
    .box {
      flex: none;
      width: 1.2em;
      height: 1.2em;
      border: 3px solid currentColor;
      border-radius: 6px;
      display: grid;
      place-items: center;
      font-weight: 900;
    }
    .hint {
      display: block;
      font-size: 0.6em;
    }
    /* After the base rules, so they win. */
    /* A phone joining the line: type sized to the width, so a long word still fits one line. */
    @media (max-width: 600px) {
      .service {
        font-size: clamp(18px, 5.5vw, 28px);
      }
      .wait {
        font-size: 0.75em;
      }
      .switch {
        font-size: clamp(18px, 5vw, 24px);
      }
    }
    @media (orientation: portrait) {
      ul {
        grid-template-columns: 1fr;
      }
      .service {
        min-height: 11vh;
      }
    }
    /* A landscape screen is short: smaller type keeps every button and the priority switch on it. */
    @media (orientation: landscape) {
      h1 {
        font-size: clamp(32px, 5.5vmin, 90px);
      }
      .service {
        font-size: clamp(22px, 3.8vmin, 56px);
      }
      .code {
        font-size: 1.3em;
      }
      .switch {
        min-height: 80px;
      }
    }
  `;
  declare services: ServiceDto[];
  declare waits: Record<string, WaitRange>;
  declare waitingByService: Record<string, number>;
  /** Services some open counter serves; null while the kiosk does not know the counters. */
  declare openServiceIds: ReadonlySet<string> | null;
  declare language: Language;
  declare priority: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.services = [];
    this.waits = {};
    this.waitingByService = {};
    this.openServiceIds = null;
    this.language = 'en';
    this.priority = false;
    this.busy = false;
  }

  override render() {
    const t = (key: Parameters<typeof tk>[1], params?: Record<string, string | number>) =>
      tk(this.language, key, params);
    return html`
      <h1>${t('welcome')}</h1>
      <p id="choose">${t('chooseService')}</p>
      <ul aria-labelledby="choose">
        ${this.services.map((service) => {
          const waiting = this.waitingByService[service.id];
          const wait = waitMessage(this.waits[service.id], waiting);
          const unserved = this.openServiceIds !== null && !this.openServiceIds.has(service.id);
          return html`<li>
            <button class="service" type="button" ?disabled=${this.busy} data-service=${service.id}
              @click=${() => this.dispatchEvent(new ServiceSelectEvent(service.id))}>
              <span class="code" aria-hidden="true">${service.code}</span>
              <span class="name">${localized(service.name, this.language)}</span>
              ${
                waiting === undefined
                  ? html`<span class="wait"></span>`
                  : unserved
                    ? html`<span class="wait closed" data-testid="no-counter">${
                        waiting === 0
                          ? t('noCounterOpen')
                          : `${t('waitingCount', { count: waiting })} · ${t('noCounterOpen')}`
                      }</span>`
                    : html`<span class="wait">${
                        waiting === 0
                          ? t('nobodyWaiting')
                          : `${t('waitingCount', { count: waiting })} · ${t(wait.key, wait.params)}`
                      }</span>`
              }
            </button>
          </li>`;
        })}
      </ul>
      <button class="switch" type="button" role="switch" aria-checked=${this.priority ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new PriorityChangeEvent(!this.priority))}>
        <span class="box" aria-hidden="true">${this.priority ? '✓' : ''}</span>
        <span>${t('priorityToggle')}<span class="hint">${t('priorityHint')}</span></span>
      </button>
    `;
  }
}

customElements.define('lc-service-picker', LcServicePicker);

declare global {
  interface HTMLElementTagNameMap {
    'lc-service-picker': LcServicePicker;
  }
  interface GlobalEventHandlersEventMap {
    'lc-service-select': ServiceSelectEvent;
    'lc-priority-change': PriorityChangeEvent;
  }
}
