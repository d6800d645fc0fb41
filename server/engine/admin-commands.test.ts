import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import type { StoreSettings } from './state.ts';
import {
  counter,
  demoState,
  eventsOf,
  issue,
  rejectionOf,
  run,
  service,
  settings,
  T0,
} from './testing/store-fixture.ts';

const { id: _id, slug: _slug, ...editable } = settings;
const updateSettings = (change: Partial<StoreSettings>): Command => ({
  type: 'update_settings',
  settings: { ...editable, ...change },
});
const upsertCounter = (id: string, serviceIds: string[], active = true): Command => ({
  type: 'upsert_counter',
  counter: { id, name: `Counter ${id}`, serviceIds, active },
});

describe('update_settings', () => {
  it('emits the new settings, keeping id and slug', () => {
    const [event] = eventsOf(demoState(), updateSettings({ name: 'Flagship', priorityRatio: 3 }), T0);
    expect(event).toEqual({
      type: 'store:updated',
      at: T0,
      settings: { ...settings, name: 'Flagship', priorityRatio: 3 },
    });
  });

  it.each<[string, Partial<StoreSettings>]>([
    ['an empty name', { name: ' ' }],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }],
    ['no languages', { languages: [] }],
    ['a fractional priority ratio', { priorityRatio: 1.5 }],
    ['a priority ratio above 10', { priorityRatio: 11 }],
    ['a negative priority ratio', { priorityRatio: -1 }],
    ['a zero service-level target', { serviceLevelTargetSec: 0 }],
    ['a service-level goal above 1', { serviceLevelGoal: 1.2 }],
    ['a negative grace time', { autoNoShow: { graceSec: -1, maxRecalls: 1 } }],
    ['closing before opening', { openingHours: { 1: { open: '18:00', close: '09:00' } } }],
    ['a malformed hour', { openingHours: { 2: { open: '9:00', close: '18:00' } } }],
  ])('refuses %s', (_, change) => {
    expect(rejectionOf(demoState(), updateSettings(change))?.code).toBe('invalid_settings');
  });
});

describe('upsert_service', () => {
  it('adds a service and changes an existing one', () => {
    const state = run(demoState(), [{ type: 'upsert_service', service: service('sd', 'DV') }]);
    expect(state.services.sd?.code).toBe('DV');
    const renamed = run(state, [
      { type: 'upsert_service', service: { ...service('sa', 'A'), name: { en: 'Returns' } } },
    ]);
    expect(renamed.services.sa?.name.en).toBe('Returns');
  });

  it.each([
    ['an empty code', ''],
    ['lower case', 'a'],
    ['more than three letters', 'ABCD'],
    ['digits', 'A1'],
    ['a code another service uses', 'B'],
  ])('refuses %s', (_, code) => {
    expect(rejectionOf(demoState(), { type: 'upsert_service', service: service('sd', code) })?.code).toBe(
      'invalid_settings',
    );
  });

  it('keeps waiting tickets in line when a service is switched off', () => {
    const state = run(demoState(), [issue('a1'), { type: 'upsert_service', service: service('sa', 'A', false) }]);
    expect(state.tickets.a1?.status).toBe('waiting');
    expect(run(state, [{ type: 'call_next', counterId: 'c3' }]).tickets.a1?.status).toBe('called');
  });
});

describe('upsert_counter', () => {
  it('adds a closed counter', () => {
    const [event] = eventsOf(demoState(), upsertCounter('c5', ['sa', 'sc']), T0);
    expect(event).toEqual({
      type: 'counter:updated',
      at: T0,
      counter: { ...counter('c5', ['sa', 'sc'], 'closed'), name: 'Counter c5' },
    });
  });

  it('changes services of an existing counter without touching its status', () => {
    const state = run(demoState(), [upsertCounter('c3', ['sa', 'sb'])]);
    expect(state.counters.c3).toMatchObject({ serviceIds: ['sa', 'sb'], status: 'open', operatorId: 'op-c3' });
  });

  it('closes a counter it deactivates', () => {
    const state = run(demoState(), [upsertCounter('c3', ['sa'], false)]);
    expect(state.counters.c3).toMatchObject({ active: false, status: 'closed', operatorId: null });
  });

  it('refuses to deactivate a counter with a current ticket', () => {
    const state = run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c3' }]);
    expect(rejectionOf(state, upsertCounter('c3', ['sa'], false))?.code).toBe('counter_busy');
  });

  it('refuses unknown services, no services and a missing name', () => {
    expect(rejectionOf(demoState(), upsertCounter('c5', ['sa', 'nope']))?.code).toBe('unknown_service');
    expect(rejectionOf(demoState(), upsertCounter('c5', []))?.code).toBe('invalid_settings');
    expect(rejectionOf(demoState(), upsertCounter('c5', ['sa', 'sa']))?.code).toBe('invalid_settings');
    const nameless: Command = {
      type: 'upsert_counter',
      counter: { id: 'c5', name: '', serviceIds: ['sa'], active: true },
    };
    expect(rejectionOf(demoState(), nameless)?.code).toBe('invalid_settings');
  });
});
