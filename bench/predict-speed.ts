// `npx tsx bench/predict-speed.ts`: CPU time of one wait prediction for a busy line (a figure, not a test).
import type { Counter, StoreState, Ticket } from '../server/engine/state.ts';
import { learnModel } from '../server/insight/prediction/learn.ts';
import { predictWaits } from '../server/insight/prediction/predict.ts';

function busyLine() {
  const NOW = Date.parse('2025-01-15T10:00:00Z');
  const counters: Record<string, Counter> = {};
  const tickets: Record<string, Ticket> = {};
  const base = {
    language: 'en',
    day: '2025-01-15',
    operatorId: null,
    recalls: 0,
    transfers: 0,
    source: 'kiosk',
    idempotencyKey: null,
    feedbackGiven: false,
  } as const;
  for (let i = 0; i < 4; i++) {
    const id = `c${i}`;
    counters[id] = {
      id,
      name: id,
      serviceIds: ['a', 'b'],
      status: 'open',
      statusSince: NOW - 3600_000,
      pauseReason: null,
      operatorId: null,
      currentTicketId: `s${i}`,
      active: true,
    };
    const at = NOW - (i + 1) * 60_000;
    tickets[`s${i}`] = {
      ...base,
      id: `s${i}`,
      token: `s${i}`,
      number: `S${i}`,
      serviceId: 'a',
      priority: false,
      status: 'serving',
      issuedAt: at - 60_000,
      joinedAt: at - 60_000,
      firstCalledAt: at,
      calledAt: at,
      startedAt: at,
      doneAt: null,
      counterId: id,
    };
  }
  for (let i = 0; i < 50; i++) {
    const at = NOW - (50 - i) * 20_000;
    tickets[`w${i}`] = {
      ...base,
      id: `w${i}`,
      token: `w${i}`,
      number: `W${i}`,
      serviceId: i % 3 === 0 ? 'b' : 'a',
      priority: i % 10 === 0,
      status: 'waiting',
      issuedAt: at,
      joinedAt: at,
      firstCalledAt: null,
      calledAt: null,
      startedAt: null,
      doneAt: null,
      counterId: null,
    };
  }
  const state = {
    settings: { id: 's', timeZone: 'UTC', priorityRatio: 2 },
    priorityStreaks: {},
    services: {
      a: { id: 'a', code: 'A', name: { en: 'A' }, sortOrder: 0, active: true },
      b: { id: 'b', code: 'B', name: { en: 'B' }, sortOrder: 1, active: true },
    },
    counters,
    tickets,
  } as unknown as StoreState;
  return { state, NOW };
}

const { state, NOW } = busyLine();
const model = learnModel([], { timeZone: 'UTC', now: NOW });
for (let i = 0; i < 10; i++) predictWaits(state, model, NOW - i);
const reps = 50;
const c0 = process.cpuUsage();
for (let i = 0; i < reps; i++) predictWaits(state, model, NOW + i);
const c = process.cpuUsage(c0);
console.log(
  `predictWaits, 50 waiting, 4 busy counters, 2 services: ${((c.user + c.system) / 1000 / reps).toFixed(1)} ms CPU per call`,
);
