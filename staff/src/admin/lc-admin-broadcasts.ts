import { html } from 'lit';
import type { BroadcastDto } from '../../../shared/api/signage-schemas.ts';
import { textIn } from '../../../shared/i18n.ts';
import { AdminSection, formValues, languageInputs, textFromForm } from './admin-section.ts';

/** Broadcast a message, in each store language, to every screen until it expires. */
export class LcAdminBroadcasts extends AdminSection {
  static override properties = { ...AdminSection.properties, broadcasts: { state: true } };
  declare broadcasts: BroadcastDto[];

  constructor() {
    super();
    this.broadcasts = [];
  }

  override async load(): Promise<void> {
    try {
      this.broadcasts = (await this.api.call('listBroadcasts', { params: this.storeParams })).broadcasts;
    } catch {
      this.broadcasts = [];
    }
  }

  override render() {
    const now = Date.now();
    const language = this.session?.language ?? 'en';
    return html`<h2>${this.t('admin.broadcasts')}</h2>
      <form @submit=${this.#send} data-testid="broadcast-form">
        ${languageInputs(this.t.bind(this), 'admin.messageIn', 'message', null, 300)}
        <sl-input label=${this.t('admin.minutes')} name="durationMin" type="number" min="1" max="1440" value="10"></sl-input>
        <sl-button variant="primary" type="submit" data-testid="broadcast-send">${this.t('admin.broadcast')}</sl-button>
      </form>
      ${this.messages()}
      <table data-testid="broadcasts">
        ${this.broadcasts.map((b) => {
          const live = Date.parse(b.expiresAt) > now;
          return html`<tr>
            <td>${textIn(language, b.message, b.messageByLanguage)}</td>
            <td>${this.when(b.createdAt)}</td>
            <td>${live ? this.t('admin.until', { time: this.when(b.expiresAt, 'time') }) : this.t('admin.ended')}</td>
            <td>${live ? html`<sl-button size="small" variant="danger" outline @click=${() => this.change(() => this.api.call('endBroadcast', { params: { ...this.storeParams, broadcast: b.id } }))}>${this.t('admin.end')}</sl-button>` : ''}</td>
          </tr>`;
        })}
      </table>`;
  }

  #send = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const ok = await this.change(() =>
      this.api.call('createBroadcast', {
        params: this.storeParams,
        body: { message: textFromForm(v, 'message'), durationMin: Number(v.durationMin) },
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
