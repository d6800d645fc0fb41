import '@shoelace-style/shoelace/dist/components/button/button.js';
import { html, nothing } from 'lit';
import type { Dashboard, Staffing, Summary } from '../../shared/api/report-schemas.ts';
import { ClockController } from '../../shared/client/clock-controller.ts';
import type { FeedbackEventPayload } from '../../shared/protocol.ts';
import { localParts } from '../../shared/time.ts';
import { clock, num, percent } from './format.ts';
import './lc-chart.ts';
import './lc-device-health.ts';
import type { LcDeviceHealth } from './lc-device-health.ts';
import './lc-staff-tables.ts';
import './lc-staffing-panel.ts';
import { dashboardStyles } from './lc-dashboard.styles.ts';
import { StaffElement } from './staff-element.ts';
import { StaffSocketController } from './staff-socket-controller.ts';
import { staffStyles } from './staff-styles.ts';
import { adviceText } from './staffing-advice.ts';

/** The advice moves slowly and costs a forecast: fetched at most this often (the last change is never missed). */
const STAFFING_EVERY_MS = 10_000;

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
    staffing: { state: true },
    staffingFailed: { state: true },
    alerts: { state: true },
    devices: { state: true },
  };
  static override styles = [staffStyles, dashboardStyles];
  declare summary: Summary | null;
  declare figures: Dashboard | null;
  /** The one prediction and the one advice for now: the tile, the alert and the panel all read it. */
  declare staffing: Staffing | null;
  declare staffingFailed: boolean;
  declare alerts: Alert[];
  declare devices: LcDeviceHealth['live'];
  readonly #clock = new ClockController(this, 5000);
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #hourly: ReturnType<typeof setInterval> | undefined;
  #staffingTimer: ReturnType<typeof setTimeout> | undefined;
  #staffedAt = 0;
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
    this.staffing = null;
    this.staffingFailed = false;
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
    clearTimeout(this.#staffingTimer);
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
    } catch {
      // The tiles keep their last figures; the socket's next event tries again.
    }
    this.#scheduleStaffing();
  }

  #scheduleStaffing() {
    if (this.#staffingTimer !== undefined) return;
    const wait = Math.max(0, this.#staffedAt + STAFFING_EVERY_MS - Date.now());
    this.#staffingTimer = setTimeout(() => void this.#refreshStaffing(), wait);
  }

  async #refreshStaffing() {
    this.#staffedAt = Date.now();
    try {
      this.staffing = await this.api.call('staffing', { params: this.storeParams, query: { date: this.#today } });
      this.staffingFailed = false;
    } catch {
      this.staffingFailed = true;
    } finally {
      this.#staffingTimer = undefined;
    }
  }

  #poorRating(f: FeedbackEventPayload) {
    const parts = [
      f.csat !== undefined ? `${this.t('measure.csat')} ${f.csat}/5` : '',
      f.nps !== undefined ? `${this.t('measure.nps')} ${f.nps}/10` : '',
      f.ces !== undefined ? `${this.t('measure.ces')} ${f.ces}/7` : '',
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
    const advice = this.staffing?.now ?? null;
    const predicted = advice?.predictedWait ?? null;
    const hour = localParts(now, store.timeZone).hour;
    const servedThisHour = (this.figures?.bins ?? [])
      .filter((b) => localParts(Date.parse(b.start), store.timeZone).hour === hour)
      .reduce((n, b) => n + b.served, 0);
    const target = store.serviceLevelTargetSec;
    const goal = this.summary?.serviceLevelGoal ?? 0.8;
    const alert = advice && this.staffing ? adviceText(this, advice, this.staffing.targetSec) : '';
    const tile = (id: string, label: string, value: unknown, extra: unknown = nothing, cls = '') =>
      html`<div class="card tile"><div class="value ${cls}" data-testid=${id}>${value}</div><div class="label">${label}</div>${extra}</div>`;
    return html`
      ${alert ? html`<div class="card alert" role="alert" data-testid="alert-staffing" data-verdict=${advice?.verdict}>${alert}</div>` : nothing}
      ${this.alerts.map((a) => html`<div class="card alert" role="alert" data-testid="alert-rating"><span>${a.text}</span><sl-button size="small" @click=${() => (this.alerts = this.alerts.filter((x) => x !== a))}>${this.t('common.dismiss')}</sl-button></div>`)}
      ${queue ? nothing : html`<p class="muted" role="status">${this.t('app.connecting')}</p>`}
      <div class="tiles">
        ${tile('waiting-now', this.t('dash.waitingNow'), waiting.length)}
        ${tile('longest-wait', this.t('dash.longestWait'), waiting.length ? clock((now - oldest) / 1000) : '–')}
        ${tile('predicted-wait', this.t('dash.predictedWait'), predicted ? this.min(predicted.p50) : '–', predicted ? html`<div class="muted">${this.t('dash.upTo', { wait: this.min(predicted.p90) })}</div>` : nothing, predicted && predicted.p50 > target ? 'bad' : '')}
        ${tile('service-level', this.t('dash.serviceLevel'), percent(overall?.serviceLevel), html`<div class="muted">${this.t('dash.target', { goal: percent(goal), target: this.min(target) })}</div>`, overall?.serviceLevel == null ? '' : overall.serviceLevel >= goal ? 'good' : 'bad')}
        ${tile('served-today', this.t('dash.servedToday'), overall?.served ?? '–')}
        ${tile('no-shows-today', this.t('dash.noShowsToday'), overall?.noShows ?? '–')}
        ${tile('served-hour', this.t('dash.servedHour'), this.figures ? servedThisHour : '–')}
        ${tile('counters', this.t('dash.counters'), `${open.length}/${counters.length}`, html`<div class="muted" data-testid="counter-states">${this.t('dash.counterStates', { busy, idle: open.length - busy, paused: counters.filter((c) => c.status === 'paused').length })}</div>`)}
        ${tile('csat-today', this.t('dash.csat'), num(overall?.csat), html`<div class="muted">${this.t('measure.count')} = ${overall?.csatCount ?? 0}</div>`)}
        ${tile('nps-today', this.t('dash.nps'), num(overall?.nps, 0), html`<div class="muted">${this.t('measure.count')} = ${overall?.npsCount ?? 0}</div>`)}
      </div>
      <div class="grid">
        <div class="card">${this.#arrivalsChart()}</div>
        <div class="card">
          <lc-chart heading=${this.t('chart.waits')} xLabel=${this.t('chart.waitBucket')} .labels=${(this.figures?.waitHistogram ?? []).map((b) => (b.toSec === null ? `${b.fromSec / 60}+` : `<${b.toSec / 60}`))} .series=${[{ label: this.t('chart.tickets'), color: '#7b1fa2', values: (this.figures?.waitHistogram ?? []).map((b) => b.count) }]}></lc-chart>
        </div>
        <div class="card">
          <lc-chart heading=${this.t('chart.serviceTime')} xLabel=${this.t('chart.service')} .format=${clock} .labels=${(this.summary?.byService ?? []).map((s) => s.code ?? s.serviceId)} .series=${[{ label: this.t('measure.avgService'), color: '#00838f', values: (this.summary?.byService ?? []).map((s) => s.avgServiceSec) }]}></lc-chart>
        </div>
      </div>
      <div class="grid">
        <lc-staffing-panel .staffing=${this.staffing} ?failed=${this.staffingFailed}></lc-staffing-panel>
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
      xLabel=${this.t('chart.quarter')}
      kind="line"
      .labels=${bins.map((b) => label(b.start))}
      .series=${[
        { label: this.t('chart.arrived'), color: '#0b5cad', values: bins.map((b) => b.arrivals) },
        { label: this.t('chart.served'), color: '#1e8e3e', values: bins.map((b) => b.served) },
      ]}
    ></lc-chart>`;
  }
}
customElements.define('lc-dashboard', LcDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'lc-dashboard': LcDashboard;
  }
}
