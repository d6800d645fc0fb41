import { html, nothing } from 'lit';
import type { Dashboard, Summary } from '../../shared/api/report-schemas.ts';
import { ClockController } from '../../shared/client/clock-controller.ts';
import type { FeedbackEventPayload } from '../../shared/protocol.ts';
import { localParts } from '../../shared/time.ts';
import { clock, localized, num, percent } from './format.ts';
import './lc-chart.ts';
import './lc-device-health.ts';
import type { LcDeviceHealth } from './lc-device-health.ts';
import './lc-staff-tables.ts';
import './lc-staffing-panel.ts';
import { dashboardStyles } from './lc-dashboard.styles.ts';
import type { LcStaffingPanel } from './lc-staffing-panel.ts';
import { StaffElement } from './staff-element.ts';
import { StaffSocketController } from './staff-socket-controller.ts';
import { staffStyles } from './staff-styles.ts';

interface Alert {
  id: string;
  text: string;
}

/** Poor ratings that raise an alert: CSAT 1–2, NPS 0–6 or effort 6–7. */
const isPoor = (f: FeedbackEventPayload) =>
  (f.csat !== undefined && f.csat <= 2) || (f.nps !== undefined && f.nps <= 6) || (f.ces !== undefined && f.ces >= 6);

/**
 * The manager's live picture of the line: the queue from the staff socket, today's figures from
 * the reports API refetched after every event (so they always equal the reports), charts,
 * per-counter and per-operator tables, alerts, device health and the staffing advice.
 */
