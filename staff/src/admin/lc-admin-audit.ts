import { html } from 'lit';
import type { AuditLogEntry } from '../../../shared/api/admin-schemas.ts';
import { errorText } from '../api-client.ts';
import type { StaffMessageKey } from '../i18n/staff-messages.ts';
import { AdminSection } from './admin-section.ts';
import { auditDetails } from './audit-details.ts';

/** The store's audit log: who changed what and when (store time), in words rather than keys. */
export class LcAdminAudit extends AdminSection {
  static override properties = { ...AdminSection.properties, entries: { state: true } };
  declare entries: AuditLogEntry[];

  constructor() {
    super();
    this.entries = [];
  }

  override async load(): Promise<void> {
    try {
      this.entries = (await this.api.call('auditLog', { params: this.storeParams, query: { limit: 100 } })).entries;
    } catch (error) {
      this.problem = errorText(error);
    }
  }

  override render() {
    const language = this.session?.language ?? 'en';
    return html`<h2>${this.t('admin.audit')}</h2>
      ${this.messages()}
      <table data-testid="audit-log">
        <tr><th>${this.t('admin.when')}</th><th>${this.t('admin.who')}</th><th>${this.t('admin.what')}</th><th>${this.t('admin.details')}</th></tr>
        ${this.entries.map(
          (a) => html`<tr>
            <td>${this.when(a.at)}</td>
            <td>${a.actor ?? '—'}</td>
            <td data-action=${a.action}>${this.#action(a.action)}</td>
            <td class="muted">${auditDetails(a.details, this.t.bind(this), language)}</td>
          </tr>`,
        )}
      </table>`;
  }

  /** An action the table knows is named in words; one added later still shows, as its key. */
  #action(action: string): string {
    const key = `audit.${action}` as StaffMessageKey;
    const text = this.t(key);
    return text === key ? action : text;
  }
}
customElements.define('lc-admin-audit', LcAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-audit': LcAdminAudit;
  }
}
