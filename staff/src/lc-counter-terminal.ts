import { html, nothing } from 'lit';
import type { OperationId } from '../../shared/api/routes.ts';
import { ClockController } from '../../shared/client/clock-controller.ts';
import type { CounterDto, PublicTicketDto } from '../../shared/domain.ts';
import { errorText } from './api-client.ts';
import { clock, localized } from './format.ts';
import './lc-my-day.ts';
import { terminalStyles } from './lc-counter-terminal.styles.ts';
import type { LcMyDay } from './lc-my-day.ts';
import { StaffElement } from './staff-element.ts';
import { StaffSocketController } from './staff-socket-controller.ts';
import { staffStyles } from './staff-styles.ts';
import { actionForKey, isTyping, TERMINAL_KEYS, type TerminalAction } from './terminal-keys.ts';

/** The operation each one-key action calls (pause and transfer ask for their reason or service first). */
const OPERATIONS = {
  callNext: 'callNext',
  recall: 'recall',
  start: 'startService',
  complete: 'completeService',
  noShow: 'noShow',
  open: 'openCounter',
  close: 'closeCounter',
} as const satisfies Record<Exclude<TerminalAction, 'transfer' | 'pause'>, OperationId>;

type CounterParams = { store: string; counter: string };

/**
 * The counter terminal: pick a counter, then one key per action. It shows the current ticket
 * with a running timer, who is next and how many wait for this counter's services — but never
 * lets the operator choose a customer.
 */
