import { addDays } from '../../../shared/time.ts';
import type { EngineEvent } from '../../engine/events.ts';
import type { StoreState } from '../../engine/state.ts';
import { hashSeed } from '../prng.ts';
import type { Profile } from './profile.ts';
import { type PredictHook, simulateDay } from './simulate-day.ts';
import type { TruthRow } from './truth.ts';

export interface HistoryOptions {
  /** Number of consecutive days to simulate, ending with `endDay`. */
  days: number;
  /** Last local date simulated, "YYYY-MM-DD" (e.g. yesterday, for demo history). */
  endDay: string;
  seed: number;
  predict?: PredictHook;
  staffing?: number[];
  /** false: no truth rows (bulk history only needs the events). */
  truth?: boolean;
}

export interface HistoryResult {
  /** Every engine event in order, each with its `at`: append them to the event log as they are. */
  events: EngineEvent[];
  finalState: StoreState;
  truth: TruthRow[];
}

/**
 * Simulates `days` store days ending on `endDay`, continuing from `state` (e.g. the demo store
 * on first start gets 28 days of history). Day d uses seed hash(seed, d), so a day replays alike.
 * @example const { events } = simulateHistory(state, profile, { days: 28, endDay: '2025-06-01', seed: 1 });
 */
export function simulateHistory(state: StoreState, profile: Profile, opts: HistoryOptions): HistoryResult {
  const events: EngineEvent[] = [];
  const truth: TruthRow[] = [];
  let current = state;
  for (let i = opts.days - 1; i >= 0; i--) {
    const date = addDays(opts.endDay, -i);
    const day = simulateDay(current, profile, {
      date,
      seed: hashSeed(opts.seed, i),
      ...(opts.predict ? { predict: opts.predict } : {}),
      ...(opts.staffing ? { staffing: opts.staffing } : {}),
      ...(opts.truth === false ? { truth: false } : {}),
    });
    current = day.state;
    events.push(...day.events);
    truth.push(...day.truth);
  }
  return { events, finalState: current, truth };
}
