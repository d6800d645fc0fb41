import { css, html, nothing } from 'lit';
import type { AdminStoreDto } from '../../../shared/api/admin-schemas.ts';
import { errorText } from '../api-client.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';

/** Base of the admin sections: loads the store's admin view, runs changes, shows what went wrong. */
export class AdminSection extends StaffElement {
  static override properties = { store: { state: true }, problem: { state: true }, notice: { state: true } };
  static override styles = [
    staffStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: end;
        margin: 0.75rem 0;
      }
      label {
        display: grid;
        gap: 0.2rem;
      }
      fieldset {
        border: 1px solid #dde1e6;
        border-radius: 8px;
      }
    `,
  ];
  declare store: AdminStoreDto | null;
  declare problem: string | null;
  declare notice: string | null;

  constructor() {
    super();
    this.store = null;
    this.problem = null;
    this.notice = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.store = (await this.api.call('getStore', { params: this.storeParams })).store;
    } catch (error) {
      this.problem = errorText(error);
    }
  }

  /** Runs a change, then reloads; a failure is shown and the form keeps its input. */
  async change(run: () => Promise<unknown>, notice?: string): Promise<boolean> {
    this.problem = null;
    this.notice = null;
    try {
      await run();
      this.notice = notice ?? this.t('common.saved');
      await this.load();
      return true;
    } catch (error) {
      this.problem = errorText(error);
      return false;
    }
  }

  messages() {
    return html`${this.problem ? html`<p class="error" role="alert" data-testid="admin-error">${this.problem}</p>` : nothing}
    ${this.notice ? html`<p class="muted" role="status" data-testid="admin-notice">${this.notice}</p>` : nothing}`;
  }
}

/** Values of a submitted form as strings. */
export function formValues(event: SubmitEvent): Record<string, string> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  return Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
}
