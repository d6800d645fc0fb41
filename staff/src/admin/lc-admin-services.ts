import type SlCheckbox from '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import { html } from 'lit';
import type { ServiceDto } from '../../../shared/domain.ts';
import { AdminSection, formValues } from './admin-section.ts';

/** Services: code, names per language, order, active. */
export class LcAdminServices extends AdminSection {
  override render() {
    const services = this.store?.services ?? [];
    return html`<h2>${this.t('admin.services')}</h2>
      <table>
        <tr><th>${this.t('admin.code')}</th><th>${this.t('lang.en')}</th><th>${this.t('lang.zh-Hans')}</th><th>${this.t('admin.order')}</th><th>${this.t('admin.active')}</th><th></th></tr>
        ${services.map((s) => this.#row(s))}
      </table>
      <form @submit=${this.#add} data-testid="service-form">
        <sl-input label=${this.t('admin.id')} name="id" required minlength="2" maxlength="40" pattern="[a-z0-9][a-z0-9\\-]*" autocomplete="off" data-testid="service-id"></sl-input>
        <sl-input label=${this.t('admin.code')} name="code" required pattern="[A-Z]{1,3}" maxlength="3" style="min-width:5rem;width:5rem" data-testid="service-code"></sl-input>
        <sl-input label=${this.t('admin.nameIn', { language: this.t('lang.en') })} name="en" required maxlength="80" data-testid="service-en"></sl-input>
        <sl-input label=${this.t('admin.nameIn', { language: this.t('lang.zh-Hans') })} name="zh" maxlength="80" data-testid="service-zh"></sl-input>
        <sl-button variant="primary" type="submit" data-testid="service-add">${this.t('admin.addService')}</sl-button>
      </form>
      ${this.messages()}`;
  }

  #row(s: ServiceDto) {
    const save = (event: SubmitEvent) => {
      const v = formValues(event);
      void this.change(() =>
        this.api.call('updateService', {
          params: { ...this.storeParams, service: s.id },
          body: {
            code: v.code,
            name: { en: v.en ?? '', ...(v.zh ? { 'zh-Hans': v.zh } : {}) },
            sortOrder: Number(v.order),
          },
        }),
      );
    };
    const form = `svc-${s.id}`;
    return html`<tr data-service=${s.id}>
      <td><form id=${form} @submit=${save} style="margin:0"></form><sl-input size="small" class="bare" form=${form} name="code" .value=${s.code} required pattern="[A-Z]{1,3}" maxlength="3" style="min-width:4rem;width:4rem" label=${this.t('admin.code')}></sl-input></td>
      <td><sl-input size="small" class="bare" form=${form} name="en" .value=${s.name.en} required maxlength="80" label=${this.t('lang.en')}></sl-input></td>
      <td><sl-input size="small" class="bare" form=${form} name="zh" .value=${s.name['zh-Hans'] ?? ''} maxlength="80" label=${this.t('lang.zh-Hans')}></sl-input></td>
      <td><sl-input size="small" class="bare" form=${form} name="order" type="number" .value=${String(s.sortOrder)} label=${this.t('admin.order')}></sl-input></td>
      <td><sl-checkbox .checked=${s.active} @sl-change=${(e: Event) => this.change(() => this.api.call('updateService', { params: { ...this.storeParams, service: s.id }, body: { active: (e.target as SlCheckbox).checked } }))}><span class="visually-hidden">${this.t('admin.active')}</span></sl-checkbox></td>
      <td><sl-button size="small" form=${form} type="submit">${this.t('common.save')}</sl-button></td>
    </tr>`;
  }

  #add = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const ok = await this.change(() =>
      this.api.call('createService', {
        params: this.storeParams,
        body: { id: v.id ?? '', code: v.code ?? '', name: { en: v.en ?? '', ...(v.zh ? { 'zh-Hans': v.zh } : {}) } },
      }),
    );
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-services', LcAdminServices);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-services': LcAdminServices;
  }
}
