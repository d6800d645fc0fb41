import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import { css, html, nothing } from 'lit';
import type { AdminStoreDto } from '../../../shared/api/admin-schemas.ts';
import { LANGUAGES, type Language, type LocalizedText } from '../../../shared/domain.ts';
import { errorText } from '../api-client.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import type { ConfirmAnswerEvent } from '../ui/lc-confirm-dialog.ts';
import '../ui/lc-confirm-dialog.ts';

/**
 * Base of the admin sections: loads the store's admin view, runs changes, shows what went wrong.
 * It brings the Shoelace controls the sections use, so they load with the admin page only.
 */
export class AdminSection extends StaffElement {
  static override properties = {
    store: { state: true },
    problem: { state: true },
    notice: { state: true },
    asking: { state: true },
  };
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
      sl-input,
      sl-select {
        min-width: 10rem;
      }
      sl-input[type='number'] {
        min-width: 0;
        width: 6rem;
      }
      sl-checkbox {
        min-height: 2.4rem;
        display: inline-flex;
        align-items: center;
      }
      td sl-input,
      td sl-select {
        min-width: 6rem;
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
      /* In a table row the column head names a field: its label is for screen readers only. */
      .bare::part(form-control-label),
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      sl-input::part(form-control-help-text) {
        max-width: 28rem;
      }
    `,
  ];
  declare store: AdminStoreDto | null;
  declare problem: string | null;
  declare notice: string | null;
  /** A question shown in a modal dialog before a change that is hard to undo. */
  declare asking: { title: string; question: string; run: () => unknown } | null;

  constructor() {
    super();
    this.store = null;
    this.problem = null;
    this.notice = null;
    this.asking = null;
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

  /** Asks `question` (titled and confirmed by `title`, e.g. "Revoke"); `run` goes ahead on yes only. */
  ask(title: string, question: string, run: () => unknown): void {
    this.asking = { title, question, run };
  }

  #answered = (event: ConfirmAnswerEvent) => {
    const asked = this.asking;
    this.asking = null;
    if (event.confirmed) void asked?.run();
  };

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
    ${this.notice ? html`<p class="muted" role="status" data-testid="admin-notice">${this.notice}</p>` : nothing}
    ${
      this.asking
        ? html`<lc-confirm-dialog .heading=${this.asking.title} .question=${this.asking.question} .yes=${this.asking.title}
            .no=${this.t('common.cancel')} @confirm-answer=${this.#answered}></lc-confirm-dialog>`
        : nothing
    }`;
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
      html`<sl-input label=${t(label, { language: t(`lang.${language}`) })} name="${name}-${language}" ?required=${language === 'en'}
        maxlength=${maxlength} .value=${value ? (value.byLanguage?.[language] ?? (language === 'en' ? value.text : '')) : ''}
        data-testid="${testid}-${language}"></sl-input>`,
  );
}

/** What `languageInputs` collected: one string for every language, or one per language. */
export function textFromForm(values: Record<string, string>, name: string): string | LocalizedText {
  const en = values[`${name}-en`]?.trim() ?? '';
  const zh = values[`${name}-zh-Hans`]?.trim();
  return zh ? { en, 'zh-Hans': zh } : en;
}
