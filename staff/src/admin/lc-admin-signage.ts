import type SlCheckbox from '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import type SlInput from '@shoelace-style/shoelace/dist/components/input/input.js';
import type SlSelect from '@shoelace-style/shoelace/dist/components/select/select.js';
import { html, nothing } from 'lit';
import type { SignageItemDto } from '../../../shared/api/signage-schemas.ts';
import { textIn } from '../../../shared/i18n.ts';
import { AdminSection, formValues, languageInputs, textFromForm } from './admin-section.ts';

/** Signage content: text slides, uploaded images and videos, order, weekday/time windows. */
export class LcAdminSignage extends AdminSection {
  static override properties = { ...AdminSection.properties, items: { state: true }, kind: { state: true } };
  declare items: SignageItemDto[];
  declare kind: 'text' | 'image' | 'video';

  constructor() {
    super();
    this.items = [];
    this.kind = 'text';
  }

  override async load(): Promise<void> {
    try {
      this.items = (await this.api.call('listSignage', { params: this.storeParams })).items;
    } catch {
      this.items = [];
    }
  }

  override render() {
    const days = [1, 2, 3, 4, 5, 6, 7] as const;
    return html`<h2>${this.t('admin.signage')}</h2>
      <table>
        <tr><th>${this.t('admin.order')}</th><th>${this.t('admin.kind')}</th><th>${this.t('admin.content')}</th><th>${this.t('admin.seconds')}</th><th>${this.t('admin.windows')}</th><th>${this.t('admin.active')}</th><th></th></tr>
        ${this.items.map(
          (i) => html`<tr>
            <td><sl-input size="small" class="bare" type="number" .value=${String(i.sortOrder)} label=${this.t('admin.order')} @sl-change=${(e: Event) => this.change(() => this.api.call('updateSignage', { params: { ...this.storeParams, item: i.id }, body: { sortOrder: Number((e.target as SlInput).value) } }))}></sl-input></td>
            <td>${this.t(`signage.${i.kind}`)}</td>
            <td>${i.kind === 'image' && i.url ? html`<img src=${i.url} alt="" style="max-height:3rem" />` : i.text ? textIn(this.session?.language ?? 'en', i.text, i.textByLanguage) : i.url}</td>
            <td>${i.durationSec}</td>
            <td>${i.windows.length === 0 ? this.t('admin.always') : i.windows.map((w) => `${w.weekdays.map((d) => this.t(`weekday.${d as 1}`)).join(' ')} ${w.from}–${w.to}`).join('; ')}</td>
            <td><sl-checkbox .checked=${i.active} @sl-change=${(e: Event) => this.change(() => this.api.call('updateSignage', { params: { ...this.storeParams, item: i.id }, body: { active: (e.target as SlCheckbox).checked } }))}><span class="visually-hidden">${this.t('admin.active')}</span></sl-checkbox></td>
            <td><sl-button size="small" variant="danger" outline @click=${() => this.change(() => this.api.call('deleteSignage', { params: { ...this.storeParams, item: i.id } }))}>${this.t('common.delete')}</sl-button></td>
          </tr>`,
        )}
      </table>
      <form @submit=${this.#add}>
        <sl-select label=${this.t('admin.kind')} name="kind" value=${this.kind} @sl-change=${(e: Event) => (this.kind = (e.target as SlSelect).value as 'text')}>
          ${(['text', 'image', 'video'] as const).map((k) => html`<sl-option value=${k}>${this.t(`signage.${k}`)}</sl-option>`)}
        </sl-select>
        ${
          this.kind === 'text'
            ? languageInputs(this.t.bind(this), 'admin.textIn', 'text', null, 500)
            : html`<label>${this.t('admin.file')}<input name="file" type="file" required accept=${this.kind === 'image' ? 'image/png,image/jpeg,image/webp,image/gif' : 'video/mp4,video/webm'} /></label>`
        }
        <sl-input label=${this.t('admin.seconds')} name="durationSec" type="number" min="1" max="3600" value="10"></sl-input>
        <fieldset>
          <legend>${this.t('admin.windowOptional')}</legend>
          ${days.map((d) => html`<sl-checkbox name="day-${d}">${this.t(`weekday.${d}`)}</sl-checkbox>`)}
          <sl-input size="small" class="bare" name="from" type="time" label=${this.t('admin.opens')}></sl-input> – <sl-input size="small" class="bare" name="to" type="time" label=${this.t('admin.closes')}></sl-input>
        </fieldset>
        <sl-button variant="primary" type="submit">${this.t('common.add')}</sl-button>
      </form>
      ${this.messages()}${nothing}`;
  }

  #add = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    const v = formValues(event);
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => v[`day-${d}`] === 'on');
    const windows = weekdays.length > 0 && v.from && v.to ? [{ weekdays, from: v.from, to: v.to }] : [];
    const ok = await this.change(async () => {
      let url: string | undefined;
      if (this.kind !== 'text' && file) url = (await this.api.upload(this.storeParams.store, file)).url;
      await this.api.call('createSignage', {
        params: this.storeParams,
        body: {
          kind: this.kind,
          ...(url ? { url } : { text: textFromForm(v, 'text') }),
          durationSec: Number(v.durationSec),
          windows,
        },
      });
    });
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-signage', LcAdminSignage);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-signage': LcAdminSignage;
  }
}
