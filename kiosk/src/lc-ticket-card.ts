import { html, LitElement } from 'lit';
import { peopleAhead, waitMessage } from '../../shared/client/format-wait.ts';
import type { Language, TicketDto } from '../../shared/domain.ts';
import { type KioskMessageKey, tk } from './i18n/kiosk-messages.ts';
import './lc-qr-code.ts';
import { ticketCardStyles } from './lc-ticket-card.styles.ts';

/** The customer is finished with the ticket screen. */
export class TicketDoneEvent extends Event {
  constructor() {
    super('lc-ticket-done', { bubbles: true, composed: true });
  }
}

/**
 * The issued ticket: number, service, people ahead, wait, where to go and the phone QR code;
 * in print it becomes an 80 mm receipt with the store, number, priority, service, time issued, wait
 * and QR code.
 *
 * @fires lc-ticket-done
 */
export class LcTicketCard extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    storeName: { type: String },
    serviceName: { type: String },
    language: { type: String },
    timeZone: { type: String },
    phoneUrl: { type: String },
    noCounterOpen: { type: Boolean },
  };
  static override styles = ticketCardStyles;
  declare ticket: TicketDto | null;
  declare storeName: string;
  declare serviceName: string;
  declare language: Language;
  declare timeZone: string;
  declare phoneUrl: string;
  /** No open counter serves the ticket's service yet: say so rather than "watch the screens". */
  declare noCounterOpen: boolean;

  constructor() {
    super();
    this.ticket = null;
    this.storeName = '';
    this.serviceName = '';
    this.language = 'en';
    this.timeZone = 'UTC';
    this.phoneUrl = '';
    this.noCounterOpen = false;
  }

  override render() {
    const ticket = this.ticket;
    if (!ticket) return null;
    const t = (key: KioskMessageKey, params?: Record<string, string | number>) => tk(this.language, key, params);
    const ahead = peopleAhead(ticket);
    const wait = waitMessage(ticket.wait, ahead);
    const waitText = ticket.status === 'waiting' ? t(wait.key, wait.params) : t('waitNext');
    const where =
      ticket.status === 'called' && ticket.counterName
        ? t('goToCounter', { counter: ticket.counterName })
        : this.noCounterOpen
          ? t('noCounterOpen')
          : t('watchScreens');
    return html`
      <section class="screen" aria-labelledby="number-label">
        <div class="number-box" role="status">
          <span id="number-label">${t('yourNumber')}</span>
          <strong class="number" data-testid="ticket-number">${ticket.number}</strong>
          <span class="service">${this.serviceName}</span>
          ${ticket.priority ? html`<span class="priority" data-testid="priority">${t('priorityTicket')}</span>` : null}
        </div>
        <dl>
          <div><dt>${t('peopleAhead')}</dt><dd data-testid="people-ahead">${ahead}</dd></div>
          <div><dt>${t('expectedWait')}</dt><dd data-testid="wait">${waitText}</dd></div>
          <div class="wide"><dt>${t('whereToGo')}</dt><dd data-testid="where">${where}</dd></div>
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
      <section class="receipt" data-testid="receipt">
        <p class="store">${this.storeName}</p>
        <p class="number">${ticket.number}</p>
        ${ticket.priority ? html`<p class="priority">${t('priorityTicket')}</p>` : null}
        <p class="service">${this.serviceName}</p>
        <p>${t('receiptIssued', { time: this.#time(ticket.issuedAt) })}</p>
        <p>${t('receiptWait', { wait: t(wait.key, wait.params) })}</p>
        <p>${t('watchScreens')}</p>
        <lc-qr-code .value=${this.phoneUrl} label=${t('qrLabel', { number: ticket.number })}></lc-qr-code>
        <p>${t('scanForPhone')}</p>
      </section>
    `;
  }

  #time(iso: string): string {
    const locale = this.language === 'zh-Hans' ? 'zh-CN' : 'en-GB';
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: this.timeZone }).format(new Date(iso));
    } catch {
      return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
    }
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
