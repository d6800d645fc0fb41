import type SlCheckbox from '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import type SlSelect from '@shoelace-style/shoelace/dist/components/select/select.js';
import { html, nothing } from 'lit';
import type { Role, UserDto } from '../../../shared/domain.ts';
import { textIn } from '../../../shared/i18n.ts';
import { AdminSection, formValues } from './admin-section.ts';

type StoreChoice = { id: string; name: string };

/**
 * Staff accounts: role, the stores each works in, active, new password. An admin sees and places
 * everyone in any store; a manager manages operators of their own stores.
 */
export class LcAdminUsers extends AdminSection {
  static override properties = { ...AdminSection.properties, users: { state: true }, stores: { state: true } };
  declare users: UserDto[];
  declare stores: StoreChoice[];

  constructor() {
    super();
    this.users = [];
    this.stores = [];
  }

  override async load(): Promise<void> {
    await super.load();
    const language = this.session?.language ?? 'en';
    try {
      const [{ users }, { stores }] = await Promise.all([this.api.call('listUsers'), this.api.call('listStores')]);
      this.users = users;
      this.stores = stores.map(({ settings: s }) => ({ id: s.id, name: textIn(language, s.name, s.nameByLanguage) }));
    } catch {
      this.users = [];
    }
  }

  override render() {
    const admin = this.session?.user.role === 'admin';
    const roles = admin ? (['operator', 'manager', 'admin'] as const) : (['operator'] as const);
    return html`<h2>${this.t('admin.users')}</h2>
      <table data-testid="user-list">
        <tr><th>${this.t('admin.username')}</th><th>${this.t('admin.role')}</th><th>${this.t('admin.stores')}</th><th>${this.t('admin.active')}</th><th>${this.t('admin.newPassword')}</th></tr>
        ${this.users.map((u) => this.#row(u, admin))}
      </table>
      <form @submit=${this.#add} data-testid="user-form">
        <sl-input label=${this.t('admin.username')} name="username" required minlength="3" maxlength="64" pattern="[a-zA-Z0-9._\\-]+" autocomplete="off" data-testid="user-name"></sl-input>
        <sl-input label=${this.t('admin.password')} name="password" type="password" required minlength="8" maxlength="200" autocomplete="new-password" password-toggle data-testid="user-password"></sl-input>
        <sl-select label=${this.t('admin.role')} name="role" value="operator" data-testid="user-role">${roles.map((r) => html`<sl-option value=${r}>${this.t(`role.${r}`)}</sl-option>`)}</sl-select>
        <fieldset><legend>${this.t('admin.stores')}</legend>${this.#storeBoxes([this.session?.storeId ?? ''], undefined, 'new')}</fieldset>
        <sl-button variant="primary" type="submit" data-testid="user-add">${this.t('admin.addUser')}</sl-button>
      </form>
      ${this.messages()}`;
  }

  #row(u: UserDto, admin: boolean) {
    const form = `user-stores-${u.id}`;
    const saveStores = (e: SubmitEvent) => {
      const v = formValues(e);
      void this.change(() =>
        this.api.call('updateUser', { params: { user: u.id }, body: { storeIds: this.#chosen(v, u.storeIds) } }),
      );
    };
    return html`<tr data-user=${u.username}>
      <td>${u.username}</td>
      <td>
        <sl-select size="small" class="bare" ?disabled=${!admin} label=${this.t('admin.role')} value=${u.role} @sl-change=${(e: Event) => this.change(() => this.api.call('updateUser', { params: { user: u.id }, body: { role: (e.target as SlSelect).value as Role } }))}>
          ${(['operator', 'manager', 'admin'] as const).map((r) => html`<sl-option value=${r}>${this.t(`role.${r}`)}</sl-option>`)}
        </sl-select>
      </td>
      <td>${
        u.role === 'admin'
          ? this.t('admin.chain')
          : html`<form id=${form} @submit=${saveStores} style="margin:0" aria-label=${this.t('admin.userStores', { name: u.username })}>
              ${this.#storeBoxes(u.storeIds, form, u.username)}
              <sl-button size="small" type="submit" data-testid="user-stores-save-${u.username}">${this.t('common.save')}</sl-button>
            </form>`
      }</td>
      <td><sl-checkbox .checked=${u.active} @sl-change=${(e: Event) => this.change(() => this.api.call('updateUser', { params: { user: u.id }, body: { active: (e.target as SlCheckbox).checked } }))}><span class="visually-hidden">${this.t('admin.active')}</span></sl-checkbox></td>
      <td>
        <form style="margin:0" class="row" @submit=${(e: SubmitEvent) => {
          const v = formValues(e);
          void this.change(() =>
            this.api.call('updateUser', { params: { user: u.id }, body: { password: v.password } }),
          );
        }}>
          <sl-input size="small" class="bare" name="password" type="password" minlength="8" maxlength="200" autocomplete="new-password" label=${this.t('admin.newPassword')}></sl-input>
          <sl-button size="small" type="submit">${this.t('common.save')}</sl-button>
        </form>
      </td>
    </tr>`;
  }

  /** A checkbox per store the caller may place people in; stores they cannot see stay as they are. */
  #storeBoxes(selected: string[], form: string | undefined, testid: string) {
    return this.stores.map(
      (s) =>
        html`<sl-checkbox form=${form ?? nothing} name="store-${s.id}" ?checked=${selected.includes(s.id)} .checked=${selected.includes(s.id)}
          data-testid="user-store-${testid}-${s.id}">${s.name}</sl-checkbox>`,
    );
  }

  /** The stores ticked, plus those of `before` this caller does not see (and so cannot untick). */
  #chosen(values: Record<string, string>, before: string[] = []): string[] {
    const shown = new Set(this.stores.map((s) => s.id));
    const ticked = this.stores.filter((s) => values[`store-${s.id}`] === 'on').map((s) => s.id);
    return [...before.filter((id) => !shown.has(id)), ...ticked];
  }

  #add = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const storeIds = v.role === 'admin' ? [] : this.#chosen(v);
    const ok = await this.change(() =>
      this.api.call('createUser', {
        body: { username: v.username ?? '', password: v.password ?? '', role: v.role as Role, storeIds },
      }),
    );
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-users', LcAdminUsers);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-users': LcAdminUsers;
  }
}
