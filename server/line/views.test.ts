import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from '../engine/execute.ts';
import { LiveState } from '../engine/live-state.ts';
import { stepsArbitrary, storeArbitrary, toCommand } from '../engine/testing/random-commands.ts';
import { T0 } from '../engine/testing/store-fixture.ts';
import { queueSnapshot } from './views.ts';

const NO_WAITS = { byService: {}, byTicket: {} };

describe('queueSnapshot', () => {
  it('from the live line’s indexes equals the one from a scan of every ticket', () => {
    fc.assert(
      fc.property(storeArbitrary, stepsArbitrary(80), (initial, steps) => {
        const live = new LiveState(initial);
        let state = initial;
        let now = T0;
        const issued: string[] = [];
        for (const step of steps) {
          now += step.advance;
          const result = execute(state, toCommand(step, state, issued), now);
          if (!result.ok) continue;
          live.apply(result.events);
          state = result.state;
          // A fresh record has no index of recent calls: the snapshot scans it.
          const scanned = { ...live.state, tickets: { ...live.state.tickets } };
          expect(queueSnapshot(live.state, 1, NO_WAITS, now)).toEqual(queueSnapshot(scanned, 1, NO_WAITS, now));
        }
      }),
      { numRuns: 100 },
    );
  });
});
