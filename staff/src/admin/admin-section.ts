import { css, html, nothing } from 'lit';
import type { AdminStoreDto } from '../../../shared/api/admin-schemas.ts';
import { LANGUAGES, type Language, type LocalizedText } from '../../../shared/domain.ts';
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
        gap: 0.8rem 1rem;
        align-items: end;
        margin: 0.75rem 0;
      }
      label {
        display: grid;
        gap: 0.2rem;
      }
      /* A checkbox sits before its own label text, on one line, in every form. */
      label.check {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 2.4rem;
      }
      fieldset {
        border: 1px solid #dde1e6;
        border-radius: 8px;
        display: flex;
        flex-wrap: wrap;
        gap: 0.2rem 1rem;
        align-items: center;
      }
      legend {
        padding: 0 0.3rem;
      }
      small {
        color: #52606d;
        max-width: 28rem;
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

  /** A moment in the store's time zone, in the staff language's format. */
  when(iso: string | null | undefined, style: 'full' | 'time' = 'full'): string {
    if (!iso) return '–';
    const language = this.session?.language ?? 'en';
    return new Date(iso).toLocaleString(LOCALES[language], {
      timeZone: this.session?.store.timeZone,
      ...(style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }),
    });
  }

  messages() {
    return html`${this.problem ? html`<p class="error" role="alert" data-testid="admin-error">${this.problem}</p>` : nothing}
    ${this.notice ? html`<p class="muted" role="status" data-testid="admin-notice">${this.notice}</p>` : nothing}`;
  }
}

/** Formatting locale of each staff language (day-month order in English, not the US one). */
const LOCALES = { en: 'en-GB', 'zh-Hans': 'zh-CN' } as const;

/** Values of a submitted form as strings. */
export function formValues(event: SubmitEvent): Record<string, string> {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  return Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
}

/**
 * One input per staff language for text a customer reads (a name, a slide, a broadcast): English
 * required, Chinese optional. Named `${name}-en`, `${name}-zh-Hans`; read back with `textFromForm`.
 */
export function languageInputs(
  t: StaffElement['t'],
  label: 'admin.nameIn' | 'admin.textIn' | 'admin.messageIn',
  name: string,
  value: { text: string; byLanguage?: Partial<Record<Language, string>> | undefined } | null,
  maxlength: number,
  testid = name,
) {
  return LANGUAGES.map(
    (language) =>
      html`<label>${t(label, { language: t(`lang.${language}`) })}<input name="${name}-${language}" ?required=${language === 'en'}
        maxlength=${maxlength} .value=${value ? (value.byLanguage?.[language] ?? (language === 'en' ? value.text : '')) : ''}
        data-testid="${testid}-${language}" /></label>`,
  );
}

/** What `languageInputs` collected: one string for every language, or one per language. */
export function textFromForm(values: Record<string, string>, name: string): string | LocalizedText {
  const en = values[`${name}-en`]?.trim() ?? '';
  const zh = values[`${name}-zh-Hans`]?.trim();
  return zh ? { en, 'zh-Hans': zh } : en;
}
