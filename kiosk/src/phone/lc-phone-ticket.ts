import { html, LitElement } from 'lit';
import { peopleAhead, waitMessage } from '../../../shared/client/format-wait.ts';
import { LANGUAGES, type Language, type TicketDto } from '../../../shared/domain.ts';
import { textIn } from '../../../shared/i18n.ts';
import { type PhoneMessageKey, tp } from '../i18n/phone-messages.ts';
import { applyDocumentLanguage, deviceLanguage, localized, nextLanguage, rememberLanguage } from '../language.ts';
import '../lc-language-button.ts';
import { AlertController } from './alert-controller.ts';
import './lc-feedback-form.ts';
import './lc-leave-line.ts';
import './lc-notify-ahead.ts';
import { phoneTicketStyles } from './lc-phone-ticket.styles.ts';
import './lc-turn-alert.ts';
import { TicketController } from './ticket-controller.ts';

const LANGUAGE_KEY = 'linecast:phone:language';

/**
 * The phone ticket page (`/t/<token>`): live place and wait, the "your turn" alert, an alert when
 * few people are ahead, leaving the line, and the feedback form after service.
 */
export class LcPhoneTicket extends LitElement {
  static override properties = {
    language: { state: true },
    threshold: { state: true },
    acknowledged: { state: true },
    busy: { state: true },
    failed: { state: true },
    retryAfterSec: { state: true },
    aheadAlert: { state: true },
  };
  static override styles = phoneTicketStyles;
  declare language: Language;
  declare threshold: number | null;
  declare acknowledged: string | null;
  declare busy: boolean;
  declare failed: 'leave' | 'feedback' | null;
  /** When the server refused feedback for now (429): seconds to wait, said in words by the form. */
  declare retryAfterSec: number;
  /** People ahead when the "few people ahead" alert went off; shown until dismissed. */
  declare aheadAlert: number | null;
  readonly #data = new TicketController(this);
  readonly #alerts = new AlertController(this);
  #alerted: string | null = null;
  #flashing: 'call' | 'ahead' | null = null;

