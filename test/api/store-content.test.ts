import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: string;
let manager: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.cookieFor('admin');
  manager = await server.cookieFor('manager');
});
afterAll(() => server?.close());

describe('store content in every store language', () => {
  it('takes a store name, a slide and a broadcast per language, and still one plain text for all', async () => {
    const named = await server.api(
      'PATCH',
      '/api/admin/stores/demo',
      { name: { en: 'Corner Shop', 'zh-Hans': '街角店' } },
      manager,
    );
    expect(named.status).toBe(200);
    expect(named.body.store.settings).toMatchObject({
      name: 'Corner Shop',
      nameByLanguage: { en: 'Corner Shop', 'zh-Hans': '街角店' },
    });
    const config = (await server.api('GET', '/api/stores/demo')).body;
    expect(config).toMatchObject({ name: 'Corner Shop', nameByLanguage: { 'zh-Hans': '街角店' }, active: true });

    const slide = await server.api(
      'POST',
      '/api/admin/stores/demo/signage',
      { kind: 'text', text: { en: 'Spring sale', 'zh-Hans': '春季促销' } },
      manager,
    );
    expect(slide.status).toBe(201);
    expect(slide.body.item).toMatchObject({ text: 'Spring sale', textByLanguage: { 'zh-Hans': '春季促销' } });
    const playlist = (await server.api('GET', '/api/stores/demo/signage/playlist')).body.items;
    expect(playlist.find((i: { id: string }) => i.id === slide.body.item.id)).toMatchObject({
      text: 'Spring sale',
      textByLanguage: { en: 'Spring sale', 'zh-Hans': '春季促销' },
    });

    const broadcast = await server.api(
      'POST',
      '/api/admin/stores/demo/broadcasts',
      { message: { en: 'Closing at nine', 'zh-Hans': '九点打烊' }, durationMin: 5 },
      manager,
    );
    expect(broadcast.status).toBe(201);
    const live = (await server.api('GET', '/api/stores/demo/signage/broadcast')).body.broadcast;
    expect(live).toMatchObject({ message: 'Closing at nine', messageByLanguage: { 'zh-Hans': '九点打烊' } });

    // A plain string is one text for every language, as before.
    const plain = await server.api('PATCH', '/api/admin/stores/demo', { name: 'Corner' }, manager);
    expect(plain.body.store.settings.name).toBe('Corner');
    expect(plain.body.store.settings.nameByLanguage).toBeUndefined();
    const plainSlide = await server.api(
      'PATCH',
      `/api/admin/stores/demo/signage/${slide.body.item.id}`,
      { text: 'Sale' },
      manager,
    );
    expect(plainSlide.body.item).toMatchObject({ text: 'Sale' });
    expect(plainSlide.body.item.textByLanguage).toBeUndefined();
  });

  it('refuses per-language text without English or past the length limit, changing nothing', async () => {
    const before = (await server.api('GET', '/api/stores/demo')).body;
    for (const body of [
      { name: { 'zh-Hans': '只有中文' } },
      { name: { en: 'x'.repeat(81) } },
      { name: { en: 'A', fr: 'B' } },
    ]) {
      const res = await server.api('PATCH', '/api/admin/stores/demo', body, manager);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const tooLong = { message: { en: 'ok', 'zh-Hans': '长'.repeat(301) }, durationMin: 5 };
    expect((await server.api('POST', '/api/admin/stores/demo/broadcasts', tooLong, manager)).status).toBe(422);
    expect((await server.api('GET', '/api/stores/demo')).body).toEqual(before);
  });
});

describe('deactivating a store', () => {
  it('stops its tickets until reactivated, and the store stays listed for its admin', async () => {
    await server.api('POST', '/api/admin/stores', { slug: 'east', name: 'East', timeZone: 'UTC' }, admin);
    await server.api('POST', '/api/admin/stores/east/services', { id: 'help', code: 'H', name: { en: 'Help' } }, admin);
    const off = await server.api('PATCH', '/api/admin/stores/east', { active: false }, admin);
    expect(off.body.store.settings.active).toBe(false);
    expect((await server.api('GET', '/api/stores/east')).body.active).toBe(false);
    const refused = await server.api('POST', '/api/stores/east/tickets', { serviceId: 'help' }, admin);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('store_inactive');
    const listed = (await server.api('GET', '/api/admin/stores', undefined, admin)).body.stores;
    expect(listed.find((s: { settings: { id: string } }) => s.settings.id === 'east').settings.active).toBe(false);

    await server.api('PATCH', '/api/admin/stores/east', { active: true }, admin);
    expect((await server.api('POST', '/api/stores/east/tickets', { serviceId: 'help' }, admin)).status).toBe(201);
  });
});
