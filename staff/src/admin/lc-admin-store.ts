import { html, nothing } from 'lit';
import { AdminSection, formValues, languageInputs, textFromForm } from './admin-section.ts';
import { timeZoneSelect } from './time-zones.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Store settings: name, time zone, languages, service level, priority ratio, phone joining, public address, hours. */
export class LcAdminStore extends AdminSection {
  override render() {
    const s = this.store?.settings;
    if (!s) return this.messages();
    return html`<h2>${this.t('admin.store')}</h2>
      <form @submit=${this.#save} data-testid="store-form">
        ${languageInputs(this.t.bind(this), 'admin.nameIn', 'name', { text: s.name, byLanguage: s.nameByLanguage }, 80, 'store-name')}
        ${timeZoneSelect(this.t('admin.timeZone'), s.timeZone)}
        <fieldset>
          <legend>${this.t('admin.languages')}</legend>
          <sl-checkbox name="lang-en" ?checked=${s.languages.includes('en')}>${this.t('lang.en')}</sl-checkbox>
          <sl-checkbox name="lang-zh-Hans" ?checked=${s.languages.includes('zh-Hans')}>${this.t('lang.zh-Hans')}</sl-checkbox>
        </fieldset>
        <sl-input label=${this.t('admin.targetMin')} name="target" type="number" min="1" step="0.5" .value=${String(s.serviceLevelTargetSec / 60)}></sl-input>
        <sl-input label=${this.t('admin.goalPercent')} name="goal" type="number" min="0" max="100" .value=${String(Math.round(s.serviceLevelGoal * 100))}></sl-input>
        <sl-input label=${this.t('admin.priorityRatio')} name="priorityRatio" type="number" min="0" max="10" .value=${String(s.priorityRatio)}></sl-input>
        <sl-checkbox name="allowPhoneJoin" ?checked=${s.allowPhoneJoin}>${this.t('admin.phoneJoin')}</sl-checkbox>
        <sl-input label=${this.t('admin.publicUrl')} name="publicUrl" type="url" maxlength="200" data-testid="store-public-url" .value=${s.publicUrl ?? ''}
          placeholder="https://queue.shop.example" help-text=${this.t('admin.publicUrlHelp')}></sl-input>
        <fieldset>
          <legend>${this.t('admin.openingHours')}</legend>
          ${WEEKDAYS.map((d) => {
            const span = s.openingHours[d];
            return html`<div class="row">
              <span style="width:3rem">${this.t(`weekday.${d}`)}</span>
              <sl-input size="small" class="bare" name="open-${d}" type="time" .value=${span?.open ?? ''} label="${this.t(`weekday.${d}`)} ${this.t('admin.opens')}"></sl-input>
              <sl-input size="small" class="bare" name="close-${d}" type="time" .value=${span?.close ?? ''} label="${this.t(`weekday.${d}`)} ${this.t('admin.closes')}"></sl-input>
            </div>`;
          })}
        </fieldset>
        <sl-button variant="primary" type="submit">${this.t('common.save')}</sl-button>
      </form>
      ${this.messages()}${nothing}`;
  }

  #save = async (event: SubmitEvent) => {
    const v = formValues(event);
    const openingHours: Record<string, { open: string; close: string }> = {};
    for (const d of WEEKDAYS)
      if (v[`open-${d}`] && v[`close-${d}`]) openingHours[d] = { open: v[`open-${d}`]!, close: v[`close-${d}`]! };
    const languages = (['en', 'zh-Hans'] as const).filter((l) => v[`lang-${l}`] === 'on');
    await this.change(() =>
      this.api.call('updateStore', {
        params: this.storeParams,
        body: {
          name: textFromForm(v, 'name'),
          timeZone: v.timeZone,
          languages,
          serviceLevelTargetSec: Math.round(Number(v.target) * 60),
          serviceLevelGoal: Number(v.goal) / 100,
          priorityRatio: Number(v.priorityRatio),
          allowPhoneJoin: v.allowPhoneJoin === 'on',
          publicUrl: v.publicUrl?.trim() || null,
          openingHours,
        },
      }),
    );
  };
}
customElements.define('lc-admin-store', LcAdminStore);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-store': LcAdminStore;
  }
}
