import { html, nothing } from 'lit';
import type { AdminStoreDto } from '../../../shared/api/admin-schemas.ts';
import { textIn } from '../../../shared/i18n.ts';
import { errorText } from '../api-client.ts';
import { storeAddress } from '../store-address.ts';
import { AdminSection, formValues, languageInputs, textFromForm } from './admin-section.ts';
import { timeZoneSelect } from './time-zones.ts';

/**
 * The chain: every store the caller manages, to open, deactivate or reactivate; an admin also
 * creates stores here (with no services or counters yet: those are the next tabs).
 *
 * @fires lc-stores-changed - a store was created, deactivated or reactivated
 */
export class LcAdminStores extends AdminSection {
  static override properties = { ...AdminSection.properties, stores: { state: true } };
  declare stores: AdminStoreDto[];

  constructor() {
    super();
    this.stores = [];
  }

  override async load(): Promise<void> {
    try {
      this.stores = (await this.api.call('listStores')).stores;
    } catch (error) {
      this.problem = errorText(error);
    }
  }

  override render() {
    const admin = this.session?.user.role === 'admin';
    const language = this.session?.language ?? 'en';
    return html`<h2>${this.t('admin.chain')}</h2>
      <table data-testid="store-list">
        <tr><th>${this.t('admin.name')}</th><th>${this.t('admin.slug')}</th><th>${this.t('admin.timeZone')}</th><th>${this.t('admin.services')}</th><th>${this.t('admin.counters')}</th><th>${this.t('admin.status')}</th><th></th></tr>
        ${this.stores.map(({ settings: s, services, counters }) => {
          const active = s.active !== false;
          const name = textIn(language, s.name, s.nameByLanguage);
          return html`<tr data-store=${s.id}>
            <td>${name}</td>
            <td><code>${s.slug}</code></td>
            <td>${s.timeZone}</td>
            <td>${services.length}</td>
            <td>${counters.length}</td>
            <td>${active ? this.t('admin.activeStore') : this.t('admin.inactiveStore')}</td>
            <td>
              ${s.id === this.session?.storeId ? html`<strong>${this.t('admin.current')}</strong>` : html`<a href=${storeAddress(s.slug)} data-testid="open-store-${s.slug}">${this.t('admin.openStore')}</a>`}
              ${admin ? html`<sl-button size="small" variant=${active ? 'danger' : 'default'} outline data-testid="store-active-${s.slug}" @click=${() => this.#setActive(s.id, name, !active)}>${active ? this.t('admin.deactivate') : this.t('admin.reactivate')}</sl-button>` : nothing}
            </td>
          </tr>`;
        })}
      </table>
      ${admin ? this.#createForm() : nothing}
      ${this.messages()}`;
  }

  #createForm() {
    return html`<h3>${this.t('admin.newStore')}</h3>
      <form @submit=${this.#create} data-testid="new-store-form">
        <sl-input label=${this.t('admin.slug')} name="slug" required minlength="2" maxlength="40" pattern="[a-z0-9][a-z0-9\\-]*"
          autocomplete="off" help-text=${this.t('admin.slugHelp')} data-testid="new-store-slug"></sl-input>
        ${languageInputs(this.t.bind(this), 'admin.nameIn', 'name', null, 80, 'new-store-name')}
        ${timeZoneSelect(this.t('admin.timeZone'), this.session?.store.timeZone ?? 'UTC')}
        <sl-button variant="primary" type="submit" data-testid="new-store-submit">${this.t('admin.createStore')}</sl-button>
      </form>`;
  }

  #create = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const name = textFromForm(v, 'name');
    const ok = await this.change(
      () =>
        this.api.call('createStore', {
          body: { slug: v.slug?.trim() ?? '', name, timeZone: v.timeZone ?? 'UTC' },
        }),
      this.t('admin.storeCreated', { name: typeof name === 'string' ? name : name.en }),
    );
    if (ok) {
      form.reset();
      this.#announce();
    }
  };

  #setActive(store: string, name: string, active: boolean) {
    const go = async () => {
      if (await this.change(() => this.api.call('updateStore', { params: { store }, body: { active } })))
        this.#announce();
    };
    if (active) void go();
    else this.ask(this.t('admin.deactivate'), this.t('admin.deactivateConfirm', { name }), go);
  }

  /** The header's store picker lists the stores again. */
  #announce(): void {
    this.dispatchEvent(new Event('lc-stores-changed', { bubbles: true, composed: true }));
  }
}
customElements.define('lc-admin-stores', LcAdminStores);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-stores': LcAdminStores;
  }
}
