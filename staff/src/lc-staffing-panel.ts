import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { Staffing } from '../../shared/api/report-schemas.ts';
import { localParts } from '../../shared/time.ts';
import { num, percent } from './format.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';

type WaitRange = { p50: number; p90: number };
interface HourRow {
  hour: number;
  counters: number;
  arrivalsPerHour: number;
  serviceLevel: number | null;
  quartersMeetingGoal: number | null;
}

/** Counters recommended now and per interval for the rest of today, and the effect of ±1 counter. */
export class LcStaffingPanel extends StaffElement {
  static override styles = staffStyles;
  readonly #task = new Task(this, {
    task: async ([store, date], { signal }) =>
      this.api.call('staffing', { params: { store }, query: { date }, signal }),
    args: () => [this.storeParams.store, this.#today()] as const,
  });

  refresh(): void {
    void this.#task.run();
  }

  #today(): string {
    return localParts(Date.now(), this.session?.store.timeZone ?? 'UTC').day;
  }

  override render() {
    return html`<section class="card" data-testid="staffing">
      <h3>${this.t('staffing.title')}</h3>
      ${this.#task.render({
        pending: () => html`<p class="muted">${this.t('app.loading')}</p>`,
        error: () => html`<p class="muted">${this.t('staffing.unavailable')}</p>`,
        complete: (s) => this.#view(s),
      })}
    </section>`;
  }

  #view(s: Staffing) {
    const more = s.now?.effect.more;
    const fewer = s.now?.effect.fewer;
    const current = s.now?.effect.current;
    const range = (w: WaitRange | null | undefined) =>
      this.t('staffing.wait', { p50: this.min(w?.p50), p90: this.min(w?.p90) });
    const hours = this.#hours(s);
    return html`<p>
        ${this.t('staffing.now')}: <strong class="big" data-testid="staffing-now">${s.now?.counters ?? '–'}</strong>
        ${s.now?.openCounters !== undefined ? html`<span class="muted">(${this.t('staffing.openNow', { n: s.now.openCounters })})</span>` : nothing}
      </p>
      ${
        typeof s.now?.quartersMeetingGoal === 'number' && typeof s.now.quartersWithOneMore === 'number'
          ? html`<p class="muted" data-testid="staffing-reliability">${this.t('staffing.reliable', { share: percent(s.now.quartersMeetingGoal), more: percent(s.now.quartersWithOneMore) })}</p>`
          : nothing
      }
      ${current ? html`<p>${this.t('staffing.current')}: ${range(current)}</p>` : nothing}
      ${more ? html`<p>${this.t('staffing.plusOne')}: ${range(more)}</p>` : nothing}
      ${fewer ? html`<p>${this.t('staffing.minusOne')}: ${range(fewer)}</p>` : nothing}
      ${
        hours.length > 0
          ? html`<table>
            <tr><th>${this.t('staffing.from')}</th><th>${this.t('staffing.arrivals')}</th><th>${this.t('staffing.counters')}</th><th>${this.t('measure.serviceLevel')}</th><th>${this.t('staffing.quarters')}</th></tr>
            ${hours.map((h) => html`<tr><td>${String(h.hour).padStart(2, '0')}:00</td><td>${num(h.arrivalsPerHour, 0)}</td><td>${h.counters}</td><td>${percent(h.serviceLevel)}</td><td>${percent(h.quartersMeetingGoal)}</td></tr>`)}
          </table>`
          : nothing
      }`;
  }

  /** 15-minute intervals folded into hours: the most counters any quarter needs, the mean arrival rate, the weakest quarter's figures. */
  #hours(s: Staffing): HourRow[] {
    const tz = this.session?.store.timeZone ?? 'UTC';
    const byHour = new Map<
      number,
      { counters: number; arrivals: number[]; serviceLevel: number | null; quartersMeetingGoal: number | null }
    >();
    for (const i of s.intervals) {
      const hour = localParts(Date.parse(i.start), tz).hour;
      const row = byHour.get(hour) ?? { counters: 0, arrivals: [], serviceLevel: null, quartersMeetingGoal: null };
      row.counters = Math.max(row.counters, i.counters);
      row.arrivals.push(i.arrivalsPerHour);
      row.serviceLevel = Math.min(row.serviceLevel ?? 1, i.serviceLevel);
      if (typeof i.quartersMeetingGoal === 'number')
        row.quartersMeetingGoal = Math.min(row.quartersMeetingGoal ?? 1, i.quartersMeetingGoal);
      byHour.set(hour, row);
    }
    return [...byHour].map(([hour, r]) => ({
      hour,
      counters: r.counters,
      arrivalsPerHour: r.arrivals.reduce((a, b) => a + b, 0) / r.arrivals.length,
      serviceLevel: r.serviceLevel,
      quartersMeetingGoal: r.quartersMeetingGoal,
    }));
  }
}
customElements.define('lc-staffing-panel', LcStaffingPanel);

declare global {
  interface HTMLElementTagNameMap {
    'lc-staffing-panel': LcStaffingPanel;
  }
}
