import { html, nothing } from 'lit';
import type { Staffing } from '../../shared/api/report-schemas.ts';
import { localParts } from '../../shared/time.ts';
import { num, percent } from './format.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';
import { adviceText } from './staffing-advice.ts';

type WaitRange = { p50: number; p90: number };
interface HourRow {
  hour: number;
  counters: number;
  arrivalsPerHour: number;
  serviceLevel: number | null;
  quartersMeetingGoal: number | null;
}

/**
 * The staffing advice the dashboard fetched (one answer for the whole page): counters needed now
 * against those open and those the store has, the effect of ±1 counter, and the counters per
 * hour for the rest of today.
 */
export class LcStaffingPanel extends StaffElement {
  static override properties = { staffing: { attribute: false }, failed: { type: Boolean } };
  static override styles = staffStyles;
  declare staffing: Staffing | null;
  /** The last request failed and nothing was shown yet. */
  declare failed: boolean;

  constructor() {
    super();
    this.staffing = null;
    this.failed = false;
  }

  override render() {
    const s = this.staffing;
    return html`<section class="card" data-testid="staffing">
      <h3>${this.t('staffing.title')}</h3>
      ${s ? this.#view(s) : html`<p class="muted">${this.t(this.failed ? 'staffing.unavailable' : 'app.loading')}</p>`}
    </section>`;
  }

  #view(s: Staffing) {
    const now = s.now;
    const more = now?.effect.more;
    const fewer = now?.effect.fewer;
    const range = (w: WaitRange | null | undefined) =>
      this.t('staffing.wait', { p50: this.min(w?.p50), p90: this.min(w?.p90) });
    const hours = this.#hours(s);
    const have = now?.storeCounters ?? this.session?.store.counters.length ?? 0;
    return html`<p>
        ${this.t('staffing.now')}: <strong class="big" data-testid="staffing-now">${now?.needed ?? '–'}</strong>
        ${now ? html`<span class="muted">(${this.t('staffing.openNow', { n: now.openCounters })})</span>` : nothing}
      </p>
      ${now ? html`<p data-testid="staffing-verdict" data-verdict=${now.verdict}>${this.#verdict(now)}</p>` : nothing}
      ${
        // The simulated quarters are about Erlang's count; a backlog-raised advice is another count.
        typeof s.now?.quartersMeetingGoal === 'number' &&
        typeof s.now.quartersWithOneMore === 'number' &&
        s.now.needed === s.now.counters
          ? html`<p class="muted" data-testid="staffing-reliability">${this.t('staffing.reliable', { share: percent(s.now.quartersMeetingGoal), more: percent(s.now.quartersWithOneMore) })}</p>`
          : nothing
      }
      ${more ? html`<p>${this.t('staffing.plusOne')}: ${range(more)}</p>` : nothing}
      ${fewer ? html`<p>${this.t('staffing.minusOne')}: ${range(fewer)}</p>` : nothing}
      ${
        hours.length > 0
          ? html`<table>
            <tr><th>${this.t('staffing.from')}</th><th>${this.t('staffing.arrivals')}</th><th>${this.t('staffing.counters')}</th><th>${this.t('measure.serviceLevel')}</th><th>${this.t('staffing.quarters')}</th></tr>
            ${hours.map((h) => html`<tr><td>${String(h.hour).padStart(2, '0')}:00</td><td>${num(h.arrivalsPerHour, 0)}</td><td>${this.#counters(h.counters, have)}</td><td>${percent(h.serviceLevel)}</td><td>${percent(h.quartersMeetingGoal)}</td></tr>`)}
          </table>`
          : nothing
      }`;
  }

  /** A count the store cannot staff says so, as the verdict does. */
  #counters(needed: number, have: number): string {
    return needed > have ? this.t('staffing.beyondHave', { needed, have }) : String(needed);
  }

  #verdict(now: NonNullable<Staffing['now']>): string {
    return now.verdict === 'enough' ? this.t('staffing.enough') : adviceText(this, now, this.staffing?.targetSec ?? 0);
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
