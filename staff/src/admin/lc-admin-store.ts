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
        <label>${this.t('admin.timeZone')}${timeZoneSelect(s.timeZone)}</label>
        <fieldset>
          <legend>${this.t('admin.languages')}</legend>
          <label class="check"><input type="checkbox" name="lang-en" ?checked=${s.languages.includes('en')} /> ${this.t('lang.en')}</label>
          <label class="check"><input type="checkbox" name="lang-zh-Hans" ?checked=${s.languages.includes('zh-Hans')} /> ${this.t('lang.zh-Hans')}</label>
        </fieldset>
        <label>${this.t('admin.targetMin')}<input name="target" type="number" min="1" step="0.5" .value=${String(s.serviceLevelTargetSec / 60)} /></label>
        <label>${this.t('admin.goalPercent')}<input name="goal" type="number" min="0" max="100" .value=${String(Math.round(s.serviceLevelGoal * 100))} /></label>
        <label>${this.t('admin.priorityRatio')}<input name="priorityRatio" type="number" min="0" max="10" .value=${String(s.priorityRatio)} /></label>
        <label class="check"><input type="checkbox" name="allowPhoneJoin" ?checked=${s.allowPhoneJoin} /> ${this.t('admin.phoneJoin')}</label>
        <label>${this.t('admin.publicUrl')}<input name="publicUrl" type="url" maxlength="200" data-testid="store-public-url" .value=${s.publicUrl ?? ''}
          placeholder="https://queue.shop.example" aria-describedby="public-url-help" />
          <small id="public-url-help">${this.t('admin.publicUrlHelp')}</small></label>
        <fieldset>
          <legend>${this.t('admin.openingHours')}</legend>
          ${WEEKDAYS.map((d) => {
            const span = s.openingHours[d];
            return html`<div class="row">
              <span style="width:3rem">${this.t(`weekday.${d}`)}</span>
              <input name="open-${d}" type="time" .value=${span?.open ?? ''} aria-label="${this.t(`weekday.${d}`)} ${this.t('admin.opens')}" />
              <input name="close-${d}" type="time" .value=${span?.close ?? ''} aria-label="${this.t(`weekday.${d}`)} ${this.t('admin.closes')}" />
            </div>`;
          })}
        </fieldset>
        <button class="primary" type="submit">${this.t('common.save')}</button>
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
