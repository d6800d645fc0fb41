import { css, html, LitElement, nothing } from 'lit';
import { callApi } from '../../shared/api/client.ts';
import { ClockController } from '../../shared/client/clock-controller.ts';
import { HttpError } from '../../shared/client/fetch-json.ts';
import { HeartbeatController } from '../../shared/client/heartbeat-controller.ts';
import type { StoreSocket } from '../../shared/client/store-socket-controller.ts';
import type { Language, PublicTicketDto, StorePublicConfig } from '../../shared/domain.ts';
import { textIn } from '../../shared/i18n.ts';
import { AnnouncerController } from './announcer-controller.ts';
import { missedNumbers, newestCall, recentCalls, serviceRows, toCallView } from './board-model.ts';
import { BroadcastController } from './broadcast-controller.ts';
import { DailyReloadController } from './daily-reload-controller.ts';
import { HighlightController } from './highlight-controller.ts';
import { LiveQueueController } from './live-queue-controller.ts';
import { PlaylistController } from './playlist-controller.ts';
import { t } from './signage-messages.ts';
import { deviceTokenKey, readParams } from './signage-params.ts';
import './lc-board.ts';
import './lc-broadcast-notice.ts';
import './lc-counter-display.ts';
import './lc-pairing-screen.ts';
import './lc-sound-banner.ts';
import './lc-stale-banner.ts';

/** How many earlier calls the recent list shows, per layout. */
const RECENT = { board: 6, portrait: 9, counter: 0 } as const;
/** With no socket after this long, the screen admits its data may be old. */
const CONNECT_GRACE_MS = 10_000;

/**
 * A signage screen (`/signage/?store=demo&layout=board|portrait|counter&counter=c3`): keeps the
 * public queue current over the store socket, announces calls, and never goes blank — when the
 * connection drops it keeps the last line on screen, dimmed under a "connection lost" banner.
 */
export class LcSignageApp extends LitElement {
  static override properties = {
    _config: { state: true },
    _problem: { state: true },
    _pairing: { state: true },
  };

  declare _config: StorePublicConfig | null;
  declare _problem: string | null;
  /** Showing a pairing code (`?pair=1` on a screen that has no device token yet). */
  declare _pairing: boolean;

  #params = readParams(location.search);
  #graceOver = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #lastCallAt = 0;

