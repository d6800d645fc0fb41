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
        <label>${this.t('admin.username')}<input name="username" required minlength="3" maxlength="64" pattern="[a-zA-Z0-9._\\-]+" autocomplete="off" data-testid="user-name" /></label>
        <label>${this.t('admin.password')}<input name="password" type="password" required minlength="8" maxlength="200" autocomplete="new-password" data-testid="user-password" /></label>
        <label>${this.t('admin.role')}<select name="role" data-testid="user-role">${roles.map((r) => html`<option value=${r}>${this.t(`role.${r}`)}</option>`)}</select></label>
        <fieldset><legend>${this.t('admin.stores')}</legend>${this.#storeBoxes([this.session?.storeId ?? ''], undefined, 'new')}</fieldset>
        <button class="primary" type="submit" data-testid="user-add">${this.t('admin.addUser')}</button>
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
        <select ?disabled=${!admin} aria-label=${this.t('admin.role')} @change=${(e: Event) => this.change(() => this.api.call('updateUser', { params: { user: u.id }, body: { role: (e.target as HTMLSelectElement).value as Role } }))}>
          ${(['operator', 'manager', 'admin'] as const).map((r) => html`<option value=${r} ?selected=${u.role === r}>${this.t(`role.${r}`)}</option>`)}
        </select>
      </td>
      <td>${
        u.role === 'admin'
          ? this.t('admin.chain')
          : html`<form id=${form} @submit=${saveStores} style="margin:0" aria-label=${this.t('admin.userStores', { name: u.username })}>
              ${this.#storeBoxes(u.storeIds, form, u.username)}
              <button type="submit" data-testid="user-stores-save-${u.username}">${this.t('common.save')}</button>
            </form>`
      }</td>
      <td><input type="checkbox" .checked=${u.active} aria-label=${this.t('admin.active')} @change=${(e: Event) => this.change(() => this.api.call('updateUser', { params: { user: u.id }, body: { active: (e.target as HTMLInputElement).checked } }))} /></td>
      <td>
        <form style="margin:0" @submit=${(e: SubmitEvent) => {
          const v = formValues(e);
          void this.change(() =>
            this.api.call('updateUser', { params: { user: u.id }, body: { password: v.password } }),
          );
        }}>
          <input name="password" type="password" minlength="8" maxlength="200" autocomplete="new-password" aria-label=${this.t('admin.newPassword')} />
          <button type="submit">${this.t('common.save')}</button>
        </form>
      </td>
    </tr>`;
  }

  /** A checkbox per store the caller may place people in; stores they cannot see stay as they are. */
  #storeBoxes(selected: string[], form: string | undefined, testid: string) {
    return this.stores.map(
      (s) =>
        html`<label class="check"><input type="checkbox" form=${form ?? nothing} name="store-${s.id}" ?checked=${selected.includes(s.id)} .checked=${selected.includes(s.id)}
          data-testid="user-store-${testid}-${s.id}" /> ${s.name}</label>`,
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
