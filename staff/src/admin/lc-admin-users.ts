import { html } from 'lit';
import type { Role, UserDto } from '../../../shared/domain.ts';
import { AdminSection, formValues } from './admin-section.ts';

/** Staff accounts: role, stores, active, new password. Managers manage operators of their stores. */
export class LcAdminUsers extends AdminSection {
  static override properties = { ...AdminSection.properties, users: { state: true } };
  declare users: UserDto[];

  constructor() {
    super();
    this.users = [];
  }

  override async load(): Promise<void> {
    await super.load();
    try {
      this.users = (await this.api.call('listUsers')).users;
    } catch {
      this.users = [];
    }
  }

  override render() {
    const admin = this.session?.user.role === 'admin';
    const roles = admin ? (['operator', 'manager', 'admin'] as const) : (['operator'] as const);
    return html`<h2>${this.t('admin.users')}</h2>
      <table>
        <tr><th>${this.t('admin.username')}</th><th>${this.t('admin.role')}</th><th>${this.t('admin.stores')}</th><th>${this.t('admin.active')}</th><th>${this.t('admin.newPassword')}</th></tr>
        ${this.users.map(
          (u) => html`<tr>
            <td>${u.username}</td>
            <td>
              <select ?disabled=${!admin} @change=${(e: Event) => this.change(() => this.api.call('updateUser', { params: { user: u.id }, body: { role: (e.target as HTMLSelectElement).value as Role } }))}>
                ${(['operator', 'manager', 'admin'] as const).map((r) => html`<option value=${r} ?selected=${u.role === r}>${this.t(`role.${r}`)}</option>`)}
              </select>
            </td>
            <td>${u.storeIds.join(', ')}</td>
            <td><input type="checkbox" .checked=${u.active} aria-label=${this.t('admin.active')} @change=${(e: Event) => this.change(() => this.api.call('updateUser', { params: { user: u.id }, body: { active: (e.target as HTMLInputElement).checked } }))} /></td>
            <td>
              <form style="margin:0" @submit=${(e: SubmitEvent) => {
                const v = formValues(e);
                void this.change(() =>
                  this.api.call('updateUser', { params: { user: u.id }, body: { password: v.password } }),
                );
              }}>
                <input name="password" type="password" minlength="8" autocomplete="new-password" aria-label=${this.t('admin.newPassword')} />
                <button type="submit">${this.t('common.save')}</button>
              </form>
            </td>
          </tr>`,
        )}
      </table>
      <form @submit=${this.#add}>
        <label>${this.t('admin.username')}<input name="username" required minlength="3" /></label>
        <label>${this.t('admin.password')}<input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
        <label>${this.t('admin.role')}<select name="role">${roles.map((r) => html`<option value=${r}>${this.t(`role.${r}`)}</option>`)}</select></label>
        <button class="primary" type="submit">${this.t('admin.addUser')}</button>
      </form>
      ${this.messages()}`;
  }

  #add = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const storeIds = v.role === 'admin' ? [] : [this.session!.storeId];
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
