import { Task } from '@lit/task';
import { html } from 'lit';
import { clock } from './format.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';

/** The signed-in operator's own figures today (the `myDay` operation); a new `version` reloads them. */
export class LcMyDay extends StaffElement {
  static override properties = { version: { type: Number } };
  static override styles = staffStyles;
  declare version: number;
  readonly #task = new Task(this, {
    task: async ([store], { signal }) => (await this.api.call('myDay', { params: { store }, signal })).figures,
    args: () => [this.storeParams.store, this.version] as const,
  });

  constructor() {
    super();
    this.version = 0;
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
