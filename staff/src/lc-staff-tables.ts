import { html, nothing } from 'lit';
import type { StaffMeasures, Summary } from '../../shared/api/report-schemas.ts';
import type { CounterDto } from '../../shared/domain.ts';
import { clock, num } from './format.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';

/** Per counter and per operator today: served, average service time, walk-up time, idle time. */
export class LcStaffTables extends StaffElement {
  static override properties = { summary: { attribute: false }, counters: { attribute: false } };
  static override styles = staffStyles;
  declare summary: Summary | null;
  declare counters: CounterDto[];

  constructor() {
    super();
    this.summary = null;
    this.counters = [];
  }

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    const head = html`<tr><th></th><th>${this.t('measure.served')}</th><th>${this.t('measure.noShows')}</th><th>${this.t('measure.avgService')}</th><th>${this.t('measure.avgWalkUp')}</th><th>${this.t('measure.idle')}</th><th>${this.t('measure.csat')}</th></tr>`;
    const cells = (m: StaffMeasures) =>
      html`<td>${m.served}</td><td>${m.noShows}</td><td>${clock(m.avgServiceSec)}</td><td>${clock(m.avgWalkUpSec)}</td><td>${clock(m.idleSec)}</td><td>${num(m.csat)}</td>`;
    return html`<section class="card" data-testid="counter-table">
        <h3>${this.t('table.counters')}</h3>
        <table>
          ${head}
          ${s.byCounter.map((c) => {
            const live = this.counters.find((x) => x.id === c.counterId);
            return html`<tr data-counter=${c.counterId}><th>${c.name ?? c.counterId} ${live ? html`<span class="muted">· ${this.t(`counter.${live.status}`)}${live.currentTicketNumber ? ` ${live.currentTicketNumber}` : ''}</span>` : nothing}</th>${cells(c)}</tr>`;
          })}
        </table>
      </section>
      <section class="card" data-testid="operator-table">
        <h3>${this.t('table.operators')}</h3>
        <table>
          ${head}
          ${s.byOperator.map((o) => html`<tr><th>${o.username ?? '—'}</th>${cells(o)}</tr>`)}
        </table>
      </section>`;
  }
}
customElements.define('lc-staff-tables', LcStaffTables);

declare global {
  interface HTMLElementTagNameMap {
    'lc-staff-tables': LcStaffTables;
  }
}
