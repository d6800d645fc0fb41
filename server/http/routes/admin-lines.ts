import { randomBytes } from 'node:crypto';
import type { Service } from '../../engine/state.ts';
import { counterDto, serviceDto } from '../../line/views.ts';
import type { ApiRouter } from '../api-router.ts';
import { HttpError, notFound } from '../http-error.ts';
import { configure } from './admin-support.ts';

/** Services and counters of a store; every change is an engine command, hence an event. */
export function adminLineRoutes(api: ApiRouter): void {
  api.register('createService', async ({ c, store: { id: storeId, state }, body }) => {
    if (state.services[body.id]) throw new HttpError(409, 'service_exists', `A service "${body.id}" exists already.`);
    const maxOrder = Math.max(0, ...Object.values(state.services).map((s) => s.sortOrder));
    const service: Service = { ...body, sortOrder: body.sortOrder ?? maxOrder + 10, active: body.active ?? true };
    const after = await configure(c, storeId, { type: 'upsert_service', service }, 'service_created', service);
    return { service: serviceDto(after.services[service.id]!) };
  });

  api.register('updateService', async ({ c, store: { id: storeId, state }, params, body: patch }) => {
    const existing = state.services[params.service];
    if (!existing) throw notFound('service');
    const command = { type: 'upsert_service', service: { ...existing, ...patch } } as const;
    const after = await configure(c, storeId, command, 'service_updated', { id: existing.id, ...patch });
    return { service: serviceDto(after.services[existing.id]!) };
  });

  api.register('createCounter', async ({ c, store: { id: storeId, state }, body }) => {
    const id = body.id ?? `c-${randomBytes(4).toString('hex')}`;
    if (state.counters[id]) throw new HttpError(409, 'counter_exists', `A counter "${id}" exists already.`);
    const counter = { id, name: body.name, serviceIds: body.serviceIds, active: body.active ?? true };
    const after = await configure(c, storeId, { type: 'upsert_counter', counter }, 'counter_created', counter);
    return { counter: counterDto(after, after.counters[id]!) };
  });

  api.register('updateCounter', async ({ c, store: { id: storeId, state }, params, body: patch }) => {
    const existing = state.counters[params.counter];
    if (!existing) throw notFound('counter');
    const counter = {
      id: existing.id,
      name: patch.name ?? existing.name,
      serviceIds: patch.serviceIds ?? existing.serviceIds,
      active: patch.active ?? existing.active,
    };
    const command = { type: 'upsert_counter', counter } as const;
    const after = await configure(c, storeId, command, 'counter_updated', { id: existing.id, ...patch });
    return { counter: counterDto(after, after.counters[existing.id]!) };
  });
}
