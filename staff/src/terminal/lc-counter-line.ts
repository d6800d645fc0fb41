import { html, nothing } from 'lit';
import type { NextCall } from '../../../shared/domain.ts';
import { clock, serviceLabel } from '../format.ts';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';

/**
 * The line as this counter sees it: how many wait for its services, the longest wait, and who
 * "call next" will call — as the server computed it, never guessed here.
 */
export class LcCounterLine extends StaffElement {
  static override properties = {
    waiting: { type: Number },
    next: { attribute: false },
    oldestIssuedAt: { attribute: false },
    now: { attribute: false },
    connected: { type: Boolean },
  };
  static override styles = [staffStyles, terminalStyles];
  declare waiting: number;
  declare next: NextCall | null;
  /** When the longest-waiting of them joined (ms), or null when nobody waits. */
  declare oldestIssuedAt: number | null;
  declare now: number;
  declare connected: boolean;

  constructor() {
    super();
    this.waiting = 0;
    this.next = null;
    this.oldestIssuedAt = null;
    this.now = Date.now();
    this.connected = true;
  }

  override render() {
    const next = this.next;
    const label = next
      ? `${next.number} · ${serviceLabel(this.session?.store.services, next.serviceId, this.session?.language ?? 'en')}`
      : '—';
    return html`<section class="card">
      <h3>${this.t('terminal.line')}</h3>
      <p><span class="big" data-testid="waiting-for-counter">${this.waiting}</span> ${this.t('terminal.waitingHere')}</p>
      <p>${this.t('terminal.next')}: <strong data-testid="next-ticket" data-ticket-id=${next?.ticketId ?? ''}>${label}</strong>
        ${next?.priority ? html`<span class="status paused">${this.t('terminal.priority')}</span>` : nothing}</p>
      ${this.oldestIssuedAt !== null ? html`<p class="muted">${this.t('terminal.longest', { time: clock((this.now - this.oldestIssuedAt) / 1000) })}</p>` : nothing}
      ${this.connected ? nothing : html`<p class="error" role="status">${this.t('app.offline')}</p>`}
    </section>`;
  }
}
customElements.define('lc-counter-line', LcCounterLine);

declare global {
  interface HTMLElementTagNameMap {
    'lc-counter-line': LcCounterLine;
  }
}
