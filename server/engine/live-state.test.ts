import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from './execute.ts';
import { LiveState } from './live-state.ts';
import { stepsArbitrary, storeArbitrary, toCommand } from './testing/random-commands.ts';
import { demoState, T0 } from './testing/store-fixture.ts';
import { waitingIds } from './waiting-index.ts';

describe('LiveState', () => {
  it('previews without changing the live state, then applies to the same state as execute', () => {
    fc.assert(
      fc.property(storeArbitrary, stepsArbitrary(80), (initial, steps) => {
        const live = new LiveState(initial);
        let state = initial;
        let now = T0;
        const issued: string[] = [];
        for (const step of steps) {
          now += step.advance;
          const command = toCommand(step, state, issued);
          const expected = execute(state, command, now);
          if (!expected.ok) continue;
          const before = structuredClone(live.state);
          const after = live.preview(expected.events);
          // A failed commit: nothing applied, the live state is exactly what it was.
          expect(live.state).toEqual(before);
          expect([...waitingIds(live.state.tickets)].sort()).toEqual([...waitingIds(state.tickets)].sort());
          for (const id of Object.keys(after.tickets)) expect(after.tickets[id]).toEqual(expected.state.tickets[id]);
          expect(after.counters).toEqual(expected.state.counters);
          expect(after.numbering).toEqual(expected.state.numbering);
          expect(after.priorityStreaks).toEqual(expected.state.priorityStreaks);
          live.apply(expected.events);
          state = expected.state;
          expect(live.state).toEqual(state);
          expect([...waitingIds(live.state.tickets)].sort()).toEqual([...waitingIds(state.tickets)].sort());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the state it started from alone', () => {
    const initial = demoState();
    const live = new LiveState(initial);
    live.apply([{ type: 'counter:updated', at: T0, counter: { ...initial.counters.c1!, status: 'paused' } }]);
    expect(initial.counters.c1?.status).toBe('open');
    expect(live.state.counters.c1?.status).toBe('paused');
  });
});
