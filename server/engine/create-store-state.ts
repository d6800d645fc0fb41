import type { Counter, Service, StoreSettings, StoreState } from './state.ts';

/**
 * The state of a store with no tickets yet.
 * @example createStoreState(settings, [returns, pickup], [counter1, counter2])
 */
export function createStoreState(settings: StoreSettings, services: Service[], counters: Counter[]): StoreState {
  return {
    settings,
    services: Object.fromEntries(services.map((s) => [s.id, s])),
    counters: Object.fromEntries(counters.map((c) => [c.id, c])),
    tickets: {},
    // The first ticket sees a different day and starts the numbering.
    numbering: { day: '', lastByCode: {} },
    priorityStreaks: {},
  };
}
