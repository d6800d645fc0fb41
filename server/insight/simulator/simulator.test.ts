import { describe, expect, it } from 'vitest';
import { parseProfile } from './profile.ts';
import { simulateHistory } from './simulate-history.ts';
import { storeFromProfile } from './store-from-profile.ts';

const profile = parseProfile({
  name: 'tiny',
  open: '09:00',
  close: '11:00',
  services: [
    { id: 'a', code: 'A', name: 'A', arrivalsPer15Min: [8], serviceTime: { kind: 'lognormal', meanSec: 200, cv: 0.8 } },
    {
      id: 'b',
      code: 'B',
      name: 'B',
      arrivalsPer15Min: [3],
      serviceTime: { kind: 'empirical', samplesSec: [60, 120, 400] },
    },
  ],
  counters: [
    { id: 'c1', name: '1', serviceIds: ['a', 'b'], schedule: [{ from: '09:00', to: '11:00' }] },
    { id: 'c2', name: '2', serviceIds: ['a'], schedule: [{ from: '09:30', to: '10:30' }] },
  ],
  meanPatienceSec: 600,
});

const run = (seed: number) =>
  simulateHistory(storeFromProfile(profile, '2025-03-01', Date.parse('2025-03-01T00:00:00Z')), profile, {
    days: 2,
    endDay: '2025-03-03',
    seed,
  });

describe('simulator', () => {
  it('replays exactly: the same seed gives the same events and truth', () => {
    expect(run(7)).toEqual(run(7));
  });

  it('gives different days for different seeds', () => {
    expect(run(7).truth).not.toEqual(run(8).truth);
  });

  it('serves customers only at counters allowed to serve their service, and never before they arrive', () => {
    const { truth } = run(3);
    expect(truth.length).toBeGreaterThan(50);
    for (const t of truth) {
      if (t.counterId === 'c2') expect(t.serviceId).toBe('a');
      if (t.waitSec !== null) expect(t.waitSec).toBeGreaterThanOrEqual(0);
    }
    expect(truth.some((t) => t.status === 'cancelled')).toBe(true);
  });

  it('rejects a profile with a malformed time', () => {
    expect(() => parseProfile({ ...profile, open: '9am' })).toThrow();
  });
});
