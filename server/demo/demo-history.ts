import { addDays, localParts, parseClockTime } from '../../shared/time.ts';
import type { EngineEvent } from '../engine/events.ts';
import { applyEvents } from '../engine/index.ts';
import type { StoreState } from '../engine/state.ts';
import { type ProfileInput, ProfileSchema } from '../insight/simulator/profile.ts';
import { simulateHistory } from '../insight/simulator/simulate-history.ts';
import type { LineService } from '../line/line-service.ts';
import { withSimulatedFeedback } from './demo-feedback.ts';

/** A busy flagship store: lunch and evening peaks, quieter mornings, busier weekends (also the generator's profile). */
export const DEMO_PROFILE: ProfileInput = {
  name: 'demo',
  timeZone: 'Asia/Shanghai',
  open: '10:00',
  close: '22:00',
  priorityRatio: 2,
  serviceLevelTargetSec: 300,
  serviceLevelGoal: 0.8,
  services: [
    {
      id: 'pickup',
      code: 'A',
      name: 'Pick-up',
      // 48 slots from 10:00: ramp up, lunch peak 12:00–13:30, afternoon, evening peak 18:00–20:00.
      arrivalsPer15Min: [
        3, 4, 5, 6, 7, 8, 10, 12, 13, 13, 11, 9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 10, 11, 12, 12, 12, 12, 11, 10,
        9, 8, 7, 6, 5, 4, 3,
      ],
      priorityShare: 0.05,
      serviceTime: { kind: 'lognormal', meanSec: 150, cv: 0.6 },
    },
    {
      id: 'returns',
      code: 'B',
      name: 'Returns',
      arrivalsPer15Min: [
        1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 5, 5, 4, 4, 3, 3, 3, 2, 2,
        2, 1, 1,
      ],
      priorityShare: 0.05,
      serviceTime: { kind: 'lognormal', meanSec: 300, cv: 0.8 },
    },
    {
      id: 'personalisation',
      code: 'C',
      name: 'Personalisation',
      arrivalsPer15Min: [
        0.5, 1, 1, 1, 1.5, 1.5, 2, 2, 2, 2, 1.5, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 1.5, 2, 2, 2, 2, 1.5,
        1.5, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5,
      ],
      priorityShare: 0.03,
      serviceTime: { kind: 'lognormal', meanSec: 480, cv: 0.7 },
    },
  ],
  counters: [
    {
      id: 'c1',
      name: 'Counter 1',
      serviceIds: ['pickup', 'returns', 'personalisation'],
      schedule: [{ from: '10:00', to: '22:00' }],
    },
    {
      id: 'c2',
      name: 'Counter 2',
      serviceIds: ['pickup', 'returns', 'personalisation'],
      schedule: [{ from: '10:00', to: '22:00' }],
    },
    { id: 'c3', name: 'Counter 3', serviceIds: ['pickup'], schedule: [{ from: '11:30', to: '21:00' }] },
    { id: 'c4', name: 'Counter 4', serviceIds: ['returns'], schedule: [{ from: '12:00', to: '20:30' }] },
  ],
  noShowShare: 0.03,
  noShowAfterSec: 60,
  walkUpSec: 25,
  meanPatienceSec: 1500,
  weekdayFactor: { '6': 1.3, '7': 1.4 },
};

/**
 * Fills a fresh store with `days` of simulated history (run through the real engine) ending
 * yesterday, or today once the store has closed, so dashboards, reports, forecasts and wait
 * predictions have data from the first start.
 */
export async function seedDemoHistory(lines: LineService, storeId: string, days: number): Promise<void> {
  const state = lines.state(storeId);
  if (!state) return;
  const profile = ProfileSchema.parse(DEMO_PROFILE);
  const now = localParts(lines.now(), state.settings.timeZone);
  // Today counts once the store has closed: every simulated event is then in the past.
  const closed = now.hour * 60 + now.minute >= (parseClockTime(profile.close) ?? 24 * 60);
  const endDay = closed ? now.day : addDays(now.day, -1);
  const { events } = simulateHistory(state, profile, { days, endDay, seed: 20261123, truth: false });
  await lines.importHistory(storeId, batchesByDay(state, withSimulatedFeedback(events, 20261124)));
}

/** Groups events per local day with the state at the end of that day (what projections need). */
export function batchesByDay(
  initial: StoreState,
  events: EngineEvent[],
): Array<{ events: EngineEvent[]; after: StoreState }> {
  const days: EngineEvent[][] = [];
  let day = '';
  for (const e of events) {
    const eventDay = localParts(e.at, initial.settings.timeZone).day;
    if (eventDay !== day) days.push([]);
    day = eventDay;
    days.at(-1)?.push(e);
  }
  let state = initial;
  return days.map((dayEvents) => {
    state = applyEvents(state, dayEvents);
    return { events: dayEvents, after: state };
  });
}
