import { Task } from '@lit/task';
import { html } from 'lit';
import { clock } from './format.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';

/** The signed-in operator's own figures today (the `myDay` operation). */
export class LcMyDay extends StaffElement {
  static override styles = staffStyles;
  readonly #task = new Task(this, {
    task: async ([store], { signal }) => (await this.api.call('myDay', { params: { store }, signal })).figures,
    args: () => [this.storeParams.store] as const,
  });

  refresh(): void {
    void this.#task.run();
  }

  override render() {
    const f = this.#task.value;
    return html`<section class="card" data-testid="my-day">
      <h3>${this.t('myDay.title')}</h3>
      <table>
        <tr><th>${this.t('measure.served')}</th><td data-testid="my-served">${f?.served ?? 0}</td></tr>
        <tr><th>${this.t('measure.noShows')}</th><td data-testid="my-no-shows">${f?.noShows ?? 0}</td></tr>
        <tr><th>${this.t('measure.transferred')}</th><td>${f?.transferred ?? 0}</td></tr>
        <tr><th>${this.t('measure.avgService')}</th><td>${clock(f?.avgServiceSec)}</td></tr>
        <tr><th>${this.t('measure.avgWalkUp')}</th><td>${clock(f?.avgWalkUpSec)}</td></tr>
      </table>
    </section>`;
  }
}
customElements.define('lc-my-day', LcMyDay);

declare global {
  interface HTMLElementTagNameMap {
    'lc-my-day': LcMyDay;
  }
}
