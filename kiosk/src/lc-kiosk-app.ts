import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { callApi } from '../../shared/api/client.ts';
import { HeartbeatController } from '../../shared/client/heartbeat-controller.ts';
import { StoreSocketController } from '../../shared/client/store-socket-controller.ts';
import type { Language, QueueSnapshot, StorePublicConfig, TicketDto } from '../../shared/domain.ts';
import { textIn } from '../../shared/i18n.ts';
import { type KioskMessageKey, tk } from './i18n/kiosk-messages.ts';
import { IdleController } from './idle-controller.ts';
import { applyDocumentLanguage, deviceLanguage, localized, nextLanguage, rememberLanguage } from './language.ts';
import { kioskAppStyles } from './lc-kiosk-app.styles.ts';
import { phoneLink } from './public-url.ts';
import './lc-language-button.ts';
import './lc-pairing-code.ts';
import './lc-service-picker.ts';
import './lc-ticket-card.ts';
import { type IssueOutcome, TicketIssuer } from './ticket-issuer.ts';

type Phase = 'start' | 'issuing' | 'ticket' | 'error' | 'pairing';
/** What went wrong, as a message of the catalogue and what fills it in. */
type Problem = { key: KioskMessageKey; params?: Record<string, string | number> };

const IDLE_MS = 30_000;

/**
 * The kiosk (`/kiosk/?store=demo`) and its "join from your phone" variant (`&mode=phone`):
 * pick a service, get a ticket. A retry reuses the attempt's idempotency key, so a double tap or
 * a timeout never makes two tickets.
 */
