import { html, nothing } from 'lit';
import type { OperationId } from '../../shared/api/routes.ts';
import { ClockController } from '../../shared/client/clock-controller.ts';
import type { CounterDto, PublicTicketDto, ServiceDto } from '../../shared/domain.ts';
import { errorText } from './api-client.ts';
import './lc-my-day.ts';
import { terminalStyles } from './lc-counter-terminal.styles.ts';
import { StaffElement } from './staff-element.ts';
import { StaffSocketController } from './staff-socket-controller.ts';
import { staffStyles } from './staff-styles.ts';
import './terminal/lc-counter-actions.ts';
import { allowedActions } from './terminal/lc-counter-actions.ts';
import './terminal/lc-counter-line.ts';
import './terminal/lc-counter-picker.ts';
import './terminal/lc-current-ticket.ts';
import './terminal/lc-pause-form.ts';
import './terminal/lc-transfer-dialog.ts';
import type {
  CounterChosenEvent,
  PauseReasonEvent,
  TerminalActionEvent,
  TransferChosenEvent,
} from './terminal/terminal-events.ts';
import { TerminalKeysController } from './terminal/terminal-keys-controller.ts';
import type { TerminalAction } from './terminal-keys.ts';

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
 * The counter terminal: pick a counter, then one key per action. It owns the staff socket and
 * talks to the server; its parts show what it hands them and tell it what the operator asked
 * for. "Next" is the server's answer (`nextCalls`), so it never names a customer the server
 * would not call.
 */
export class LcCounterTerminal extends StaffElement {
  static override properties = {
    counterId: { state: true },
    mode: { state: true },
    busy: { state: true },
    problem: { state: true },
    myDayVersion: { state: true },
  };
  static override styles = [staffStyles, terminalStyles];
  declare counterId: string | null;
  declare mode: 'pause' | 'transfer' | null;
  declare busy: boolean;
  declare problem: string | null;
  /** Bumped when this counter finished a ticket: `<lc-my-day>` reloads its figures. */
  declare myDayVersion: number;
  readonly #clock = new ClockController(this);
  readonly #live = new StaffSocketController(this, {
    store: () => this.session?.storeId ?? null,
    onEvent: (name, payload) => {
      const counterId = (payload as { counterId?: string | null }).counterId;
      if ((name === 'ticket:done' || name === 'ticket:no_show') && counterId === this.counterId) this.myDayVersion++;
    },
  });
  readonly #keys = new TerminalKeysController(this, {
    screen: () => (!this.#counter ? 'picker' : this.mode === 'transfer' ? 'transfer' : 'counter'),
    onDigit: (i) => {
      if (!this.#counter) {
        const counter = this.#counters[i];
        if (counter) this.#choose(counter.id);
      } else {
        const service = this.#transferServices[i];
        if (service) void this.#transfer(service.id);
      }
    },
    onAction: (action) => void this.#run(action),
    onEscape: () => {
      this.mode = null;
    },
  });

  constructor() {
    super();
    this.counterId = null;
    this.mode = null;
    this.busy = false;
    this.problem = null;
    this.myDayVersion = 0;
    void this.#keys;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.counterId = localStorage.getItem(this.#counterKey) || null;
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

  get #transferServices(): ServiceDto[] {
    return (this.session?.store.services ?? []).filter((s) => s.id !== this.#ticket?.serviceId);
  }

  override render() {
    const queue = this.#live.queue;
    if (!queue) return html`<p class="muted" role="status">${this.t('app.connecting')}</p>`;
    const counter = this.#counter;
    if (!counter) {
      return html`<lc-counter-picker .counters=${this.#counters} @counter-chosen=${this.#onChosen}></lc-counter-picker>`;
    }
    const now = this.#clock.now.getTime();
    const eligible = queue.waiting.filter((t) => counter.serviceIds.includes(t.serviceId));
    const oldest = eligible.length ? Math.min(...eligible.map((t) => Date.parse(t.issuedAt))) : null;
    return html`<div class="layout">
      <section class="card">
        <lc-current-ticket .counter=${counter} .ticket=${this.#ticket ?? null} .now=${now} @counter-chosen=${this.#onChosen}></lc-current-ticket>
        <lc-counter-actions .counter=${counter} .ticketStatus=${this.#ticket?.status ?? null} ?busy=${this.busy}
          @terminal-action=${(e: TerminalActionEvent) => void this.#run(e.action)}></lc-counter-actions>
        ${this.#prompt()}
        ${this.problem ? html`<p class="error" role="alert" data-testid="terminal-error">${this.problem}</p>` : nothing}
      </section>
      <aside>
        <lc-counter-line .waiting=${eligible.length} .next=${queue.nextCalls?.[counter.id] ?? null} .oldestIssuedAt=${oldest}
          .now=${now} ?connected=${this.#live.connected}></lc-counter-line>
        <lc-my-day .version=${this.myDayVersion}></lc-my-day>
      </aside>
    </div>`;
  }

  #prompt() {
    if (this.mode === 'pause') {
      return html`<lc-pause-form @pause-reason=${this.#pause} @prompt-cancel=${this.#cancel}></lc-pause-form>`;
    }
    if (this.mode === 'transfer') {
      return html`<lc-transfer-dialog .services=${this.#transferServices}
        @transfer-chosen=${(e: TransferChosenEvent) => void this.#transfer(e.serviceId)} @prompt-cancel=${this.#cancel}></lc-transfer-dialog>`;
    }
    return nothing;
  }

  #onChosen = (event: CounterChosenEvent) => this.#choose(event.counterId);

  #cancel = () => {
    this.mode = null;
  };

  #choose(id: string | null) {
    this.counterId = id;
    this.problem = null;
    if (id) localStorage.setItem(this.#counterKey, id);
    else localStorage.removeItem(this.#counterKey);
  }

  async #run(action: TerminalAction) {
    const counter = this.#counter;
    // The keys obey the same guard as the buttons.
    if (!counter || !allowedActions(counter, this.#ticket?.status ?? null, this.busy)[action]) return;
    if (action === 'pause' || action === 'transfer') {
      this.mode = action;
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

  #pause = async (event: PauseReasonEvent) => {
    this.mode = null;
    await this.#act((params) => this.api.call('pauseCounter', { params, body: { reason: event.reason } }));
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
