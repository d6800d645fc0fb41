import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoState, T0 } from '../engine/testing/store-fixture.ts';
import { LineService } from '../line/line-service.ts';
import type { AuditEntry } from './audit-repository.ts';
import type { Storage } from './storage.ts';
import { openTestStorage } from './testing/test-storage.ts';

const entry = (action: string, details: unknown = {}): AuditEntry => ({
  storeId: 'store-1',
  actorId: null,
  action,
  details,
  at: T0,
});

/** An entry that cannot be written (JSON.stringify throws on a BigInt): the write fails mid-transaction. */
const unwritable = (): AuditEntry => entry('broken', { n: 1n });

describe('an admin audit entry lives and dies with the change it records', () => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let lines: LineService;
  const actions = async () => (await storage.audit.recent('store-1', 100)).map((e) => e.action);

  beforeEach(async () => {
    ({ storage, dispose } = await openTestStorage());
    lines = new LineService(storage.lines, () => T0);
    await lines.createStore(demoState(), entry('store_created'));
  });
  afterEach(() => dispose());

  it('writes a line command and its audit entry together', async () => {
    const service = { id: 'sd', code: 'D', name: { en: 'D' }, sortOrder: 40, active: true };
    const result = await lines.dispatch('store-1', { type: 'upsert_service', service }, entry('service_created'));
    expect(result.ok).toBe(true);
    const row = await storage.db.selectFrom('services').select('id').where('id', '=', 'sd').executeTakeFirst();
    expect(row).toEqual({ id: 'sd' });
    expect(await actions()).toEqual(['service_created', 'store_created']);
  });

  it('a rejected command writes neither the change nor the audit entry', async () => {
    const seq = lines.lastSeq('store-1');
    const counter = { id: 'c9', name: 'Nine', serviceIds: ['nope'], active: true };
    const result = await lines.dispatch('store-1', { type: 'upsert_counter', counter }, entry('counter_created'));
    expect(result.ok).toBe(false);
    expect(await storage.db.selectFrom('counters').select('id').where('id', '=', 'c9').execute()).toEqual([]);
    expect(lines.lastSeq('store-1')).toBe(seq);
    expect(await actions()).toEqual(['store_created']);
  });

  it('an audit entry that cannot be written undoes the line change', async () => {
    const service = { id: 'se', code: 'E', name: { en: 'E' }, sortOrder: 50, active: true };
    await expect(lines.dispatch('store-1', { type: 'upsert_service', service }, unwritable())).rejects.toThrow();
    expect(await storage.db.selectFrom('services').select('id').where('id', '=', 'se').execute()).toEqual([]);
    expect(await storage.db.selectFrom('events').select('seq').execute()).toEqual([]);
  });

  it('users, devices and signage write their audit entry in their own transaction', async () => {
    const user = await storage.users.create(
      { username: 'ann', password: 'a long password', role: 'operator', storeIds: ['store-1'] },
      T0,
      ({ id }) => entry('user_created', { id }),
    );
    const item = await storage.signage.create(
      'store-1',
      { kind: 'text', text: 'Hello', durationSec: 10, windows: [] },
      T0,
      (i) => entry('signage_created', { id: i.id }),
    );
    expect(await storage.signage.remove('store-1', 'no-such-item', entry('signage_deleted'))).toBe(false);
    expect(await storage.devices.revoke('store-1', 'no-such-device', T0, entry('device_revoked'))).toBe(false);
    const log = await storage.audit.recent('store-1', 100);
    expect(log.map((e) => [e.action, e.details])).toEqual([
      ['signage_created', { id: item.id }],
      ['user_created', { id: user.id }],
      ['store_created', {}],
    ]);
  });

  it('an audit entry that cannot be written undoes the user, the item and the broadcast', async () => {
    const input = { username: 'bob', password: 'a long password', role: 'operator' as const, storeIds: [] };
    await expect(storage.users.create(input, T0, unwritable)).rejects.toThrow();
    expect(await storage.users.findByUsername('bob')).toBeUndefined();
    const slide = { kind: 'text' as const, text: 'Hi', durationSec: 10, windows: [] };
    await expect(storage.signage.create('store-1', slide, T0, unwritable)).rejects.toThrow();
    expect(await storage.signage.list('store-1')).toEqual([]);
    await expect(
      storage.signage.createBroadcast('store-1', 'Closing soon', T0 + 1, null, T0, unwritable),
    ).rejects.toThrow();
    expect(await storage.signage.listBroadcasts('store-1')).toEqual([]);
    expect(await actions()).toEqual(['store_created']);
  });
});