export class LcKioskApp extends LitElement {
  static override properties = {
    language: { state: true },
    phase: { state: true },
    priority: { state: true },
    ticket: { state: true },
    problem: { state: true },
    queue: { state: true },
  };
  static override styles = kioskAppStyles;
  declare language: Language;
  declare phase: Phase;
  declare priority: boolean;
  declare ticket: TicketDto | null;
  declare problem: Problem | null;
  declare queue: Pick<QueueSnapshot, 'waits' | 'waitingByService' | 'counters'> | null;
  readonly store = new URLSearchParams(location.search).get('store') ?? '';
  readonly phoneMode = new URLSearchParams(location.search).get('mode') === 'phone';
  /** `&print=auto`: print every ticket at once (Chromium's `--kiosk-printing` skips the dialog). */
  readonly autoPrint = new URLSearchParams(location.search).get('print') === 'auto';
  /** `&pair=1`: show the pairing code even where phones may join (the kiosk then works unpaired). */
  readonly pairAsked = new URLSearchParams(location.search).get('pair') === '1';
  readonly #issuer = new TicketIssuer(this.store);
  #heartbeat: HeartbeatController | null = null;
  #config = new Task(this, {
    task: async ([store], { signal }) => {
      const config = await callApi('storeConfig', { params: { store }, signal });
      this.#onConfig(config);
      return config;
    },
    args: () => [this.store] as const,
    autoRun: false,
  });

  constructor() {
    super();
    this.language = deviceLanguage();
    this.phase = 'start';
    this.priority = false;
    this.ticket = null;
    this.problem = null;
    this.queue = null;
    new IdleController(this, {
      timeoutMs: IDLE_MS,
      armed: () => !this.phoneMode && this.#hasSomethingToReset(),
      onIdle: () => this.#reset(),
    });
    // A kiosk reports to the manager's device list like a screen does; a customer's phone does not.
    if (!this.phoneMode && this.store) {
      const heartbeat = new HeartbeatController(this, {
        store: this.store,
        kind: 'kiosk',
        deviceToken: () => this.#issuer.deviceToken,
        lastTicketShown: () => (this.phase === 'ticket' ? (this.ticket?.number ?? null) : null),
      });
      new StoreSocketController(this, {
        store: () => this.store,
        onSocket: (socket) => heartbeat.attach(socket),
        onSnapshot: (snapshot) => {
          this.queue = snapshot;
        },
        // A counter opening or closing changes whether "No wait" is true.
        onEvent: (name, payload) => {
          if (name === 'counter:updated' && 'counter' in payload && this.queue) {
            const counter = payload.counter;
            this.queue = {
              ...this.queue,
              counters: this.queue.counters.map((c) => (c.id === counter.id ? counter : c)),
            };
          }
        },
      });
      this.#heartbeat = heartbeat;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store) void this.#config.run();
  }

  override willUpdate(): void {
    applyDocumentLanguage(this.language);
    document.title = this.#t(this.phoneMode ? 'phoneTitle' : 'welcome');
  }

  override render() {
    const config = this.#config.value;
    return html`
      <header>
        <span class="store">${config ? textIn(this.language, config.name, config.nameByLanguage) : ''}</span>
        <lc-language-button .target=${nextLanguage(this.language, config?.languages ?? [])}
          .text=${this.#t('languageName')} .label=${this.#t('languageLabel')}
          @lc-language-change=${(e: { language: Language }) => {
            this.language = e.language;
            if (this.phoneMode) rememberLanguage(e.language);
          }}></lc-language-button>
      </header>
      <main>
        ${
          this.store
            ? this.#config.render({
                initial: () => html`<p>${this.#t('loading')}</p>`,
                pending: () => html`<p>${this.#t('loading')}</p>`,
                error: () => this.#problemView({ key: 'storeUnavailable' }, () => void this.#config.run()),
                complete: (c) => this.#phaseView(c),
              })
            : html`<p role="alert">${this.#t('noStore')}</p>`
        }
      </main>
    `;
  }

  #phaseView(config: StorePublicConfig) {
    const services = config.services.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
    switch (this.phase) {
      case 'pairing':
        return html`<lc-pairing-code .store=${this.store} .language=${this.language}
          @lc-device-paired=${(e: { deviceToken: string }) => this.#paired(e.deviceToken)}></lc-pairing-code>`;
      case 'ticket': {
        const ticket = this.ticket!;
        const service = config.services.find((s) => s.id === ticket.serviceId);
        return html`<lc-ticket-card .ticket=${ticket} .language=${this.language} .timeZone=${config.timeZone}
          .storeName=${textIn(this.language, config.name, config.nameByLanguage)} .serviceName=${service ? localized(service.name, this.language) : ''}
          .phoneUrl=${phoneLink(config, ticket.token ?? '')}
          ?noCounterOpen=${openServiceIds(this.queue)?.has(ticket.serviceId) === false} @lc-ticket-done=${() => this.#reset()}></lc-ticket-card>`;
      }
      case 'error':
        return this.#problemView(this.problem ?? { key: 'unreachable' }, () => void this.#retry());
      default:
        return html`
          ${this.phase === 'issuing' ? html`<p class="busy" role="status">${this.#t('issuing')}</p>` : null}
          <lc-service-picker .services=${services} .language=${this.language} .priority=${this.priority}
            .waits=${this.queue?.waits ?? {}} .waitingByService=${this.queue?.waitingByService ?? {}}
            .openServiceIds=${openServiceIds(this.queue)}
            ?busy=${this.phase === 'issuing'}
            @lc-priority-change=${(e: { priority: boolean }) => {
              this.priority = e.priority;
            }}
            @lc-service-select=${(e: { serviceId: string }) => void this.#choose(e.serviceId)}></lc-service-picker>
        `;
    }
  }

  #problemView(problem: Problem, retry: () => void) {
    return html`<div class="problem">
      <p role="alert" data-testid="problem">${this.#t(problem.key, problem.params)}</p>
      <div class="actions">
        <button type="button" @click=${retry}>${this.#t('tryAgain')}</button>
        ${this.phase === 'error' ? html`<button type="button" class="secondary" @click=${() => this.#reset()}>${this.#t('back')}</button>` : null}
      </div>
    </div>`;
  }

  #onConfig(config: StorePublicConfig): void {
    this.language = deviceLanguage(config.languages);
    if (config.active === false || (this.phoneMode && !config.allowPhoneJoin)) this.#fail({ key: 'closedForTickets' });
    else if (!this.phoneMode && !this.#issuer.deviceToken && (this.pairAsked || !config.allowPhoneJoin))
      this.phase = 'pairing';
    else void this.#loadQueue();
  }

  async #loadQueue(): Promise<void> {
    try {
      this.queue = await callApi('queue', { params: { store: this.store } });
    } catch {
      this.queue = null; // the start screen works without wait hints
    }
  }

  async #choose(serviceId: string): Promise<void> {
    if (this.phase === 'issuing') return;
    this.phase = 'issuing';
    this.#settle(await this.#issuer.start(serviceId, this.priority, this.language));
  }

  async #retry(): Promise<void> {
    this.phase = 'issuing';
    this.#settle(await this.#issuer.retry());
  }

  #settle(outcome: IssueOutcome | null): void {
    if (!outcome) {
      this.phase = 'start'; // nothing to retry
      return;
    }
    if (!outcome.ok) {
      if (outcome.problem === 'unpaired' && !this.phoneMode) this.#forgetDevice();
      else if (outcome.problem === 'unpaired') this.#fail({ key: 'closedForTickets' });
      else if (outcome.problem === 'failed') this.#fail({ key: 'failed', params: { message: outcome.message ?? '' } });
      else if (outcome.problem === 'throttled') this.#fail(waitInWords(outcome.retryAfterSec));
      else this.#fail({ key: 'unreachable' });
      return;
    }
    const { ticket } = outcome;
    if (this.phoneMode && ticket.token) {
      location.assign(`/t/${encodeURIComponent(ticket.token)}`);
      return;
    }
    this.ticket = ticket;
    this.phase = 'ticket';
    if (this.autoPrint) void this.updateComplete.then(() => window.print());
  }

  #fail(problem: Problem): void {
    this.problem = problem;
    this.ticket = null;
    this.phase = 'error';
  }

  #paired(deviceToken: string): void {
    this.#issuer.deviceToken = deviceToken;
    this.#reset();
    this.#heartbeat?.beat(); // so the manager sees it under its new name at once
  }

  #forgetDevice(): void {
    this.#issuer.deviceToken = null;
    this.phase = this.#config.value?.allowPhoneJoin ? 'start' : 'pairing';
  }

  #hasSomethingToReset(): boolean {
    if (this.phase === 'ticket' || this.phase === 'error') return true;
    const config = this.#config.value;
    return this.phase === 'start' && (this.priority || this.language !== deviceLanguage(config?.languages));
  }

  #reset(): void {
    this.#issuer.clear();
    this.ticket = null;
    this.problem = null;
    this.priority = false;
    this.language = deviceLanguage(this.#config.value?.languages);
    this.phase = this.#issuer.deviceToken || this.#config.value?.allowPhoneJoin ? 'start' : 'pairing';
    void this.#loadQueue();
  }

  #t(key: KioskMessageKey, params?: Record<string, string | number>): string {
    return tk(this.language, key, params);
  }
}

/** "Try again in 2 minutes": seconds under a minute, else whole minutes rounded up. */
function waitInWords(sec: number): Problem {
  return sec < 60
    ? { key: 'tooManySeconds', params: { n: sec } }
    : { key: 'tooManyMinutes', params: { n: Math.ceil(sec / 60) } };
}

/** Services that some open counter serves; null while the counters are not known. */
function openServiceIds(queue: Pick<QueueSnapshot, 'counters'> | null): ReadonlySet<string> | null {
  if (!queue?.counters) return null;
  return new Set(queue.counters.filter((c) => c.status === 'open').flatMap((c) => c.serviceIds));
}

customElements.define('lc-kiosk-app', LcKioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'lc-kiosk-app': LcKioskApp;
  }
}
