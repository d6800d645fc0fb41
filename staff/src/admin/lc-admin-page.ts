import { css, html } from 'lit';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import './lc-admin-store.ts';
import './lc-admin-services.ts';
import './lc-admin-counters.ts';
import './lc-admin-users.ts';
import './lc-admin-devices.ts';
import './lc-admin-signage.ts';
import './lc-admin-broadcasts.ts';
import './lc-admin-audit.ts';
import './lc-admin-stores.ts';
import './lc-admin-webhooks.ts';

const TABS = [
  'chain',
  'store',
  'services',
  'counters',
  'users',
  'devices',
  'signage',
  'broadcasts',
  'webhooks',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

/** Admin pages, one tab each; the tab lives in the hash (`#admin/devices`). */
export class LcAdminPage extends StaffElement {
  static override properties = { tab: { state: true } };
  static override styles = [
    staffStyles,
    css`
      nav {
        display: flex;
        gap: 0.3rem;
        flex-wrap: wrap;
        margin-bottom: 1rem;
      }
      nav a {
        padding: 0.5rem 0.8rem;
        border-radius: 8px;
        text-decoration: none;
        color: #0b5cad;
        background: #fff;
        border: 1px solid #dde1e6;
      }
      nav a[aria-current='page'] {
        background: #0b5cad;
        color: #fff;
      }
    `,
  ];
  declare tab: Tab;

  constructor() {
    super();
    this.tab = tabFromHash();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
  }

  #onHash = () => {
    this.tab = tabFromHash();
  };

  override render() {
    return html`<nav aria-label=${this.t('page.admin')}>
        ${TABS.map((tab) => html`<a href="#admin/${tab}" data-testid="tab-${tab}" aria-current=${tab === this.tab ? 'page' : 'false'}>${this.t(`admin.${tab}`)}</a>`)}
      </nav>
      <div class="card">${this.#view()}</div>`;
  }

  #view() {
    switch (this.tab) {
      case 'services':
        return html`<lc-admin-services></lc-admin-services>`;
      case 'counters':
        return html`<lc-admin-counters></lc-admin-counters>`;
      case 'users':
        return html`<lc-admin-users></lc-admin-users>`;
      case 'devices':
        return html`<lc-admin-devices></lc-admin-devices>`;
      case 'signage':
        return html`<lc-admin-signage></lc-admin-signage>`;
      case 'broadcasts':
        return html`<lc-admin-broadcasts></lc-admin-broadcasts>`;
      case 'webhooks':
        return html`<lc-admin-webhooks></lc-admin-webhooks>`;
      case 'audit':
        return html`<lc-admin-audit></lc-admin-audit>`;
      case 'chain':
        return html`<lc-admin-stores></lc-admin-stores>`;
      default:
        return html`<lc-admin-store></lc-admin-store>`;
    }
  }
}

function tabFromHash(): Tab {
  const tab = location.hash.replace(/^#\/?admin\/?/, '') as Tab;
  return TABS.includes(tab) ? tab : 'store';
}

customElements.define('lc-admin-page', LcAdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-page': LcAdminPage;
  }
}
