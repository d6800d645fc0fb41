import '@shoelace-style/shoelace/dist/components/button/button.js';
import { html, nothing } from 'lit';
import type { CounterDto, PublicTicketDto } from '../../../shared/domain.ts';
import { clock, serviceLabel } from '../format.ts';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import { CounterChosenEvent } from './terminal-events.ts';

/**
 * The counter's state and its current ticket, with a running timer (time since the call or the
 * start of service; idle time when nobody is at the counter).
 * @fires counter-chosen - with `null`: the operator wants another counter
 */
export class LcCurrentTicket extends StaffElement {
  static override properties = {
    counter: { attribute: false },
    ticket: { attribute: false },
    now: { attribute: false },
  };
  static override styles = [staffStyles, terminalStyles];
  declare counter: CounterDto | null;
  declare ticket: PublicTicketDto | null;
  declare now: number;

  constructor() {
    super();
    this.counter = null;
    this.ticket = null;
    this.now = Date.now();
  }

  override render() {
    const counter = this.counter;
    if (!counter) return nothing;
    const ticket = this.ticket;
    const since = ticket
      ? Date.parse(ticket.startedAt ?? ticket.calledAt ?? ticket.issuedAt)
      : Date.parse(counter.statusSince);
    const elapsed = (this.now - since) / 1000;
    const language = this.session?.language ?? 'en';
    return html`<div class="row">
        <h2 style="margin:0">${counter.name}</h2>
        <span class="status ${counter.status}" data-testid="counter-status">${this.t(`counter.${counter.status}`)}</span>
        ${counter.pauseReason ? html`<span class="muted">${counter.pauseReason}</span>` : nothing}
        <sl-button size="small" style="margin-left:auto" ?disabled=${counter.status !== 'closed'} @click=${() => this.dispatchEvent(new CounterChosenEvent(null))}>${this.t('terminal.changeCounter')}</sl-button>
      </div>
      ${
        ticket
          ? html`<p class="ticket" data-testid="current-ticket">${ticket.number}</p>
            <p class="row">
              <strong>${serviceLabel(this.session?.store.services, ticket.serviceId, language)}</strong>
              <span class="status" data-testid="ticket-status">${this.t(`ticket.${ticket.status}`)}</span>
              ${ticket.priority ? html`<span class="status paused">${this.t('terminal.priority')}</span>` : nothing}
              ${ticket.recalls > 0 ? html`<span class="muted" data-testid="recalls">${this.t('terminal.recalls', { n: ticket.recalls })}</span>` : nothing}
              <span class="timer" role="timer" data-testid="timer">${clock(elapsed)}</span>
            </p>`
          : html`<p class="ticket muted" data-testid="current-ticket">—</p>
            <p class="muted">${counter.status === 'open' ? this.t('terminal.idle', { time: clock(elapsed) }) : this.t('terminal.openFirst')}</p>`
      }`;
  }
}
customElements.define('lc-current-ticket', LcCurrentTicket);

declare global {
  interface HTMLElementTagNameMap {
    'lc-current-ticket': LcCurrentTicket;
  }
}
