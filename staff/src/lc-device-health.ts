import { css, html } from 'lit';
import type { ApiAnswer } from '../../shared/api/client.ts';
import type { DeviceStatusPayload } from '../../shared/protocol.ts';
import { StaffElement } from './staff-element.ts';
import { staffStyles } from './staff-styles.ts';

type Device = DeviceStatusPayload['devices'][number];
type PairedDevice = ApiAnswer<'listDevices'>['devices'][number];

/**
 * Every screen and kiosk with online / stale / offline: paired devices from the admin API,
 * overlaid with the live `devices:status` pushes (which also include unpaired screens).
 */
export class LcDeviceHealth extends StaffElement {
  static override properties = { live: { attribute: false }, paired: { state: true } };
  static override styles = [
    staffStyles,
    css`
      .dot {
        display: inline-block;
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 50%;
        margin-right: 0.3rem;
      }
      .online {
        background: #1e8e3e;
      }
      .stale {
        background: #f29900;
      }
      .offline,
      .revoked {
        background: #b3261e;
      }
    `,
  ];
  declare live: Device[] | null;
  declare paired: PairedDevice[];

  constructor() {
    super();
    this.live = null;
    this.paired = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const { devices } = await this.api.call('listDevices', { params: this.storeParams });
      this.paired = devices.filter((d) => d.status !== 'revoked');
    } catch {
      this.paired = [];
    }
  }

  override render() {
    const rows = new Map<
      string,
      { name: string; kind: string; status: string; lastSeenAt: string | null; lastTicketShown: string | null }
    >();
    for (const d of this.paired) rows.set(d.id, d);
    for (const d of this.live ?? []) rows.set(d.id ?? `anon:${d.name}`, d);
    return html`<section class="card" data-testid="devices">
      <h3>${this.t('devices.title')}</h3>
      ${
        rows.size === 0
          ? html`<p class="muted">${this.t('devices.none')}</p>`
          : html`<table>
            ${[...rows.values()].map(
              (d) => html`<tr>
                <td><span class="dot ${d.status}"></span>${this.t(`health.${d.status as 'online'}`)}</td>
                <td>${d.name}</td>
                <td class="muted">${this.t(`kind.${d.kind as 'kiosk'}`)}</td>
                <td class="muted">${d.lastSeenAt ? new Date(d.lastSeenAt).toLocaleTimeString() : '–'}</td>
              </tr>`,
            )}
          </table>`
      }
    </section>`;
  }
}
customElements.define('lc-device-health', LcDeviceHealth);

declare global {
  interface HTMLElementTagNameMap {
    'lc-device-health': LcDeviceHealth;
  }
}