  constructor() {
    super();
    this.language = savedLanguage() ?? deviceLanguage();
    this.threshold = null;
    this.acknowledged = null;
    this.busy = false;
    this.failed = null;
    this.retryAfterSec = 0;
    this.aheadAlert = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = localStorage.getItem(this.#key('notifyAt'));
    this.threshold = saved === null ? null : Number(saved);
  }

  override willUpdate(): void {
    applyDocumentLanguage(this.language);
    this.#raiseAlerts();
    if (!this.#alerts.flashing) document.title = this.#t('pageTitle', { number: this.#data.ticket?.number ?? '' });
  }

  /** One alert per call (and recall), one when the chosen number of people is ahead; each stops when it no longer applies. */
  #raiseAlerts(): void {
    const ticket = this.#data.ticket;
    if (!ticket) return;
    if (ticket.status === 'called' && this.#alerted !== callKey(ticket)) {
      this.#alerted = callKey(ticket);
      this.#flashing = 'call';
      this.#alerts.fire(this.#t('alertTitle', { counter: ticket.counterName ?? '' }), ticket.number);
    }
    if (ticket.status !== 'called' && this.#flashing === 'call') this.#stopAlert();
    if (ticket.status !== 'waiting') this.aheadAlert = null;
    const ahead = peopleAhead(ticket);
    const notified = localStorage.getItem(this.#key('notified')) === '1';
    if (ticket.status === 'waiting' && this.threshold !== null && ahead <= this.threshold && !notified) {
      localStorage.setItem(this.#key('notified'), '1');
      this.aheadAlert = ahead;
      this.#flashing = 'ahead';
      this.#alerts.fire(this.#t('aheadAlertTitle', { count: ahead }), this.#t('aheadAlertBody'));
    }
  }

  #stopAlert(): void {
    this.#flashing = null;
    this.#alerts.stop();
  }

  override render() {
    const { ticket, config, problem } = this.#data;
    // Stale once a live connection we had is lost, or the ticket can no longer be fetched.
    const stale = ticket && (problem === 'unreachable' || (this.#data.live.snapshot && !this.#data.live.connected));
    return html`
      <header>
        <span class="store">${config ? textIn(this.language, config.name, config.nameByLanguage) : ''}</span>
        <lc-language-button .target=${nextLanguage(this.language, config?.languages ?? [])}
          .text=${this.#t('languageName')} .label=${this.#t('languageLabel')}
          @lc-language-change=${(e: { language: Language }) => this.#setLanguage(e.language)}></lc-language-button>
      </header>
      ${stale ? html`<p class="banner" role="status">${this.#t('reconnecting')}</p>` : null}
      <main>${ticket ? this.#ticketView(ticket) : html`<p role=${problem ? 'alert' : 'status'}>${this.#t(problem ?? 'loading')}</p>`}</main>
    `;
  }

  #ticketView(ticket: TicketDto) {
    const service = this.#data.config?.services.find((s) => s.id === ticket.serviceId);
    const serviceName = service ? localized(service.name, this.language) : '';
    switch (ticket.status) {
      case 'called':
      case 'serving':
        return html`<lc-turn-alert .number=${ticket.number} .counterName=${ticket.counterName ?? ''}
          .serving=${ticket.status === 'serving'} .recalled=${ticket.recalls > 0} .language=${this.language}
          .acknowledged=${this.acknowledged === callKey(ticket)}
          @lc-alert-ack=${() => this.#acknowledge()}></lc-turn-alert>`;
      case 'done':
        return html`<section class="card">
          <p class="number">${ticket.number}</p>
          <h1>${this.#t('done')}</h1>
          ${
            ticket.feedbackGiven
              ? html`<p role="status" data-testid="thanks">${this.#t('thanks')}</p>`
              : html`<lc-feedback-form .language=${this.language} .sending=${this.busy} .failed=${this.failed === 'feedback'}
                  .retryAfterSec=${this.retryAfterSec}
                  @lc-feedback-submit=${(e: { feedback: Parameters<TicketController['sendFeedback']>[0] }) => this.#sendFeedback(e.feedback)}></lc-feedback-form>`
          }
        </section>`;
      case 'no_show':
      case 'cancelled':
        return html`<section class="card">
          <p class="number">${ticket.number}</p>
          <p role="status" class="final">${this.#t(ticket.status === 'cancelled' ? 'cancelled' : 'noShow')}</p>
          ${this.#joinAgain()}
        </section>`;
      default:
        return this.#waitingView(ticket, serviceName);
    }
  }

  #waitingView(ticket: TicketDto, serviceName: string) {
    const wait = waitMessage(ticket.wait, peopleAhead(ticket));
    return html`
      ${
        this.aheadAlert === null
          ? null
          : html`<section class="ahead-alert" role="alert" data-testid="ahead-alert">
              <h2>${this.#t('aheadAlertTitle', { count: this.aheadAlert })}</h2>
              <p>${this.#t('aheadAlertBody')}</p>
              <button type="button" @click=${() => this.#acknowledge()}>${this.#t('gotIt')}</button>
            </section>`
      }
      <section class="card" aria-labelledby="number-label">
        <span id="number-label">${this.#t('yourNumber')}</span>
        <p class="number" data-testid="ticket-number">${ticket.number}</p>
        <p class="service">${serviceName}${ticket.priority ? html` · ${this.#t('priority')}` : null}</p>
        <dl>
          <div><dt>${this.#t('peopleAhead')}</dt><dd data-testid="people-ahead">${peopleAhead(ticket)}</dd></div>
          <div><dt>${this.#t('expectedWait')}</dt><dd data-testid="wait">${this.#t(wait.key, wait.params)}</dd></div>
          <div class="wide"><dt>${this.#t('whereToGo')}</dt><dd>${this.#t('watchScreens')}</dd></div>
        </dl>
      </section>
      <section class="card">
        <lc-notify-ahead .threshold=${this.threshold} .alertsEnabled=${this.#alerts.enabled} .language=${this.language}
          @lc-notify-ahead-change=${(e: { threshold: number | null }) => this.#setThreshold(e.threshold)}
          @lc-enable-alerts=${() => void this.#alerts.unlock()}></lc-notify-ahead>
      </section>
      ${this.failed === 'leave' ? html`<p role="alert">${this.#t('leaveFailed')}</p>` : null}
      <lc-leave-line .number=${ticket.number} .busy=${this.busy} .language=${this.language}
        @lc-leave-line=${() => this.#leave()}></lc-leave-line>
    `;
  }

  /** A new place in the same store's line, from this phone when the store allows it. */
  #joinAgain() {
    const config = this.#data.config;
    if (!config?.allowPhoneJoin) return null;
    const href = `/kiosk/?store=${encodeURIComponent(config.slug)}&mode=phone&lang=${encodeURIComponent(this.language)}`;
    return html`<a class="join" data-testid="join-again" href=${href}>${this.#t('joinAgain')}</a>`;
  }

  #acknowledge(): void {
    this.acknowledged = this.#alerted;
    this.aheadAlert = null;
    this.#stopAlert();
  }

  #setThreshold(threshold: number | null): void {
    this.threshold = threshold;
    localStorage.removeItem(this.#key('notified'));
    if (threshold === null) localStorage.removeItem(this.#key('notifyAt'));
    else localStorage.setItem(this.#key('notifyAt'), String(threshold));
  }

  #setLanguage(language: Language): void {
    this.language = language;
    localStorage.setItem(LANGUAGE_KEY, language);
    rememberLanguage(language);
  }

  async #leave(): Promise<void> {
    this.busy = true;
    this.failed = (await this.#data.leave()) ? null : 'leave';
    this.busy = false;
  }

  async #sendFeedback(feedback: Parameters<TicketController['sendFeedback']>[0]): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const sent = await this.#data.sendFeedback(feedback);
    this.failed = sent === true ? null : 'feedback';
    this.retryAfterSec = sent === true ? 0 : sent;
    this.busy = false;
  }

  #key(name: string): string {
    return `linecast:ticket:${this.#data.token}:${name}`;
  }

  #t(key: PhoneMessageKey, params?: Record<string, string | number>): string {
    return tp(this.language, key, params);
  }
}

/** The customer's own earlier choice on this phone, unless the link asks for a language. */
function savedLanguage(): Language | null {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (new URLSearchParams(location.search).has('lang')) return null;
  return LANGUAGES.find((l) => l === saved) ?? null;
}

/** One alert per call and per recall. */
function callKey(ticket: TicketDto): string {
  return `${ticket.id}:${ticket.recalls}`;
}

customElements.define('lc-phone-ticket', LcPhoneTicket);

declare global {
  interface HTMLElementTagNameMap {
    'lc-phone-ticket': LcPhoneTicket;
  }
}
