import { css, html, LitElement } from 'lit';

/** A store the signed-in user may switch to. */
export interface StoreChoice {
  id: string;
  slug: string;
  name: string;
  active: boolean;
}

/** The user picked another store (by slug, as it goes in `?store=`). */
export class StoreChangeEvent extends Event {
  static readonly type = 'lc-store-change';
  readonly slug: string;
  constructor(slug: string) {
    super(StoreChangeEvent.type, { bubbles: true, composed: true });
    this.slug = slug;
  }
}

/**
 * The header's store picker, for users who work in several stores; inactive stores are marked.
 *
 * @fires lc-store-change
 */
export class LcStoreSwitcher extends LitElement {
  static override properties = {
    stores: { attribute: false },
    current: { attribute: false },
    label: { attribute: false },
    inactiveName: { attribute: false },
  };
  static override styles = css`
    select {
      font: inherit;
      min-height: 36px;
      max-width: 16rem;
      border-radius: 6px;
      padding: 0 0.4rem;
    }
  `;
  declare stores: StoreChoice[];
  declare current: string;
  declare label: string;
  /** How an inactive store is named, e.g. `(name) => 'North (inactive)'`. */
  declare inactiveName: (name: string) => string;

  constructor() {
    super();
    this.stores = [];
    this.current = '';
    this.label = '';
    this.inactiveName = (name) => name;
  }

  override render() {
    return html`<select aria-label=${this.label} data-testid="store-switch"
      @change=${(e: Event) => this.dispatchEvent(new StoreChangeEvent((e.target as HTMLSelectElement).value))}>
      ${this.stores.map(
        (s) =>
          html`<option value=${s.slug} ?selected=${s.id === this.current}>${s.active ? s.name : this.inactiveName(s.name)}</option>`,
      )}
    </select>`;
  }
}
customElements.define('lc-store-switcher', LcStoreSwitcher);

declare global {
  interface HTMLElementTagNameMap {
    'lc-store-switcher': LcStoreSwitcher;
  }
  interface GlobalEventHandlersEventMap {
    'lc-store-change': StoreChangeEvent;
  }
}
