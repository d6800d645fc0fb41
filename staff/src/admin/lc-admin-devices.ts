import { html } from 'lit';
import type { ApiAnswer } from '../../../shared/api/client.ts';
import { AdminSection, formValues } from './admin-section.ts';

type Device = ApiAnswer<'listDevices'>['devices'][number];

/** Pair a kiosk or screen by typing the code it shows; list with health; revoke. */
export class LcAdminDevices extends AdminSection {
  static override properties = { ...AdminSection.properties, devices: { state: true } };
  declare devices: Device[];

  constructor() {
    super();
    this.devices = [];
  }

  override async load(): Promise<void> {
    try {
      this.devices = (await this.api.call('listDevices', { params: this.storeParams })).devices;
    } catch {
      this.devices = [];
    }
  }

  override render() {
    return html`<h2>${this.t('admin.devices')}</h2>
      <form @submit=${this.#pair} data-testid="pair-form">
        <label>${this.t('admin.pairCode')}<input name="code" required inputmode="numeric" pattern="\\d{6}" maxlength="6" autocomplete="off" data-testid="pair-code" /></label>
        <label>${this.t('admin.deviceName')}<input name="name" required maxlength="60" data-testid="pair-name" /></label>
        <button class="primary" type="submit" data-testid="pair-submit">${this.t('admin.pair')}</button>
      </form>
      ${this.messages()}
      <table data-testid="device-list">
        <tr><th>${this.t('admin.name')}</th><th>${this.t('admin.kind')}</th><th>${this.t('admin.health')}</th><th>${this.t('admin.lastSeen')}</th><th></th></tr>
        ${this.devices.map(
          (d) => html`<tr data-device=${d.id}>
            <td>${d.name}</td>
            <td>${this.t(`kind.${d.kind}`)}${d.layout ? ` · ${d.layout}` : ''}</td>
            <td>${this.t(`health.${d.status}`)}</td>
            <td>${d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleString() : '–'}</td>
            <td>${d.status === 'revoked' ? '' : html`<button class="danger" @click=${() => confirm(this.t('admin.revokeConfirm', { name: d.name })) && this.change(() => this.api.call('revokeDevice', { params: { ...this.storeParams, device: d.id } }))}>${this.t('admin.revoke')}</button>`}</td>
          </tr>`,
        )}
      </table>`;
  }

  #pair = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const ok = await this.change(
      () => this.api.call('pairDevice', { params: this.storeParams, body: { code: v.code ?? '', name: v.name ?? '' } }),
      this.t('admin.paired', { name: v.name ?? '' }),
    );
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-devices', LcAdminDevices);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-devices': LcAdminDevices;
  }
}
