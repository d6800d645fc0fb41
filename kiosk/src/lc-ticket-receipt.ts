import { css, html, LitElement } from 'lit';
import type { Language, TicketDto } from '../../shared/domain.ts';
import { waitMessage } from './format-wait.ts';
import { type KioskMessageKey, tk } from './i18n/kiosk-messages.ts';
import './lc-qr-code.ts';

/**
 * The 80 mm thermal receipt: invisible on screen, the only thing printed by `window.print()`
 * (the page sets `@page { size: 80mm auto }`).
 */
export class LcTicketReceipt extends LitElement {
  static override properties = {
    ticket: { attribute: false },
    serviceName: { type: String },
    language: { type: String },
    timeZone: { type: String },
    phoneUrl: { type: String },
  };
  static override styles = css`
    :host {
      display: none;
    }
    @media print {
      :host {
        display: block;
        width: 72mm;
        color: #000;
        background: #fff;
        font: 11pt/1.3 system-ui, sans-serif;
        text-align: center;
      }
      p {
        margin: 0 0 2mm;
      }
      .number {
        font-size: 40pt;
        font-weight: 800;
      }
      .service {
        font-size: 14pt;
        font-weight: 700;
      }
      lc-qr-code {
        width: 40mm;
        height: 40mm;
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
    return html`
      <p class="number">${ticket.number}</p>
      <p class="service">${this.serviceName}</p>
      <p>${t('receiptIssued', { time: this.#time(ticket.issuedAt) })}</p>
      <p>${t('receiptWait', { wait: t(wait.key, wait.params) })}</p>
      <p>${t('watchScreens')}</p>
      <lc-qr-code .value=${this.phoneUrl} label=${t('qrLabel', { number: ticket.number })}></lc-qr-code>
      <p>${t('scanForPhone')}</p>
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

customElements.define('lc-ticket-receipt', LcTicketReceipt);

declare global {
  interface HTMLElementTagNameMap {
    'lc-ticket-receipt': LcTicketReceipt;
  }
}