export class LcCounterTerminal extends StaffElement {
  static override properties = {
    counterId: { state: true },
    mode: { state: true },
    busy: { state: true },
    problem: { state: true },
  };
  static override styles = [staffStyles, terminalStyles];
  declare counterId: string | null;
  declare mode: 'pause' | 'transfer' | null;
  declare busy: boolean;
  declare problem: string | null;
  readonly #clock = new ClockController(this);
  readonly #live = new StaffSocketController(this, {
    store: () => this.session?.storeId ?? null,
    onEvent: (name, payload) => {
      const counterId = (payload as { counterId?: string | null }).counterId;
      if ((name === 'ticket:done' || name === 'ticket:no_show') && counterId === this.counterId)
        this.#myDay()?.refresh();
    },
  });

  constructor() {
    super();
    this.counterId = null;
    this.mode = null;
    this.busy = false;
    this.problem = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.counterId = localStorage.getItem(this.#counterKey) || null;
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
  }

  override updated(): void {
    this.#live.join();
  }

  get #counterKey() {
    return `linecast.staff.counter.${this.session?.storeId ?? ''}`;
  }

  get #counters(): CounterDto[] {
    return this.#live.queue?.counters ?? [];
  }

  get #counter(): CounterDto | undefined {
    return this.#counters.find((c) => c.id === this.counterId);
  }

  get #ticket(): PublicTicketDto | undefined {
    const id = this.#counter?.currentTicketId;
    return id ? this.#live.queue?.called.find((t) => t.id === id) : undefined;
  }

  override render() {
    const queue = this.#live.queue;
    if (!queue) return html`<p class="muted" role="status">${this.t('app.connecting')}</p>`;
    if (!this.#counter) return this.#picker();
    return html`<div class="layout">
      <section class="card">${this.#current()}${this.#actions()}${this.#prompt()}
        ${this.problem ? html`<p class="error" role="alert" data-testid="terminal-error">${this.problem}</p>` : nothing}
      </section>
      <aside>${this.#line()}<lc-my-day></lc-my-day></aside>
    </div>`;
  }

  #picker() {
    return html`<section class="card">
      <h2>${this.t('terminal.chooseCounter')}</h2>
      <div class="counters">
        ${this.#counters.map(
          (c, i) => html`<button data-testid="counter-${c.id}" @click=${() => this.#choose(c.id)}>
            ${i < 9 ? html`<kbd>${i + 1}</kbd> ` : nothing}<strong>${c.name}</strong><br />
            <span class="muted">${this.t(`counter.${c.status}`)} · ${c.serviceIds.map((s) => this.#serviceName(s)).join(', ')}</span>
          </button>`,
        )}
      </div>
    </section>`;
  }

  #current() {
    const counter = this.#counter!;
    const ticket = this.#ticket;
    const since = ticket
      ? Date.parse(ticket.startedAt ?? ticket.calledAt ?? ticket.issuedAt)
      : Date.parse(counter.statusSince);
    const elapsed = (this.#clock.now.getTime() - since) / 1000;
    return html`<div class="row">
        <h2 style="margin:0">${counter.name}</h2>
        <span class="status ${counter.status}" data-testid="counter-status">${this.t(`counter.${counter.status}`)}</span>
        ${counter.pauseReason ? html`<span class="muted">${counter.pauseReason}</span>` : nothing}
        <button style="margin-left:auto" ?disabled=${counter.status !== 'closed'} @click=${() => this.#choose(null)}>${this.t('terminal.changeCounter')}</button>
      </div>
      ${
        ticket
          ? html`<p class="ticket" data-testid="current-ticket">${ticket.number}</p>
            <p class="row">
              <strong>${this.#serviceName(ticket.serviceId)}</strong>
              <span class="status" data-testid="ticket-status">${this.t(`ticket.${ticket.status}`)}</span>
              ${ticket.priority ? html`<span class="status paused">${this.t('terminal.priority')}</span>` : nothing}
              ${ticket.recalls > 0 ? html`<span class="muted" data-testid="recalls">${this.t('terminal.recalls', { n: ticket.recalls })}</span>` : nothing}
              <span class="timer" role="timer" data-testid="timer">${clock(elapsed)}</span>
            </p>`
          : html`<p class="ticket muted" data-testid="current-ticket">—</p>
            <p class="muted">${counter.status === 'open' ? this.t('terminal.idle', { time: clock(elapsed) }) : this.t('terminal.openFirst')}</p>`
      }`;
  }

  #actions() {
    const counter = this.#counter!;
    const status = this.#ticket?.status;
    const open = counter.status === 'open';
    const enabled: Record<TerminalAction, boolean> = {
      callNext: open && !this.busy,
      recall: status === 'called',
      start: status === 'called',
      complete: status === 'called' || status === 'serving',
      noShow: status === 'called',
      transfer: !!status,
      open: counter.status !== 'open',
      pause: open,
      close: counter.status !== 'closed',
    };
    const button = (action: TerminalAction, cls = '') =>
      html`<button class=${cls} data-testid="action-${action}" ?disabled=${!enabled[action] || this.busy} @click=${() => this.#run(action)}>
        <span>${this.t(`action.${action}`)}</span><kbd>${action === 'callNext' ? `${TERMINAL_KEYS.callNext} / ␣` : TERMINAL_KEYS[action]}</kbd>
      </button>`;
    return html`<div class="actions">
        ${button('callNext', 'primary')}${button('recall')}${button('start')}${button('complete')}${button('noShow', 'danger')}${button('transfer')}
      </div>
      <div class="actions">${button('open')}${button('pause')}${button('close')}</div>`;
  }

  #prompt() {
    if (this.mode === 'pause') {
      return html`<form class="row card" style="margin-top:1rem" @submit=${this.#pause}>
        <label>${this.t('terminal.pauseReason')} <input name="reason" required maxlength="200" data-testid="pause-reason" @keydown=${this.#escape} /></label>
        <button class="primary" type="submit">${this.t('action.pause')}</button>
        <button type="button" @click=${() => (this.mode = null)}>${this.t('common.cancel')} <kbd>Esc</kbd></button>
      </form>`;
    }
    if (this.mode === 'transfer') {
      const services = (this.session?.store.services ?? []).filter((s) => s.id !== this.#ticket?.serviceId);
      return html`<div class="card" style="margin-top:1rem" role="dialog" aria-label=${this.t('terminal.transferTo')}>
        <h3>${this.t('terminal.transferTo')}</h3>
        <div class="row">
          ${services.map((s, i) => html`<button data-testid="transfer-${s.id}" @click=${() => this.#transfer(s.id)}><kbd>${i + 1}</kbd> ${localized(s.name, this.session!.language)}</button>`)}
          <button @click=${() => (this.mode = null)}>${this.t('common.cancel')} <kbd>Esc</kbd></button>
        </div>
      </div>`;
    }
    return nothing;
  }

  #line() {
    const counter = this.#counter!;
    const eligible = (this.#live.queue?.waiting ?? []).filter((t) => counter.serviceIds.includes(t.serviceId));
    const next = eligible.find((t) => t.priority) ?? eligible[0];
    const oldest = eligible.reduce((min, t) => Math.min(min, Date.parse(t.issuedAt)), Number.POSITIVE_INFINITY);
    return html`<section class="card">
      <h3>${this.t('terminal.line')}</h3>
      <p><span class="big" data-testid="waiting-for-counter">${eligible.length}</span> ${this.t('terminal.waitingHere')}</p>
      <p>${this.t('terminal.next')}: <strong data-testid="next-ticket">${next ? `${next.number} · ${this.#serviceName(next.serviceId)}` : '—'}</strong></p>
      ${eligible.length > 0 ? html`<p class="muted">${this.t('terminal.longest', { time: clock((this.#clock.now.getTime() - oldest) / 1000) })}</p>` : nothing}
      ${this.#live.connected ? nothing : html`<p class="error" role="status">${this.t('app.offline')}</p>`}
    </section>`;
  }

  #serviceName(id: string): string {
    const service = this.session?.store.services.find((s) => s.id === id);
    return service ? `${service.code} ${localized(service.name, this.session!.language)}` : id;
  }

  #myDay(): LcMyDay | null {
    return this.renderRoot.querySelector('lc-my-day');
  }

  #choose(id: string | null) {
    this.counterId = id;
    this.problem = null;
    if (id) localStorage.setItem(this.#counterKey, id);
    else localStorage.removeItem(this.#counterKey);
  }

  #onKey = (event: KeyboardEvent) => {
    if (isTyping(event) || event.repeat) return;
    if (event.key === 'Escape') {
      this.mode = null;
      return;
    }
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : -1;
    if (!this.#counter) {
      const counter = this.#counters[digit];
      if (counter) this.#choose(counter.id);
      return;
    }
    if (this.mode === 'transfer') {
      const services = (this.session?.store.services ?? []).filter((s) => s.id !== this.#ticket?.serviceId);
      if (services[digit]) void this.#transfer(services[digit].id);
      return;
    }
    const action = actionForKey(event);
    if (!action) return;
    event.preventDefault();
    void this.#run(action);
  };

  async #run(action: TerminalAction) {
    if (action === 'pause') {
      this.mode = 'pause';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[data-testid="pause-reason"]')?.focus();
      return;
    }
    if (action === 'transfer') {
      if (this.#ticket) this.mode = 'transfer';
      return;
    }
    const answer = await this.#act((params) => this.api.call(OPERATIONS[action], { params }));
    if (action === 'callNext' && answer && 'ticket' in answer && answer.ticket === null)
      this.problem = this.t('terminal.nobodyWaits');
  }

  /** Sends one counter command, one at a time; a refusal is shown. */
  async #act<T>(send: (params: CounterParams) => Promise<T>): Promise<T | undefined> {
    if (this.busy || !this.counterId) return undefined;
    this.busy = true;
    this.problem = null;
    try {
      return await send({ ...this.storeParams, counter: this.counterId });
    } catch (error) {
      this.problem = errorText(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  #pause = async (event: SubmitEvent) => {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    this.mode = null;
    await this.#act((params) => this.api.call('pauseCounter', { params, body: { reason } }));
  };

  #escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.mode = null;
  };

  async #transfer(serviceId: string) {
    this.mode = null;
    await this.#act((params) => this.api.call('transfer', { params, body: { serviceId } }));
  }
}
customElements.define('lc-counter-terminal', LcCounterTerminal);

declare global {
  interface HTMLElementTagNameMap {
    'lc-counter-terminal': LcCounterTerminal;
  }
}
