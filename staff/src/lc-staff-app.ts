import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import { callApi } from '../../shared/api/client.ts';
import {
  LANGUAGES,
  type Language,
  type LocalizedText,
  type StorePublicConfig,
  type UserDto,
} from '../../shared/domain.ts';
import { pickLanguage, textIn } from '../../shared/i18n.ts';
import { ApiClient, errorText } from './api-client.ts';
import { staffTranslator } from './i18n/staff-messages.ts';
import './lc-sign-in.ts';
import type { StoreChangeEvent, StoreChoice } from './lc-store-switcher.ts';
import './lc-store-switcher.ts';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { staffAppStyles } from './lc-staff-app.styles.ts';
import { apiContext, type StaffSession, sessionContext } from './staff-context.ts';
import { staffStyles } from './staff-styles.ts';
import { storeAddress } from './store-address.ts';

type Page = 'terminal' | 'dashboard' | 'reports' | 'admin';
const PAGES: Page[] = ['terminal', 'dashboard', 'reports', 'admin'];
const MANAGER_PAGES = new Set<Page>(['dashboard', 'reports', 'admin']);
const LANGUAGE_KEY = 'linecast.staff.language';
/** Each page, with the Shoelace controls it uses, loads when first shown: the sign-in screen stays small. */
const PAGE_MODULES: Record<Page, () => Promise<unknown>> = {
  terminal: () => import('./lc-counter-terminal.ts'),
  dashboard: () => import('./lc-dashboard.ts'),
  reports: () => import('./lc-reports-page.ts'),
  admin: () => import('./admin/lc-admin-page.ts'),
};

/**
 * The staff app: sign-in, then the counter terminal for everyone and the dashboard, reports and
 * admin pages for managers and admins (hidden from operators, and refused if typed in).
 */
export class LcStaffApp extends LitElement {
  static override properties = {
    user: { state: true },
    page: { state: true },
    language: { state: true },
    expired: { state: true },
    problem: { state: true },
    loaded: { state: true },
    stores: { state: true },
  };
  static override styles = [staffStyles, staffAppStyles];
  declare user: UserDto | null;
  declare page: Page;
  declare language: Language;
  declare expired: boolean;
  declare problem: string | null;
  declare loaded: boolean;
  /** Stores this user may switch between (shown when more than one). */
  declare stores: Array<StoreChoice & { nameByLanguage?: LocalizedText | undefined }>;
  readonly #api = new ApiClient(() => this.#expire());
  readonly #session = new ContextProvider(this, { context: sessionContext, initialValue: undefined });
  #store: StorePublicConfig | null = null;

