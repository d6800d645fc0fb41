import { describe, expect, it } from 'vitest';
import type { Counter, StoreState, Ticket } from '../../engine/state.ts';
import { baselinePredictions } from './baselines.ts';
import type { WaitModel } from './model.ts';
import { predictWaits } from './predict.ts';
import { countAhead, snapshotFromState } from './snapshot.ts';

const NOW = Date.parse('2025-01-15T10:00:00Z');
const MIN = 60_000;

// Service takes 300 s almost exactly (sigma 0.1); nobody leaves the line.
const model: WaitModel = {
  timeZone: 'UTC',
  services: {},
  fallback: { mu: Math.log(300), sigma: 0.1 },
  abandonPerSec: 0,
  priorityArrivalsPerSec: {},
  calibration: null,
};

function counter(
  id: string,
  serviceIds: string[],
  current: string | null,
  status: Counter['status'] = 'open',
): Counter {
  return {
    id,
    name: id,
    serviceIds,
    status,
    statusSince: NOW - 60 * MIN,
    pauseReason: null,
    operatorId: null,
    currentTicketId: current,
    active: true,
  };
}

function ticket(id: string, serviceId: string, joinedMinAgo: number, extra: Partial<Ticket> = {}): Ticket {
  const at = NOW - joinedMinAgo * MIN;
  return {
    id,
    token: id,
    number: id,
    serviceId,
    priority: false,
    language: 'en',
    status: 'waiting',
    day: '2025-01-15',
    issuedAt: at,
    joinedAt: at,
    firstCalledAt: null,
    calledAt: null,
    startedAt: null,
    doneAt: null,
    counterId: null,
    operatorId: null,
    recalls: 0,
    transfers: 0,
    source: 'kiosk',
    idempotencyKey: null,
    feedbackGiven: false,
    ...extra,
  };
}

function store(counters: Counter[], tickets: Ticket[], priorityRatio = 2): StoreState {
  return {
    settings: {
      id: 's',
      slug: 's',
      name: 's',
      timeZone: 'UTC',
      languages: ['en'],
      serviceLevelTargetSec: 300,
      serviceLevelGoal: 0.8,
      priorityRatio,
      allowPhoneJoin: true,
      autoNoShow: null,
      openingHours: {},
    },
    services: {
      a: { id: 'a', code: 'A', name: { en: 'A' }, sortOrder: 0, active: true },
      b: { id: 'b', code: 'B', name: { en: 'B' }, sortOrder: 1, active: true },
    },
    counters: Object.fromEntries(counters.map((c) => [c.id, c])),
    tickets: Object.fromEntries(tickets.map((t) => [t.id, t])),
    numbering: { day: '2025-01-15', lastByCode: {} },
    priorityStreaks: {},
  };
}

const serving = (id: string, serviceId: string, counterId: string, startedMinAgo: number) =>
  ticket(id, serviceId, startedMinAgo + 1, {
    status: 'serving',
    firstCalledAt: NOW - startedMinAgo * MIN,
    calledAt: NOW - startedMinAgo * MIN,
    startedAt: NOW - startedMinAgo * MIN,
    counterId,
  });

describe('predictWaits', () => {
  it('predicts no wait for a customer arriving when an eligible counter is free', () => {
    const p = predictWaits(store([counter('c1', ['a'], null)], []), model, NOW);
    expect(p.byService.a).toEqual({ p50: 0, p90: 0 });
  });

  it('uses the elapsed service time: a counter 4 of 5 minutes into a service frees in about a minute', () => {
    const p = predictWaits(store([counter('c1', ['a'], 's1')], [serving('s1', 'a', 'c1', 4)]), model, NOW);
    expect(p.byService.a!.p50).toBeGreaterThan(30);
    expect(p.byService.a!.p50).toBeLessThan(120);
  });

  it('gives the second customer in line about one more service time than the first', () => {
    const p = predictWaits(
      store([counter('c1', ['a'], 's1')], [serving('s1', 'a', 'c1', 0), ticket('w1', 'a', 2), ticket('w2', 'a', 1)]),
      model,
      NOW,
    );
    const w1 = p.byTicket.w1!.p50 - 2 * 60;
    const w2 = p.byTicket.w2!.p50 - 60;
    expect(w2 - w1).toBeGreaterThan(240);
    expect(w2 - w1).toBeLessThan(360);
  });

  it('leaves out a service that no open counter serves, and ignores closed counters', () => {
    const p = predictWaits(store([counter('c1', ['a'], null), counter('c2', ['b'], null, 'closed')], []), model, NOW);
    expect(p.byService.a).toBeDefined();
    expect(p.byService.b).toBeUndefined();
  });

  it('counts a waiting priority customer ahead of a normal one under the ratio rule', () => {
    const state = store(
      [counter('c1', ['a'], 's1')],
      [serving('s1', 'a', 'c1', 0), ticket('n1', 'a', 5), ticket('p1', 'a', 1, { priority: true })],
    );
    const snap = snapshotFromState(state, NOW);
    expect(countAhead(snap, snap.waiting.find((w) => w.id === 'n1')!)).toBe(1);
    expect(countAhead(snap, snap.waiting.find((w) => w.id === 'p1')!)).toBe(0);
    const p = predictWaits(state, model, NOW);
    expect(p.byTicket.p1!.p50 - 60).toBeLessThan(p.byTicket.n1!.p50 - 5 * 60);
  });

  it('is deterministic: the same state and time give the same predictions', () => {
    const state = store([counter('c1', ['a', 'b'], 's1')], [serving('s1', 'a', 'c1', 2), ticket('w1', 'b', 1)]);
    expect(predictWaits(state, model, NOW)).toEqual(predictWaits(state, model, NOW));
  });
});

describe('baselines', () => {
  it('computes QL (n+1)/(sμ) and QL with abandonment Σ 1/(sμ+iθ) for two ahead on two busy counters', () => {
    const state = store(
      [counter('c1', ['a'], 's1'), counter('c2', ['a'], 's2')],
      [serving('s1', 'a', 'c1', 1), serving('s2', 'a', 'c2', 2), ticket('w1', 'a', 2), ticket('w2', 'a', 1)],
    );
    const theta = 1 / 600;
    const m = { ...model, abandonPerSec: theta, fallback: { mu: Math.log(300), sigma: 0 } };
    const b = baselinePredictions(snapshotFromState(state, NOW), m, { serviceId: 'a', priority: false })!;
    const mu = 1 / 300;
    expect(b.ql).toBeCloseTo(3 / (2 * mu), 6);
    expect(b['ql-abandon']).toBeCloseTo(1 / (2 * mu) + 1 / (2 * mu + theta) + 1 / (2 * mu + 2 * theta), 6);
    expect(b.hol).toBe(120);
  });
});
