import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents } from './apply-event.ts';
import type { EngineEvent } from './events.ts';
import { execute } from './execute.ts';
import { stepsArbitrary, storeArbitrary, toCommand } from './testing/random-commands.ts';
import { demoState, issue, run, T0 } from './testing/store-fixture.ts';

describe('applyEvent', () => {
  it('never changes the state it is given', () => {
    const before = run(demoState(), [issue('a1'), issue('a2'), { type: 'call_next', counterId: 'c1' }]);
    const snapshot = structuredClone(before);
    run(before, [
      { type: 'call_next', counterId: 'c1' },
      { type: 'transfer', counterId: 'c1', serviceId: 'sb' },
    ]);
    expect(before).toEqual(snapshot);
  });

  it('shares what an event does not touch', () => {
    const before = run(demoState(), [issue('a1')]);
    const after = applyEvent(before, { type: 'ticket:cancelled', at: T0, ticketId: 'a1' });
    expect(after.counters).toBe(before.counters);
    expect(after.services).toBe(before.services);
  });

  it('refuses events about tickets it has never seen', () => {
    expect(() => applyEvent(demoState(), { type: 'ticket:cancelled', at: T0, ticketId: 'zz' })).toThrow(
      /unknown ticket/,
    );
  });

  it('folds a batch the same as one event at a time', () => {
    fc.assert(
      fc.property(storeArbitrary, stepsArbitrary(60), (initial, steps) => {
        let state = initial;
        let now = T0;
        const issued: string[] = [];
        const events: EngineEvent[] = [];
        for (const step of steps) {
          now += step.advance;
          const result = execute(state, toCommand(step, state, issued), now);
          if (!result.ok) continue;
          events.push(...result.events);
          state = result.state;
        }
        expect(applyEvents(initial, events)).toEqual(events.reduce(applyEvent, initial));
        expect(applyEvents(initial, events)).toEqual(state);
      }),
      { numRuns: 100 },
    );
  });
});
