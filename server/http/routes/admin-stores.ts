import type { LocalizedText } from '../../../shared/domain.ts';
import { createStoreState } from '../../engine/create-store-state.ts';
import type { StoreSettings } from '../../engine/state.ts';
import { settingsProblem } from '../../engine/validate-settings.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError } from '../http-error.ts';
import { adminStoreDto, auditBy, configure } from './admin-support.ts';

const DEFAULTS: Omit<StoreSettings, 'id' | 'slug' | 'name' | 'timeZone'> = {
  languages: ['en', 'zh-Hans'],
  serviceLevelTargetSec: 300,
  serviceLevelGoal: 0.8,
  priorityRatio: 2,
  allowPhoneJoin: false,
  autoNoShow: null,
  openingHours: {},
};

/** Stores: list (an admin sees all, a manager their own), create (admin), change settings. */
export function adminStoreRoutes(api: ApiRouter): void {
  api.register('listStores', ({ deps: { lines }, caller: { user } }) => {
    const ids = lines.storeIds().filter((id) => user.role === 'admin' || user.storeIds.includes(id));
    const stores = ids
      .map((id) => lines.state(id))
      .filter((s) => !!s)
      .map(adminStoreDto);
    return { stores };
  });

  api.register('createStore', async ({ c, deps: { lines }, body }) => {
    if (lines.resolveStore(body.slug)) throw new HttpError(409, 'slug_taken', `A store "${body.slug}" exists already.`);
    const settings = {
      ...DEFAULTS,
      ...body,
      ...nameFields(body.name),
      id: body.slug,
      slug: body.slug,
    } as StoreSettings;
    const problem = settingsProblem(settings);
    if (problem) throw new HttpError(422, 'invalid_settings', problem);
    const audit = auditBy(c, settings.id, 'store_created', { slug: settings.slug, name: settings.name });
    await lines.createStore(createStoreState(settings, [], []), audit);
    return { store: adminStoreDto(lines.state(settings.id)!) };
  });

  api.register('getStore', ({ store }) => ({ store: adminStoreDto(store.state) }));

  api.register('updateStore', async ({ c, store, body: patch }) => {
    const { id: _id, slug: _slug, ...current } = store.state.settings;
    const settings = { ...current, ...patch, ...(patch.name ? nameFields(patch.name) : {}) } as typeof current;
    if (settings.nameByLanguage === undefined) delete settings.nameByLanguage;
    const after = await configure(c, store.id, { type: 'update_settings', settings }, 'store_updated', patch);
    return { store: adminStoreDto(after) };
  });
}

/**
 * A plain name serves every language; names per language keep the English one as `name`, so
 * readers that know only `name` still get one.
 * @example nameFields({ en: 'North', 'zh-Hans': '北店' }) // { name: 'North', nameByLanguage: { en: 'North', 'zh-Hans': '北店' } }
 */
function nameFields(name: string | LocalizedText): Pick<StoreSettings, 'name' | 'nameByLanguage'> {
  return typeof name === 'string' ? { name, nameByLanguage: undefined } : { name: name.en, nameByLanguage: name };
}
