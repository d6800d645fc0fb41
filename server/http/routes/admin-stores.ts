import { createStoreState } from '../../engine/create-store-state.ts';
import type { StoreSettings } from '../../engine/state.ts';
import { settingsProblem } from '../../engine/validate-settings.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError } from '../http-error.ts';
import { createStoreBody, storeSettingsPatch } from './admin-schemas.ts';
import { ADMIN_ERRORS, adminStoreDto, auditBy, configure } from './admin-support.ts';

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
  api.route(
    {
      method: 'get',
      path: '/admin/stores',
      summary: 'Stores the caller manages, with every service and counter',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{stores}', ...ADMIN_ERRORS },
    },
    (c) => {
      const user = requireRole(c, 'manager');
      const { lines } = c.get('deps');
      const ids = lines.storeIds().filter((id) => user.role === 'admin' || user.storeIds.includes(id));
      const stores = ids
        .map((id) => lines.state(id))
        .filter((s) => !!s)
        .map(adminStoreDto);
      return c.json({ stores });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/stores',
      summary: 'Create a store (no services or counters yet)',
      tag: 'admin',
      audience: 'admin',
      body: createStoreBody,
      responses: { 201: '{store}', 409: 'slug in use', ...ADMIN_ERRORS },
    },
    async (c) => {
      requireRole(c, 'admin');
      const body = await readBody(c, createStoreBody);
      const { lines } = c.get('deps');
      if (lines.resolveStore(body.slug))
        throw new HttpError(409, 'slug_taken', `A store "${body.slug}" exists already.`);
      const settings: StoreSettings = { ...DEFAULTS, ...body, id: body.slug, slug: body.slug } as StoreSettings;
      const problem = settingsProblem(settings);
      if (problem) throw new HttpError(422, 'invalid_settings', problem);
      const audit = auditBy(c, settings.id, 'store_created', { slug: settings.slug, name: settings.name });
      await lines.createStore(createStoreState(settings, [], []), audit);
      return c.json({ store: adminStoreDto(lines.state(settings.id)!) }, 201);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/admin/stores/:store',
      summary: 'One store with every service and counter',
      tag: 'admin',
      audience: 'manager',
      responses: { 200: '{store}', ...ADMIN_ERRORS },
    },
    (c) => {
      const { storeId, state } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      return c.json({ store: adminStoreDto(state) });
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/admin/stores/:store',
      summary:
        'Change store settings (name, time zone, languages, service level, hours, priority ratio, phone joining)',
      tag: 'admin',
      audience: 'manager',
      body: storeSettingsPatch,
      responses: { 200: '{store}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId, state } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const patch = await readBody(c, storeSettingsPatch);
      const { id: _id, slug: _slug, ...current } = state.settings;
      const settings = { ...current, ...patch } as typeof current;
      const after = await configure(c, storeId, { type: 'update_settings', settings }, 'store_updated', patch);
      return c.json({ store: adminStoreDto(after) });
    },
  );
}
