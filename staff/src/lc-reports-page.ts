import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import { Task } from '@lit/task';
import type SlInput from '@shoelace-style/shoelace/dist/components/input/input.js';
import { css, html, nothing } from 'lit';
import { apiUrl } from '../../shared/api/client.ts';
import type { Measures, StaffMeasures, Summary } from '../../shared/api/report-schemas.ts';
import { localParts } from '../../shared/time.ts';
import { errorText } from './api-client.ts';
import { clock, localized, num, percent } from './format.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';

type Row = { key: string } & Measures;

/** Reports over any range of local days: per day, hour, service, counter and operator; CSV; print. */
export class LcReportsPage extends StaffElement {
  static override properties = { from: { state: true }, to: { state: true } };
  static override styles = [
    staffStyles,
    css`
      section {
        margin-top: 1rem;
        overflow-x: auto;
      }
      table {
        font-size: 0.92rem;
      }
      td,
      th {
        white-space: nowrap;
        padding: 0.3rem 0.45rem;
      }
      /* Column headings wrap so every column, CSAT/NPS/CES included, fits a 1440 px screen. */
      tr:first-child th {
        white-space: normal;
        vertical-align: bottom;
      }
      @media print {
        .no-print {
          display: none;
        }
        .card {
          border: none;
          padding: 0;
          break-inside: avoid;
        }
        table {
          font-size: 9pt;
        }
      }
    `,
  ];
  declare from: string;
  declare to: string;
  readonly #task = new Task(this, {
    task: async ([store, from, to], { signal }) =>
      this.api.call('summaryReport', { params: { store }, query: { from, to }, signal }),
    args: () => [this.storeParams.store, this.from, this.to] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const tz = this.session?.store.timeZone ?? 'UTC';
    this.to ??= localParts(Date.now(), tz).day;
    this.from ??= localParts(Date.now() - 6 * 86_400_000, tz).day;
  }

  override render() {
    const csv = apiUrl('ticketsCsv', this.storeParams, { from: this.from, to: this.to });
    return html`<div class="card row no-print">
        <h2 style="margin:0 auto 0 0">${this.t('page.reports')}</h2>
        <sl-input type="date" label=${this.t('reports.from')} data-testid="report-from" .value=${this.from} @sl-change=${(e: Event) => (this.from = (e.target as SlInput).value)}></sl-input>
        <sl-input type="date" label=${this.t('reports.to')} data-testid="report-to" .value=${this.to} @sl-change=${(e: Event) => (this.to = (e.target as SlInput).value)}></sl-input>
        <sl-button href=${csv} download="" data-testid="csv-link">${this.t('reports.csv')}</sl-button>
        <sl-button @click=${() => window.print()}>${this.t('reports.print')}</sl-button>
      </div>
      ${this.#task.render({
        pending: () => html`<p class="muted">${this.t('app.loading')}</p>`,
        error: (e) => html`<p class="error" role="alert">${errorText(e)}</p>`,
        complete: (s) => this.#summary(s),
      })}`;
  }

  #summary(s: Summary) {
    return html`<h2>${this.session?.store.name} · ${s.from} – ${s.to}</h2>
      ${this.#table(this.t('reports.overall'), [{ key: this.t('reports.all'), ...s.overall }], 'overall')}
      ${this.#table(
        this.t('reports.byDay'),
        s.byDay.map((d) => ({ key: d.day, ...d })),
        'by-day',
      )}
      ${this.#table(
        this.t('reports.byHour'),
        s.byHour.map((h) => ({ key: `${String(h.hour).padStart(2, '0')}:00`, ...h })),
        'by-hour',
      )}
      ${this.#table(
        this.t('reports.byService'),
        s.byService.map((x) => ({
          key: this.#serviceName(x.serviceId, x.code),
          ...x,
        })),
        'by-service',
      )}
      ${this.#staff(
        this.t('reports.byCounter'),
        s.byCounter.map((c) => ({ key: c.name ?? c.counterId, ...c })),
      )}
      ${this.#staff(
        this.t('reports.byOperator'),
        s.byOperator.map((o) => ({ key: o.username ?? '—', ...o })),
      )}
      <section class="card">
        <h3>${this.t('reports.waitVsSatisfaction')}</h3>
        <table>
          <tr><th>${this.t('reports.wait')}</th><th>${this.t('measure.count')}</th><th>${this.t('measure.csat')}</th><th>${this.t('measure.nps')}</th><th>${this.t('measure.ces')}</th></tr>
          ${s.waitVsSatisfaction.map((b) => html`<tr><td>${this.#bucket(b.fromSec, b.toSec)}</td><td>${b.n}</td><td>${num(b.avgCsat)}</td><td>${num(b.avgNpsScore)}</td><td>${num(b.avgCes)}</td></tr>`)}
        </table>
      </section>`;
  }

  /** "2–5 min" / "2–5 分钟", "20+ min" for the open-ended last bucket. */
  #bucket(fromSec: number, toSec: number | null): string {
    const from = fromSec / 60;
    return toSec === null
      ? this.t('reports.waitOver', { from })
      : this.t('reports.waitRange', { from, to: toSec / 60 });
  }

  #serviceName(id: string, code: string | null): string {
    const service = this.session?.store.services.find((v) => v.id === id);
    return service ? `${service.code} ${localized(service.name, this.session!.language)}` : (code ?? id);
  }

  #table(title: string, rows: Row[], id: string) {
    if (rows.length === 0) return nothing;
    const t = (k: Parameters<StaffElement['t']>[0]) => this.t(k);
    return html`<section class="card" data-testid="report-${id}">
      <h3>${title}</h3>
      <table>
        <tr>
          <th></th><th>${t('measure.issued')}</th><th>${t('measure.served')}</th><th>${t('measure.noShows')}</th><th>${t('measure.left')}</th>
          <th>${t('measure.avgWait')}</th><th>p50</th><th>p90</th><th>${t('measure.maxWait')}</th><th>${t('measure.avgWalkUp')}</th><th>${t('measure.avgService')}</th>
          <th>${t('measure.serviceLevel')}</th><th>${t('measure.fcr')}</th><th>${t('measure.csat')}</th><th>${t('measure.nps')}</th><th>${t('measure.ces')}</th>
        </tr>
        ${rows.map(
          (r) => html`<tr>
            <th>${r.key}</th><td>${r.issued}</td><td>${r.served}</td><td>${r.noShows}</td><td>${r.cancelled}</td>
            <td>${clock(r.avgWaitSec)}</td><td>${clock(r.p50WaitSec)}</td><td>${clock(r.p90WaitSec)}</td><td>${clock(r.maxWaitSec)}</td>
            <td>${clock(r.avgWalkUpSec)}</td><td>${clock(r.avgServiceSec)}</td><td>${percent(r.serviceLevel)}</td><td>${percent(r.firstContactResolution)}</td>
            <td>${num(r.csat)}</td><td>${num(r.nps, 0)}</td><td>${num(r.ces)}</td>
          </tr>`,
        )}
      </table>
    </section>`;
  }

  #staff(title: string, rows: Array<{ key: string } & StaffMeasures>) {
    if (rows.length === 0) return nothing;
    return html`<section class="card">
      <h3>${title}</h3>
      <table>
        <tr><th></th><th>${this.t('measure.calls')}</th><th>${this.t('measure.served')}</th><th>${this.t('measure.noShows')}</th><th>${this.t('measure.transferred')}</th><th>${this.t('measure.avgWalkUp')}</th><th>${this.t('measure.avgService')}</th><th>${this.t('measure.idle')}</th><th>${this.t('measure.fcr')}</th><th>${this.t('measure.csat')}</th></tr>
        ${rows.map((r) => html`<tr><th>${r.key}</th><td>${r.calls}</td><td>${r.served}</td><td>${r.noShows}</td><td>${r.transferred}</td><td>${clock(r.avgWalkUpSec)}</td><td>${clock(r.avgServiceSec)}</td><td>${clock(r.idleSec)}</td><td>${percent(r.firstContactResolution)}</td><td>${num(r.csat)}</td></tr>`)}
      </table>
    </section>`;
  }
}
customElements.define('lc-reports-page', LcReportsPage);

declare global {
  interface HTMLElementTagNameMap {
    'lc-reports-page': LcReportsPage;
  }
}