export class LcDashboard extends StaffElement {
  static override properties = {
    summary: { state: true },
    figures: { state: true },
    alerts: { state: true },
    devices: { state: true },
  };
  static override styles = [staffStyles, dashboardStyles];
  declare summary: Summary | null;
  declare figures: Dashboard | null;
  declare alerts: Alert[];
  declare devices: LcDeviceHealth['live'];
  readonly #clock = new ClockController(this, 5000);
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #hourly: ReturnType<typeof setInterval> | undefined;
  #staffedAt = Date.now();
  readonly #live = new StaffSocketController(this, {
    store: () => this.session?.storeId ?? null,
    onEvent: (name, payload) => {
      if (name === 'ticket:feedback' && isPoor(payload as FeedbackEventPayload))
        this.#poorRating(payload as FeedbackEventPayload);
      this.#scheduleRefresh();
    },
    onDevices: (payload) => {
      this.devices = payload.devices;
    },
  });

  constructor() {
    super();
    this.summary = null;
    this.figures = null;
    this.alerts = [];
    this.devices = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#refresh();
    this.#hourly = setInterval(() => this.#scheduleRefresh(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
    clearInterval(this.#hourly);
  }

  override updated(): void {
    this.#live.join();
  }

  get #today(): string {
    return localParts(Date.now(), this.session?.store.timeZone ?? 'UTC').day;
  }

  #scheduleRefresh() {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.#refresh(), 250);
  }

  async #refresh() {
    const day = this.#today;
    try {
      this.summary = await this.api.call('summaryReport', { params: this.storeParams, query: { from: day, to: day } });
      this.figures = await this.api.call('dashboard', { params: this.storeParams, query: { day } });
      // The advice moves slowly and costs a forecast: at most twice a minute.
      if (Date.now() - this.#staffedAt > 30_000) {
        this.#staffedAt = Date.now();
        this.renderRoot.querySelector<LcStaffingPanel>('lc-staffing-panel')?.refresh();
      }
    } catch {
      // The tiles keep their last figures; the socket's next event tries again.
    }
  }

  #poorRating(f: FeedbackEventPayload) {
    const parts = [
      f.csat !== undefined ? `CSAT ${f.csat}/5` : '',
      f.nps !== undefined ? `NPS ${f.nps}/10` : '',
      f.ces !== undefined ? `CES ${f.ces}/7` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const text = this.t('alert.poorRating', { scores: parts, comment: f.comment ? `“${f.comment}”` : '' });
    this.alerts = [{ id: `fb-${f.ticketId}`, text }, ...this.alerts].slice(0, 10);
  }

  override render() {
    const queue = this.#live.queue;
    const store = this.session?.store;
    if (!store) return nothing;
    const now = this.#clock.now.getTime();
    const overall = this.summary?.overall;
    const waiting = queue?.waiting ?? [];
    const oldest = waiting.reduce((min, t) => Math.min(min, Date.parse(t.issuedAt)), Number.POSITIVE_INFINITY);
    const counters = queue?.counters ?? [];
    const open = counters.filter((c) => c.status === 'open');
    const busy = open.filter((c) => c.currentTicketId).length;
    const predicted = Object.entries(queue?.waits ?? {});
    const worst = predicted.reduce((max, [, w]) => Math.max(max, w.p50), 0);
    const worstP90 = predicted.reduce((max, [, w]) => Math.max(max, w.p90), 0);
    const hour = localParts(now, store.timeZone).hour;
    const servedThisHour = (this.figures?.bins ?? [])
      .filter((b) => localParts(Date.parse(b.start), store.timeZone).hour === hour)
      .reduce((n, b) => n + b.served, 0);
    const target = store.serviceLevelTargetSec;
    const goal = this.summary?.serviceLevelGoal ?? 0.8;
    const overTarget = predicted.filter(([, w]) => w.p50 > target);
    const tile = (id: string, label: string, value: unknown, extra: unknown = nothing, cls = '') =>
      html`<div class="card tile"><div class="value ${cls}" data-testid=${id}>${value}</div><div class="label">${label}</div>${extra}</div>`;
    return html`
      ${overTarget.map(([serviceId, w]) => html`<div class="card alert" role="alert" data-testid="alert-wait">${this.t('alert.waitOverTarget', { service: this.#serviceName(serviceId), wait: this.min(w.p50), target: this.min(target) })}</div>`)}
      ${this.alerts.map((a) => html`<div class="card alert" role="alert" data-testid="alert-rating"><span>${a.text}</span><button @click=${() => (this.alerts = this.alerts.filter((x) => x !== a))}>${this.t('common.dismiss')}</button></div>`)}
      ${queue ? nothing : html`<p class="muted" role="status">${this.t('app.connecting')}</p>`}
      <div class="tiles">
        ${tile('waiting-now', this.t('dash.waitingNow'), waiting.length)}
        ${tile('longest-wait', this.t('dash.longestWait'), waiting.length ? clock((now - oldest) / 1000) : '–')}
        ${tile('predicted-wait', this.t('dash.predictedWait'), predicted.length ? `${this.min(worst)}` : '–', html`<div class="muted">${this.t('dash.upTo', { wait: this.min(worstP90) })}</div>`, worst > target ? 'bad' : '')}
        ${tile('service-level', this.t('dash.serviceLevel'), percent(overall?.serviceLevel), html`<div class="muted">${this.t('dash.target', { goal: percent(goal), target: this.min(target) })}</div>`, overall?.serviceLevel == null ? '' : overall.serviceLevel >= goal ? 'good' : 'bad')}
        ${tile('served-today', this.t('dash.servedToday'), overall?.served ?? '–')}
        ${tile('no-shows-today', this.t('dash.noShowsToday'), overall?.noShows ?? '–')}
        ${tile('served-hour', this.t('dash.servedHour'), this.figures ? servedThisHour : '–')}
        ${tile('counters', this.t('dash.counters'), `${open.length}/${counters.length}`, html`<div class="muted" data-testid="counter-states">${this.t('dash.counterStates', { busy, idle: open.length - busy, paused: counters.filter((c) => c.status === 'paused').length })}</div>`)}
        ${tile('csat-today', this.t('dash.csat'), num(overall?.csat), html`<div class="muted">n = ${overall?.csatCount ?? 0}</div>`)}
        ${tile('nps-today', this.t('dash.nps'), num(overall?.nps, 0), html`<div class="muted">n = ${overall?.npsCount ?? 0}</div>`)}
      </div>
      <div class="grid">
        <div class="card">${this.#arrivalsChart()}</div>
        <div class="card">
          <lc-chart heading=${this.t('chart.waits')} .labels=${(this.figures?.waitHistogram ?? []).map((b) => (b.toSec === null ? `${b.fromSec / 60}+` : `<${b.toSec / 60}`))} .series=${[{ label: this.t('chart.tickets'), color: '#7b1fa2', values: (this.figures?.waitHistogram ?? []).map((b) => b.count) }]}></lc-chart>
        </div>
        <div class="card">
          <lc-chart heading=${this.t('chart.serviceTime')} .labels=${(this.summary?.byService ?? []).map((s) => s.code ?? s.serviceId)} .series=${[{ label: this.t('chart.minutes'), color: '#00838f', values: (this.summary?.byService ?? []).map((s) => (s.avgServiceSec === null ? null : s.avgServiceSec / 60)) }]}></lc-chart>
        </div>
      </div>
      <div class="grid">
        <lc-staffing-panel></lc-staffing-panel>
        <lc-device-health .live=${this.devices}></lc-device-health>
      </div>
      <div class="grid">
        <lc-staff-tables .summary=${this.summary} .counters=${counters}></lc-staff-tables>
      </div>
    `;
  }

  #arrivalsChart() {
    const tz = this.session!.store.timeZone;
    // From the first arrival (or 08:00) up to now: the rest of the day is still empty.
    const all = this.figures?.bins ?? [];
    const now = Date.now();
    const first = all.findIndex((b) => b.arrivals + b.served > 0 || localParts(Date.parse(b.start), tz).hour >= 8);
    const bins = all.slice(Math.max(0, first)).filter((b) => Date.parse(b.start) <= now);
    const label = (iso: string) => {
      const p = localParts(Date.parse(iso), tz);
      return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
    };
    return html`<lc-chart
      heading=${this.t('chart.arrivals')}
      kind="line"
      .labels=${bins.map((b) => label(b.start))}
      .series=${[
        { label: this.t('chart.arrived'), color: '#0b5cad', values: bins.map((b) => b.arrivals) },
        { label: this.t('chart.served'), color: '#1e8e3e', values: bins.map((b) => b.served) },
      ]}
    ></lc-chart>`;
  }

  #serviceName(id: string): string {
    const s = this.session?.store.services.find((x) => x.id === id);
    return s ? localized(s.name, this.session!.language) : id;
  }
}
customElements.define('lc-dashboard', LcDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'lc-dashboard': LcDashboard;
  }
}
