import type SlCheckbox from '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import { html, nothing } from 'lit';
import { localized } from '../format.ts';
import { AdminSection, formValues } from './admin-section.ts';

/** Counters: name, the services each serves, active. */
export class LcAdminCounters extends AdminSection {
  override render() {
    const services = this.store?.services ?? [];
    const counters = this.store?.counters ?? [];
    const language = this.session?.language ?? 'en';
    const serviceBoxes = (selected: string[], form?: string) =>
      services.map(
        (s) =>
          html`<sl-checkbox form=${form ?? nothing} name="svc-${s.id}" ?checked=${selected.includes(s.id)} data-testid="counter-svc-${s.id}">${s.code} ${localized(s.name, language)}</sl-checkbox>`,
      );
    return html`<h2>${this.t('admin.counters')}</h2>
      <table>
        <tr><th>${this.t('admin.name')}</th><th>${this.t('admin.services')}</th><th>${this.t('admin.active')}</th><th></th></tr>
        ${counters.map((c) => {
          const form = `ctr-${c.id}`;
          const save = (event: SubmitEvent) => {
            const v = formValues(event);
            void this.change(() =>
              this.api.call('updateCounter', {
                params: { ...this.storeParams, counter: c.id },
                body: {
                  name: v.name,
                  serviceIds: services.filter((s) => v[`svc-${s.id}`] === 'on').map((s) => s.id),
                },
              }),
            );
          };
          return html`<tr data-counter=${c.id}>
            <td><form id=${form} @submit=${save} style="margin:0"></form><sl-input size="small" class="bare" form=${form} name="name" .value=${c.name} required maxlength="60" label=${this.t('admin.name')}></sl-input></td>
            <td>${serviceBoxes(c.serviceIds, form)}</td>
            <td><sl-checkbox .checked=${c.active} @sl-change=${(e: Event) => this.change(() => this.api.call('updateCounter', { params: { ...this.storeParams, counter: c.id }, body: { active: (e.target as SlCheckbox).checked } }))}><span class="visually-hidden">${this.t('admin.active')}</span></sl-checkbox></td>
            <td><sl-button size="small" form=${form} type="submit">${this.t('common.save')}</sl-button></td>
          </tr>`;
        })}
      </table>
      <form @submit=${this.#add} data-testid="counter-form">
        <sl-input label=${this.t('admin.name')} name="name" required maxlength="60" data-testid="counter-name"></sl-input>
        <fieldset><legend>${this.t('admin.services')}</legend>${serviceBoxes([])}</fieldset>
        <sl-button variant="primary" type="submit" data-testid="counter-add">${this.t('admin.addCounter')}</sl-button>
      </form>
      ${this.messages()}`;
  }

  #add = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const serviceIds = (this.store?.services ?? []).filter((s) => v[`svc-${s.id}`] === 'on').map((s) => s.id);
    const ok = await this.change(() =>
      this.api.call('createCounter', { params: this.storeParams, body: { name: v.name ?? '', serviceIds } }),
    );
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-counters', LcAdminCounters);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-counters': LcAdminCounters;
  }
}
