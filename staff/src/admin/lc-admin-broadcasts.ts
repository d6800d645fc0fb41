import { html } from 'lit';
import type { AuditLogEntry } from '../../../shared/api/admin-schemas.ts';
import type { BroadcastDto } from '../../../shared/api/signage-schemas.ts';
import { AdminSection, formValues } from './admin-section.ts';

/** Broadcast a full-screen message to every screen until it expires; and the store's audit log. */
export class LcAdminBroadcasts extends AdminSection {
  static override properties = { ...AdminSection.properties, broadcasts: { state: true }, audit: { state: true } };
  declare broadcasts: BroadcastDto[];
  declare audit: AuditLogEntry[];

  constructor() {
    super();
    this.broadcasts = [];
    this.audit = [];
  }

  override async load(): Promise<void> {
    try {
      this.broadcasts = (await this.api.call('listBroadcasts', { params: this.storeParams })).broadcasts;
      this.audit = (await this.api.call('auditLog', { params: this.storeParams, query: { limit: 50 } })).entries;
    } catch {
      this.broadcasts = [];
    }
  }

  override render() {
    const now = Date.now();
    return html`<h2>${this.t('admin.broadcasts')}</h2>
      <form @submit=${this.#send}>
        <label style="flex:1">${this.t('admin.message')}<input name="message" required maxlength="300" style="width:100%" /></label>
        <label>${this.t('admin.minutes')}<input name="durationMin" type="number" min="1" max="1440" value="10" style="width:5rem" /></label>
        <button class="primary" type="submit">${this.t('admin.broadcast')}</button>
      </form>
      ${this.messages()}
      <table>
        ${this.broadcasts.map((b) => {
          const live = Date.parse(b.expiresAt) > now;
          return html`<tr>
            <td>${b.message}</td>
            <td>${new Date(b.createdAt).toLocaleString()}</td>
            <td>${live ? this.t('admin.until', { time: new Date(b.expiresAt).toLocaleTimeString() }) : this.t('admin.ended')}</td>
            <td>${live ? html`<button class="danger" @click=${() => this.change(() => this.api.call('endBroadcast', { params: { ...this.storeParams, broadcast: b.id } }))}>${this.t('admin.end')}</button>` : ''}</td>
          </tr>`;
        })}
      </table>
      <h3 style="margin-top:1.5rem">${this.t('admin.audit')}</h3>
      <table>
        ${this.audit.map((a) => html`<tr><td>${new Date(a.at).toLocaleString()}</td><td>${a.actor ?? '—'}</td><td>${a.action}</td><td class="muted">${JSON.stringify(a.details)}</td></tr>`)}
      </table>`;
  }

  #send = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const ok = await this.change(() =>
      this.api.call('createBroadcast', {
        params: this.storeParams,
        body: { message: v.message ?? '', durationMin: Number(v.durationMin) },
      }),
    );
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-broadcasts', LcAdminBroadcasts);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-broadcasts': LcAdminBroadcasts;
  }
}
