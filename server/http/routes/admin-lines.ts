import { randomBytes } from 'node:crypto';
import type { Service } from '../../engine/state.ts';
import { counterDto, serviceDto } from '../../line/views.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError, notFound } from '../http-error.ts';
import { createCounterBody, createServiceBody, updateCounterBody, updateServiceBody } from './admin-schemas.ts';
import { ADMIN_ERRORS, configure } from './admin-support.ts';

/** Services and counters of a store; every change is an engine command, hence an event. */
export function adminLineRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'post',
      path: '/admin/stores/:store/services',
      summary: 'Add a service',
      tag: 'admin',
      audience: 'manager',
      body: createServiceBody,
      responses: { 201: '{service}', 409: 'id in use', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId, state } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const body = await readBody(c, createServiceBody);
      if (state.services[body.id]) throw new HttpError(409, 'service_exists', `A service "${body.id}" exists already.`);
      const maxOrder = Math.max(0, ...Object.values(state.services).map((s) => s.sortOrder));
      const service: Service = { ...body, sortOrder: body.sortOrder ?? maxOrder + 10, active: body.active ?? true };
      const after = await configure(c, storeId, { type: 'upsert_service', service }, 'service_created', service);
      return c.json({ service: serviceDto(after.services[service.id]!) }, 201);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/admin/stores/:store/services/:service',
      summary: 'Change a service (code, names, order, active)',
      tag: 'admin',
      audience: 'manager',
      body: updateServiceBody,
      responses: { 200: '{service}', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId, state } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const existing = state.services[c.req.param('service') ?? ''];
      if (!existing) throw notFound('service');
      const patch = await readBody(c, updateServiceBody);
      const command = { type: 'upsert_service', service: { ...existing, ...patch } } as const;
      const after = await configure(c, storeId, command, 'service_updated', { id: existing.id, ...patch });
      return c.json({ service: serviceDto(after.services[existing.id]!) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/admin/stores/:store/counters',
      summary: 'Add a counter (it starts closed)',
      tag: 'admin',
      audience: 'manager',
      body: createCounterBody,
      responses: { 201: '{counter}', 409: 'id in use', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId, state } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const body = await readBody(c, createCounterBody);
      const id = body.id ?? `c-${randomBytes(4).toString('hex')}`;
      if (state.counters[id]) throw new HttpError(409, 'counter_exists', `A counter "${id}" exists already.`);
      const counter = { id, name: body.name, serviceIds: body.serviceIds, active: body.active ?? true };
      const after = await configure(c, storeId, { type: 'upsert_counter', counter }, 'counter_created', counter);
      return c.json({ counter: counterDto(after, after.counters[id]!) }, 201);
    },
  );

  api.route(
    {
      method: 'patch',
      path: '/admin/stores/:store/counters/:counter',
      summary: 'Change a counter (name, services, active)',
      tag: 'admin',
      audience: 'manager',
      body: updateCounterBody,
      responses: { 200: '{counter}', 409: 'busy counter cannot be deactivated', ...ADMIN_ERRORS },
    },
    async (c) => {
      const { storeId, state } = storeFromPath(c);
      requireRole(c, 'manager', storeId);
      const existing = state.counters[c.req.param('counter') ?? ''];
      if (!existing) throw notFound('counter');
      const patch = await readBody(c, updateCounterBody);
      const counter = {
        id: existing.id,
        name: patch.name ?? existing.name,
        serviceIds: patch.serviceIds ?? existing.serviceIds,
        active: patch.active ?? existing.active,
      };
      const command = { type: 'upsert_counter', counter } as const;
      const after = await configure(c, storeId, command, 'counter_updated', { id: existing.id, ...patch });
      return c.json({ counter: counterDto(after, after.counters[existing.id]!) });
    },
  );
}
