import { html } from 'lit';
import type { ApiAnswer } from '../../../shared/api/client.ts';
import type { DeviceStatusPayload } from '../../../shared/protocol.ts';
import { StaffSocketController } from '../staff-socket-controller.ts';
import { AdminSection, formValues } from './admin-section.ts';

type Device = ApiAnswer<'listDevices'>['devices'][number];

/**
 * Pair a kiosk or screen by typing the code it shows (the addresses to open on it are given);
 * the list of paired devices, whose status follows the live `devices:status` pushes, so a device
 * just paired turns online without a reload; revoke.
 */
export class LcAdminDevices extends AdminSection {
  static override properties = { ...AdminSection.properties, devices: { state: true } };
  declare devices: Device[];
  #live = new StaffSocketController(this, {
    store: () => this.session?.storeId ?? null,
    onDevices: (payload) => this.#overlay(payload),
  });

  constructor() {
    super();
    this.devices = [];
  }

  override updated(): void {
    this.#live.join(); // once the session names the store
  }

  override async load(): Promise<void> {
    try {
      this.devices = (await this.api.call('listDevices', { params: this.storeParams })).devices;
    } catch {
      this.devices = [];
    }
  }

  override render() {
    const slug = this.session?.store.slug ?? '';
    const base = (this.session?.store.publicUrl ?? location.origin).replace(/\/$/, '');
    const kiosk = `${base}/kiosk/?store=${encodeURIComponent(slug)}&pair=1`;
    const board = `${base}/signage/?store=${encodeURIComponent(slug)}&layout=board&pair=1`;
    return html`<h2>${this.t('admin.devices')}</h2>
      <h3>${this.t('admin.pairTitle')}</h3>
      <p>${this.t('admin.pairHow')}</p>
      <ul data-testid="pair-addresses">
        <li>${this.t('admin.pairKiosk')}: <code data-testid="pair-kiosk-url">${kiosk}</code></li>
        <li>${this.t('admin.pairBoard')}: <code>${board}</code></li>
      </ul>
      <form @submit=${this.#pair} data-testid="pair-form">
        <sl-input label=${this.t('admin.pairCode')} name="code" required inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="off" data-testid="pair-code"></sl-input>
        <sl-input label=${this.t('admin.deviceName')} name="name" required maxlength="60" data-testid="pair-name"></sl-input>
        <sl-button variant="primary" type="submit" data-testid="pair-submit">${this.t('admin.pair')}</sl-button>
      </form>
      ${this.messages()}
      <table data-testid="device-list">
        <tr><th>${this.t('admin.name')}</th><th>${this.t('admin.kind')}</th><th>${this.t('admin.health')}</th><th>${this.t('admin.lastSeen')}</th><th></th></tr>
        ${this.devices.map(
          (d) => html`<tr data-device=${d.id}>
            <td>${d.name}</td>
            <td>${this.t(`kind.${d.kind}`)}${d.layout ? ` · ${d.layout}` : ''}</td>
            <td data-testid="device-status">${this.t(`health.${d.status}`)}</td>
            <td>${this.when(d.lastSeenAt)}</td>
            <td>${d.status === 'revoked' ? '' : html`<sl-button size="small" variant="danger" outline data-testid="revoke-${d.id}" @click=${() => this.ask(this.t('admin.revoke'), this.t('admin.revokeConfirm', { name: d.name }), () => this.change(() => this.api.call('revokeDevice', { params: { ...this.storeParams, device: d.id } })))}>${this.t('admin.revoke')}</sl-button>`}</td>
          </tr>`,
        )}
      </table>`;
  }

  /** A push updates the status and last-seen time in place; a device not listed yet reloads the list. */
  #overlay(payload: DeviceStatusPayload): void {
    const live = new Map(payload.devices.filter((d) => d.id).map((d) => [d.id, d]));
    const known = new Set(this.devices.map((d) => d.id));
    if ([...live.keys()].some((id) => !known.has(id as string))) {
      void this.load(); // paired since the list was read
      return;
    }
    this.devices = this.devices.map((d) => {
      const now = live.get(d.id);
      return now && d.status !== 'revoked'
        ? { ...d, status: now.status, lastSeenAt: now.lastSeenAt ?? d.lastSeenAt }
        : d;
    });
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
