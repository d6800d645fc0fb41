import '@shoelace-style/shoelace/dist/components/tab/tab.js';
import '@shoelace-style/shoelace/dist/components/tab-group/tab-group.js';
import '@shoelace-style/shoelace/dist/components/tab-panel/tab-panel.js';
import type SlTabGroup from '@shoelace-style/shoelace/dist/components/tab-group/tab-group.js';
import { css, html, nothing } from 'lit';
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
      sl-tab-group {
        --track-color: #dde1e6;
      }
      sl-tab-panel::part(base) {
        padding: 1rem 0 0;
      }
    `,
  ];
  declare tab: Tab;
  #shown: Tab | null = null;

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

  /** A tab chosen by click or arrow keys goes into the hash, so reload and back keep it. */
  #onTabShow = (event: CustomEvent<{ name: string }>) => {
    const hash = `#admin/${event.detail.name}`;
    if (location.hash !== hash) location.hash = hash;
  };

  override render() {
    return html`<div class="card">
      <sl-tab-group aria-label=${this.t('page.admin')} @sl-tab-show=${this.#onTabShow}>
        ${TABS.map((tab) => html`<sl-tab slot="nav" panel=${tab} ?active=${tab === this.tab} data-testid="tab-${tab}">${this.t(`admin.${tab}`)}</sl-tab>`)}
        ${TABS.map((tab) => html`<sl-tab-panel name=${tab} ?active=${tab === this.tab}>${tab === this.tab ? this.#view() : nothing}</sl-tab-panel>`)}
      </sl-tab-group>
    </div>`;
  }

  override updated(): void {
    // The hash moved (back, a link): the tab group follows it.
    if (this.#shown === this.tab) return;
    this.#shown = this.tab;
    const group = this.renderRoot.querySelector<SlTabGroup>('sl-tab-group');
    void group?.updateComplete.then(() => group.show(this.tab));
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
