import { css, html, LitElement } from 'lit';
import type { Language, TicketDto } from '../../shared/domain.ts';
import { waitMessage } from './format-wait.ts';
import { type KioskMessageKey, tk } from './i18n/kiosk-messages.ts';
import './lc-qr-code.ts';
import './lc-ticket-receipt.ts';

/** The customer is finished with the ticket screen. */
export class TicketDoneEvent extends Event {
  constructor() {
    super('lc-ticket-done', { bubbles: true, composed: true });
  }
}

/**
 * The issued ticket: number, service, people ahead, wait, where to go and the phone QR code;
 * in print it becomes an 80 mm receipt.
 *
 * @fires lc-ticket-done
 */
export class LcTicketCard extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    serviceName: { type: String },
    language: { type: String },
    timeZone: { type: String },
    phoneUrl: { type: String },
  };
  static override styles = css`
    :host {
      display: block;
    }
    .screen {
      display: grid;
      gap: clamp(16px, 2.5vmin, 40px);
      grid-template-areas: 'number' 'facts' 'qr' 'actions';
    }
    @media (orientation: landscape) {
      .screen {
        grid-template-columns: 3fr 2fr;
        grid-template-areas: 'number qr' 'facts qr' 'actions actions';
      }
    }
    .number-box {
      grid-area: number;
      display: grid;
      justify-items: center;
      padding: 0.5em;
      border-radius: 24px;
      background: #fff;
      color: #102a43;
      font-size: clamp(24px, 3vmin, 48px);
    }
    .number {
      font-size: clamp(96px, 16vmin, 260px);
      line-height: 1.05;
      letter-spacing: 0.04em;
    }
    .service {
      font-weight: 700;
    }
    dl {
      grid-area: facts;
      margin: 0;
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.75em;
      font-size: clamp(24px, 3.6vmin, 52px);
    }
    .wide {
      grid-column: 1 / -1;
    }
    dt {
      font-size: 0.7em;
      opacity: 0.9;
    }
    dd {
      margin: 0;
      font-weight: 700;
    }
    .qr {
      grid-area: qr;
      margin: 0;
      display: grid;
      justify-items: center;
      align-content: center;
      gap: 0.5em;
      font-size: clamp(20px, 2.4vmin, 36px);
      text-align: center;
    }
    .qr lc-qr-code {
      width: clamp(240px, 36vmin, 520px);
      height: clamp(240px, 36vmin, 520px);
    }
    .actions {
      grid-area: actions;
      display: flex;
      gap: 1em;
    }
    button {
      flex: 1;
      min-height: 88px;
      border: 3px solid #fff;
      border-radius: 20px;
      background: #fff;
      color: #102a43;
      font: inherit;
      font-size: clamp(24px, 3vmin, 44px);
      font-weight: 700;
      cursor: pointer;
    }
    button.secondary {
      background: transparent;
      color: #fff;
    }
    button:focus-visible {
      outline: 6px solid #ffcd3c;
      outline-offset: 4px;
    }
    @media print {
      .screen {
        display: none;
      }
    }
  `;
  declare ticket: TicketDto | null;
  declare serviceName: string;
  declare language: Language;
  declare timeZone: string;
  declare phoneUrl: string;

  constructor() {
    super();
    this.ticket = null;
    this.serviceName = '';
    this.language = 'en';
    this.timeZone = 'UTC';
    this.phoneUrl = '';
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) return null;
    const t = (key: KioskMessageKey, params?: Record<string, string | number>) => tk(this.language, key, params);
    const wait = waitMessage(ticket.wait);
    const waitText = ticket.status === 'waiting' ? t(wait.key, wait.params) : t('waitNext');
    const where =
      ticket.status === 'called' && ticket.counterName
        ? t('goToCounter', { counter: ticket.counterName })
        : t('watchScreens');
    const ahead = ticket.position === null ? 0 : Math.max(0, ticket.position - 1);
    return html`
      <section class="screen" aria-labelledby="number-label">
        <div class="number-box" role="status">
          <span id="number-label">${t('yourNumber')}</span>
          <strong class="number" data-testid="ticket-number">${ticket.number}</strong>
          <span class="service">${this.serviceName}</span>
        </div>
        <dl>
          <div><dt>${t('peopleAhead')}</dt><dd data-testid="people-ahead">${ahead}</dd></div>
          <div><dt>${t('expectedWait')}</dt><dd data-testid="wait">${waitText}</dd></div>
          <div class="wide"><dt>${t('whereToGo')}</dt><dd>${where}</dd></div>
        </dl>
        <figure class="qr">
          <lc-qr-code .value=${this.phoneUrl} label=${t('qrLabel', { number: ticket.number })}></lc-qr-code>
          <figcaption>${t('scanForPhone')}</figcaption>
        </figure>
        <div class="actions">
          <button type="button" class="secondary" aria-label=${t('printLabel', { number: ticket.number })}
            @click=${() => window.print()}>${t('print')}</button>
          <button type="button" @click=${() => this.dispatchEvent(new TicketDoneEvent())}>${t('done')}</button>
        </div>
      </section>
      <lc-ticket-receipt .ticket=${ticket} .serviceName=${this.serviceName} .language=${this.language}
        .timeZone=${this.timeZone} .phoneUrl=${this.phoneUrl}></lc-ticket-receipt>
    `;
  }
}

customElements.define('lc-ticket-card', LcTicketCard);

declare global {
  interface HTMLElementTagNameMap {
    'lc-ticket-card': LcTicketCard;
  }
  interface GlobalEventHandlersEventMap {
    'lc-ticket-done': TicketDoneEvent;
  }
}
