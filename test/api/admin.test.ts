import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: string;
let manager: string;
let operator: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.cookieFor('admin');
  manager = await server.cookieFor('manager');
  operator = await server.cookieFor('operator');
});
afterAll(() => server?.close());

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('admin API', () => {
  it('a manager adds a service and a counter, and the public config shows them', async () => {
    const service = await server.api(
      'POST',
      '/api/admin/stores/demo/services',
      { id: 'repairs', code: 'D', name: { en: 'Repairs', 'zh-Hans': '维修' } },
      manager,
    );
    expect(service.status).toBe(201);
    expect(service.body.service).toMatchObject({ id: 'repairs', code: 'D', active: true });
    const counter = await server.api(
      'POST',
      '/api/admin/stores/demo/counters',
      { id: 'c5', name: 'Counter 5', serviceIds: ['repairs', 'pickup'] },
      manager,
    );
    expect(counter.status).toBe(201);
    expect(counter.body.counter).toMatchObject({ id: 'c5', status: 'closed', serviceIds: ['repairs', 'pickup'] });
    const config = await server.api('GET', '/api/stores/demo');
    expect(config.body.services.map((s: { id: string }) => s.id)).toContain('repairs');
    expect(config.body.counters.map((c: { id: string }) => c.id)).toContain('c5');
    const renamed = await server.api(
      'PATCH',
      '/api/admin/stores/demo/services/repairs',
      { name: { en: 'Repairs desk' }, active: false },
      manager,
    );
    expect(renamed.body.service).toMatchObject({ name: { en: 'Repairs desk' }, active: false });
    const after = await server.api('GET', '/api/stores/demo');
    expect(after.body.services.map((s: { id: string }) => s.id)).not.toContain('repairs');
  });

  it('refuses bad input with 4xx JSON, never a 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/admin/stores/demo/services', { id: 'x1', code: 'a', name: { en: 'Lower' } }],
      ['POST', '/api/admin/stores/demo/services', { id: 'dup', code: 'A', name: { en: 'Same code as pick-up' } }],
      ['POST', '/api/admin/stores/demo/counters', { name: 'Nowhere', serviceIds: ['no-such-service'] }],
      ['PATCH', '/api/admin/stores/demo', { timeZone: 'Mars/Olympus' }],
      ['PATCH', '/api/admin/stores/demo', { priorityRatio: 'two' }],
      ['PATCH', '/api/admin/stores/demo', '{broken'],
      ['POST', '/api/admin/stores/demo/signage', { kind: 'image' }],
      ['POST', '/api/admin/stores/demo/broadcasts', { message: '' }],
      ['POST', '/api/admin/stores/demo/devices/pair', { code: '12', name: 'x' }],
      ['POST', '/api/admin/users', { username: 'no', password: 'short', role: 'operator', storeIds: ['demo'] }],
    ];
    for (const [method, path, body] of cases) {
      const res = await server.api(method, path, body, manager);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
  });

  it('changes store settings through the engine and lists the change in the audit log', async () => {
    const res = await server.api(
      'PATCH',
      '/api/admin/stores/demo',
      { serviceLevelTargetSec: 240, openingHours: { '1': { open: '09:00', close: '21:00' } } },
      manager,
    );
    expect(res.status).toBe(200);
    expect(res.body.store.settings).toMatchObject({ serviceLevelTargetSec: 240, name: 'Linecast Demo Store' });
    expect((await server.api('GET', '/api/stores/demo')).body.serviceLevelTargetSec).toBe(240);
    const audit = await server.api('GET', '/api/admin/stores/demo/audit', undefined, manager);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('store_updated');
  });

  it('only an admin creates stores and managers', async () => {
    expect(
      (await server.api('POST', '/api/admin/stores', { slug: 'north', name: 'North', timeZone: 'UTC' }, manager))
        .status,
    ).toBe(403);
    const created = await server.api(
      'POST',
      '/api/admin/stores',
      { slug: 'north', name: 'North', timeZone: 'Europe/London' },
      admin,
    );
    expect(created.status).toBe(201);
    expect((await server.api('GET', '/api/stores/north')).body.name).toBe('North');
    expect((await server.api('GET', '/api/admin/stores/north', undefined, manager)).status).toBe(403);
    const stores = await server.api('GET', '/api/admin/stores', undefined, manager);
    expect(stores.body.stores.map((s: { settings: { id: string } }) => s.settings.id)).toEqual(['demo']);
    const asManager = { username: 'boss2', password: 'password-123', role: 'manager', storeIds: ['demo'] };
    expect((await server.api('POST', '/api/admin/users', asManager, manager)).status).toBe(403);
    const elsewhere = { username: 'op-north', password: 'password-123', role: 'operator', storeIds: ['north'] };
    expect((await server.api('POST', '/api/admin/users', elsewhere, manager)).status).toBe(403);
    const op = await server.api(
      'POST',
      '/api/admin/users',
      { ...elsewhere, username: 'op-demo', storeIds: ['demo'] },
      manager,
    );
    expect(op.status).toBe(201);
    const off = await server.api('PATCH', `/api/admin/users/${op.body.user.id}`, { active: false }, manager);
    expect(off.body.user.active).toBe(false);
    expect((await server.api('PATCH', `/api/admin/users/${op.body.user.id}`, { role: 'admin' }, manager)).status).toBe(
      403,
    );
  });

  it('pairs a screen by the code it shows, lists it and revokes it', async () => {
    const pairing = await server.api('POST', '/api/devices/pairing', { store: 'demo', kind: 'signage' });
    expect(pairing.status).toBe(201);
    expect(
      (await server.api('POST', '/api/admin/stores/demo/devices/pair', { code: '000000', name: 'Wrong' }, manager))
        .status,
    ).toBe(404);
    const paired = await server.api(
      'POST',
      '/api/admin/stores/demo/devices/pair',
      { code: pairing.body.code, name: 'Entrance screen' },
      manager,
    );
    expect(paired.status).toBe(201);
    expect(paired.body.device).toMatchObject({ name: 'Entrance screen', kind: 'signage' });
    const poll = await server.api('GET', `/api/devices/pairing/${pairing.body.pairingId}`);
    expect(poll.body.status).toBe('paired');
    const list = await server.api('GET', '/api/admin/stores/demo/devices', undefined, manager);
    expect(list.body.devices).toEqual([expect.objectContaining({ name: 'Entrance screen', status: 'offline' })]);
    expect(
      (await server.api('DELETE', `/api/admin/stores/demo/devices/${paired.body.device.id}`, undefined, manager))
        .status,
    ).toBe(200);
    const again = await server.api('GET', '/api/admin/stores/demo/devices', undefined, manager);
    expect(again.body.devices[0].status).toBe('revoked');
  });

  it('signage content: upload, playlist in order, broadcast and its end', async () => {
    const upload = await fetch(`${server.url}/api/admin/stores/demo/signage/media`, {
      method: 'POST',
      headers: { cookie: manager, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const { url, kind } = (await upload.json()) as { url: string; kind: string };
    expect(kind).toBe('image');
    const file = await fetch(server.url + url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    const badType = await fetch(`${server.url}/api/admin/stores/demo/signage/media`, {
      method: 'POST',
      headers: { cookie: manager, 'content-type': 'text/html' },
      body: '<p>',
    });
    expect(badType.status).toBe(415);

    const image = await server.api(
      'POST',
      '/api/admin/stores/demo/signage',
      { kind: 'image', url, durationSec: 8, sortOrder: 20 },
      manager,
    );
    const text = await server.api(
      'POST',
      '/api/admin/stores/demo/signage',
      {
        kind: 'text',
        text: 'Welcome',
        sortOrder: 10,
        windows: [{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' }],
      },
      manager,
    );
    const hidden = await server.api(
      'POST',
      '/api/admin/stores/demo/signage',
      { kind: 'text', text: 'Hidden', active: false },
      manager,
    );
    expect([image.status, text.status, hidden.status]).toEqual([201, 201, 201]);
    const playlist = await server.api('GET', '/api/stores/demo/signage/playlist');
    expect(playlist.body.items).toEqual([
      {
        id: text.body.item.id,
        kind: 'text',
        text: 'Welcome',
        durationSec: 10,
        windows: [{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' }],
      },
      { id: image.body.item.id, kind: 'image', url, durationSec: 8, windows: [] },
    ]);
    await server.api('DELETE', `/api/admin/stores/demo/signage/${text.body.item.id}`, undefined, manager);
    expect((await server.api('GET', '/api/stores/demo/signage/playlist')).body.items).toHaveLength(1);

    expect((await server.api('GET', '/api/stores/demo/signage/broadcast')).body.broadcast).toBeNull();
    const created = await server.api(
      'POST',
      '/api/admin/stores/demo/broadcasts',
      { message: 'Store closes in 15 minutes', durationMin: 15 },
      manager,
    );
    expect(created.status).toBe(201);
    const live = await server.api('GET', '/api/stores/demo/signage/broadcast');
    expect(live.body.broadcast).toMatchObject({ id: created.body.broadcast.id, message: 'Store closes in 15 minutes' });
    await server.api('DELETE', `/api/admin/stores/demo/broadcasts/${created.body.broadcast.id}`, undefined, manager);
    expect((await server.api('GET', '/api/stores/demo/signage/broadcast')).body.broadcast).toBeNull();
  });

  it('an operator gets 403 from every manager and admin API', async () => {
    const doc = (await server.api('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-audience': string }>>;
    };
    const guarded = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op['x-audience'] === 'manager' || op['x-audience'] === 'admin')
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.replace('{store}', 'demo').replace(/\{(\w+)\}/g, 'x-$1'),
          audience: op['x-audience'],
        })),
    );
    const adminRoutes = guarded.filter((r) => r.path.startsWith('/api/admin/'));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(20);
    for (const route of guarded) {
      const query = route.path.includes('/reports/')
        ? '?from=2025-01-01&to=2025-01-02'
        : route.path.includes('/staffing')
          ? '?date=2025-01-01'
          : '';
      const res = await server.api(
        route.method,
        route.path + query,
        route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        operator,
      );
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
  });
});