  #live = new LiveQueueController(this, {
    store: this.#params.store,
    onCall: (ticket, counterName) => this.#call(ticket, counterName),
    onConfig: (config) => {
      this._config = config;
    },
    onReconnect: () => void this.#refresh(0),
    onSocket: (socket) => this.#wire(socket),
  });
  #announcer = new AnnouncerController(this, () => this._config?.languages ?? [this.#language]);
  #highlight = new HighlightController(this);
  /** Re-renders each minute so old no-shows leave the rail even when nothing else happens. */
  #minute = new ClockController(this, 60_000);
  #broadcast = new BroadcastController(this);
  #playlist = new PlaylistController(this);
  #heartbeat = new HeartbeatController(this, {
    store: this.#params.store,
    kind: 'signage',
    layout: this.#params.layout,
    deviceToken: () => localStorage.getItem(deviceTokenKey(this.#params.store)),
    lastTicketShown: () => this.#featured()?.number ?? null,
  });

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      overflow: hidden;
      font-size: min(2vh, 2vw);
      color: #f5f7fa;
      background: #0b1730;
      font-family: system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    }
    .screen {
      flex: 1;
      min-height: 0;
      transition: opacity 0.5s, filter 0.5s;
    }
    .stale {
      opacity: 0.55;
      filter: grayscale(0.8);
    }
    .message {
      margin: auto;
      font-size: 3em;
      text-align: center;
    }
  `;

  constructor() {
    super();
    this._config = null;
    this._problem = null;
    this._pairing = this.#params.pair && !localStorage.getItem(deviceTokenKey(this.#params.store));
    new DailyReloadController(this, {
      hour: 4,
      timeZone: () => this._config?.timeZone ?? null,
      lastCallAt: () => this.#lastCallAt,
      online: () => this.#live.synced,
    });
    this.addEventListener('lc-enable-sound', () => void this.#announcer.enable());
    this.addEventListener('lc-device-paired', (e) => {
      localStorage.setItem(deviceTokenKey(this.#params.store), e.deviceToken);
      this._pairing = false;
      this.#heartbeat.beat();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTimeout(() => {
      this.#graceOver = true;
      this.requestUpdate();
    }, CONNECT_GRACE_MS);
    void this.#refresh(0);
  }

  get #language(): Language {
    return this.#params.language ?? this._config?.languages[0] ?? 'en';
  }

  override render() {
    const lang = this.#language;
    const stale = !this.#live.synced && (this.#live.everConnected || this.#graceOver) && this._problem === null;
    // A counter display has no media zone: there the broadcast is a band above the counter.
    const band = this.#params.layout === 'counter' && this.#broadcast.current;
    return html`${stale ? html`<lc-stale-banner></lc-stale-banner>` : nothing}
      ${band ? html`<lc-broadcast-notice .message=${textIn(lang, band.message, band.messageByLanguage)} .language=${lang} variant="band"></lc-broadcast-notice>` : nothing}
      <div class="screen ${stale ? 'stale' : ''}" data-testid="screen" ?data-stale=${stale}>${this.#screen(lang)}</div>
      ${this.#announcer.blocked && this.#speaks() ? html`<lc-sound-banner></lc-sound-banner>` : nothing}
      ${this._pairing ? html`<lc-pairing-screen .store=${this.#params.store} .language=${lang}></lc-pairing-screen>` : nothing}`;
  }

  override updated(): void {
    document.documentElement.lang = this.#language;
  }

  #screen(lang: Language) {
    if (this._problem) return html`<p class="message">${this._problem}</p>`;
    const queue = this.#live.queue;
    if (!this._config || !queue) return html`<p class="message">${t(lang, 'connecting')}</p>`;
    if (this.#params.layout === 'counter') {
      const counter = queue.counters.find((c) => c.id === this.#params.counterId) ?? null;
      if (!counter)
        return html`<p class="message">${t(lang, 'unknownCounter', { counter: this.#params.counterId ?? '' })}</p>`;
      const calling = queue.called.some((t) => t.id === counter.currentTicketId && t.status === 'called');
      return html`<lc-counter-display .counter=${counter} ?calling=${calling} .language=${lang}></lc-counter-display>`;
    }
    const highlighted = this.#highlight.active;
    const featured = this.#featured();
    return html`<lc-board
      .layout=${this.#params.layout}
      .language=${lang}
      .storeName=${textIn(lang, this._config.name, this._config.nameByLanguage)}
      .timeZone=${this._config.timeZone}
      .featured=${featured}
      ?highlighted=${highlighted}
      .recent=${recentCalls(queue, featured, RECENT[this.#params.layout])}
      .rows=${serviceRows(this._config, queue, lang)}
      .missed=${missedNumbers(queue, this.#minute.now.getTime())}
      .playlist=${this.#playlist.items}
      ?ducked=${this.#announcer.speaking}
      .broadcast=${this.#broadcast.current ? textIn(lang, this.#broadcast.current.message, this.#broadcast.current.messageByLanguage) : null}
      .resolveMedia=${this.#playlist.src}
    ></lc-board>`;
  }

  /** Loads config, queue, playlist and broadcast; retries the config with backoff until the server answers. */
  async #refresh(attempt: number): Promise<void> {
    clearTimeout(this.#retry);
    const store = encodeURIComponent(this.#params.store);
    try {
      this._config = await callApi('storeConfig', { params: { store } });
      this._problem = null;
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) {
        this._problem = t(this.#language, 'unknownStore', { store: this.#params.store });
        return;
      }
      clearTimeout(this.#retry);
      this.#retry = setTimeout(() => void this.#refresh(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
      return;
    }
    const snapshot = await callApi('queue', { params: { store } }).catch(() => null);
    if (snapshot) this.#live.adopt(snapshot);
    void this.#broadcast.load(this.#params.store);
    void this.#playlist.refresh(this.#params.store);
  }

  #wire(socket: StoreSocket): void {
    this.#heartbeat.attach(socket);
    socket.on('signage:broadcast', (b) => this.#broadcast.show(b));
    socket.on('signage:content-changed', () => {
      void this.#playlist.refresh(this.#params.store);
      void this.#broadcast.load(this.#params.store);
    });
  }

  /** The call in "now calling": the highlighted one while it is held, else the newest still called. */
  #featured() {
    return this.#highlight.active ? this.#highlight.current : newestCall(this.#live.queue);
  }

  #call(ticket: PublicTicketDto, counterName: string | null): void {
    const call = toCallView({ ...ticket, counterName });
    this.#lastCallAt = Date.now();
    this.#highlight.push(call);
    const here = this.#params.layout !== 'counter' || ticket.counterId === this.#params.counterId;
    if (this.#speaks() && here) {
      this.#announcer.announce({ number: call.number, counterName: call.counterName, at: Date.now() });
    }
  }

  #speaks(): boolean {
    return this.#params.sound;
  }
}

customElements.define('lc-signage-app', LcSignageApp);

declare global {
  interface HTMLElementTagNameMap {
    'lc-signage-app': LcSignageApp;
  }
}