  constructor() {
    super();
    new ContextProvider(this, { context: apiContext, initialValue: this.#api });
    this.user = null;
    this.page = pageFromHash();
    this.language =
      (localStorage.getItem(LANGUAGE_KEY) as Language | null) ?? pickLanguage(navigator.languages, LANGUAGES);
    this.expired = false;
    this.problem = null;
    this.loaded = false;
    this.stores = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    this.addEventListener('store-config', this.#onStoreConfig as EventListener);
    this.addEventListener('lc-stores-changed', this.#onStoresChanged);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
  }

  get #t() {
    return staffTranslator(this.language);
  }

  override render() {
    const t = this.#t;
    document.documentElement.lang = this.language;
    if (!this.loaded) return html`<main><p class="muted">${t('app.loading')}</p></main>`;
    if (!this.user)
      return html`<lc-sign-in .t=${t} .language=${this.language} ?expired=${this.expired} @signed-in=${(e: Event & { user: UserDto }) => this.#signedIn(e.user)}></lc-sign-in>`;
    const session = this.#session.value;
    const manager = session?.isManager ?? false;
    const visible = PAGES.filter((p) => manager || !MANAGER_PAGES.has(p));
    return html`<header>
        <strong>Linecast · ${session?.store.name ?? ''}</strong>
        ${
          this.stores.length > 1
            ? html`<lc-store-switcher .stores=${this.stores.map((s) => ({ ...s, name: textIn(this.language, s.name, s.nameByLanguage) }))} .current=${session?.storeId ?? ''} .label=${t('app.store')}
                .inactiveName=${(name: string) => t('app.storeInactive', { name })}
                @lc-store-change=${(e: StoreChangeEvent) => location.assign(storeAddress(e.slug, location.hash))}></lc-store-switcher>`
            : ''
        }
        <nav aria-label=${t('app.nav')}>
          ${visible.map((p) => html`<a href="#${p}" aria-current=${p === this.page ? 'page' : 'false'} data-testid="nav-${p}">${t(`page.${p}`)}</a>`)}
        </nav>
        <sl-button size="small" @click=${this.#toggleLanguage} data-testid="language">${this.language === 'en' ? '中文' : 'English'}</sl-button>
        <span>${this.user.username}</span>
        <sl-button size="small" @click=${this.#signOut} data-testid="sign-out">${t('app.signOut')}</sl-button>
      </header>
      <main>${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : this.#pageView(manager)}</main>`;
  }

  #pageView(manager: boolean) {
    if (!this.#session.value) return html`<p class="muted">${this.#t('app.loading')}</p>`;
    if (MANAGER_PAGES.has(this.page) && !manager)
      return html`<section class="card" role="alert" data-testid="forbidden"><h2>${this.#t('app.forbidden')}</h2><a href="#terminal">${this.#t('page.terminal')}</a></section>`;
    // The element upgrades when its module arrives; a failed load leaves the page blank, as offline.
    PAGE_MODULES[this.page]().catch(() => undefined);
    switch (this.page) {
      case 'dashboard':
        return html`<lc-dashboard></lc-dashboard>`;
      case 'reports':
        return html`<lc-reports-page></lc-reports-page>`;
      case 'admin':
        return html`<lc-admin-page></lc-admin-page>`;
      default:
        return html`<lc-counter-terminal></lc-counter-terminal>`;
    }
  }

  async #start() {
    try {
      const { user } = await callApi('me');
      await this.#signedIn(user);
    } catch {
      this.user = null;
    } finally {
      this.loaded = true;
    }
  }

  async #signedIn(user: UserDto) {
    this.expired = false;
    this.problem = null;
    try {
      const storeId = await this.#pickStore(user);
      this.#store = await this.#api.call('storeConfig', { params: { store: storeId } });
      this.stores = await this.#storeChoices(user);
      this.user = user;
      if (user.role === 'operator' && MANAGER_PAGES.has(this.page)) this.page = pageFromHash();
      this.#publish();
    } catch (error) {
      this.user = user;
      this.problem = errorText(error);
    }
  }

  async #pickStore(user: UserDto): Promise<string> {
    const asked = new URLSearchParams(location.search).get('store');
    if (asked) return asked;
    if (user.storeIds[0]) return user.storeIds[0];
    const { stores } = await this.#api.call('listStores');
    const first = stores[0]?.settings.id;
    if (!first) throw new Error(this.#t('app.noStore'));
    return first;
  }

  /** Managers and admins: the stores they manage; an operator: the stores they work in. */
  async #storeChoices(user: UserDto): Promise<LcStaffApp['stores']> {
    try {
      if (user.role !== 'operator') {
        const { stores } = await this.#api.call('listStores');
        return stores.map(({ settings: s }) => storeChoice(s));
      }
      if (user.storeIds.length < 2) return [];
      const configs = await Promise.all(
        user.storeIds.map((store) => this.#api.call('storeConfig', { params: { store } })),
      );
      return configs.map(storeChoice);
    } catch {
      return []; // the app works in the current store without the switcher
    }
  }

  #publish() {
    if (!this.user || !this.#store) return;
    const session: StaffSession = {
      user: this.user,
      storeId: this.#store.id,
      // Pages show the store's name in the staff language, as customers see it in theirs.
      store: { ...this.#store, name: textIn(this.language, this.#store.name, this.#store.nameByLanguage) },
      language: this.language,
      t: this.#t,
      isManager: this.user.role !== 'operator',
    };
    this.#session.setValue(session);
    this.requestUpdate();
  }

  #toggleLanguage = () => {
    this.language = this.language === 'en' ? 'zh-Hans' : 'en';
    localStorage.setItem(LANGUAGE_KEY, this.language);
    this.#publish();
  };

  #signOut = async () => {
    await callApi('logout').catch(() => undefined);
    this.user = null;
    this.#session.setValue(undefined);
  };

  #expire() {
    if (!this.user) return;
    this.user = null;
    this.expired = true;
    this.#session.setValue(undefined);
  }

  #onStoreConfig = (event: CustomEvent<StorePublicConfig>) => {
    if (event.detail?.id !== this.#store?.id) return;
    this.#store = event.detail;
    this.#publish();
  };

  #onStoresChanged = async () => {
    if (this.user) this.stores = await this.#storeChoices(this.user);
  };

  #onHash = () => {
    this.page = pageFromHash();
  };
}

/** A store to offer in the picker, its name in every language it has (localized when shown). */
function storeChoice(s: {
  id: string;
  slug: string;
  name: string;
  nameByLanguage?: LocalizedText | undefined;
  active?: boolean | undefined;
}): StoreChoice & { nameByLanguage?: LocalizedText | undefined } {
  return { id: s.id, slug: s.slug, name: s.name, nameByLanguage: s.nameByLanguage, active: s.active !== false };
}

function pageFromHash(): Page {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0] as Page;
  return PAGES.includes(name) ? name : 'terminal';
}

customElements.define('lc-staff-app', LcStaffApp);

declare global {
  interface HTMLElementTagNameMap {
    'lc-staff-app': LcStaffApp;
  }
}
