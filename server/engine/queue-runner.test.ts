import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from './execute.ts';
import { createQueueRunner } from './queue-runner.ts';
import { stepsArbitrary, storeArbitrary, toCommand } from './testing/random-commands.ts';
import { demoState, MINUTE, T0 } from './testing/store-fixture.ts';

describe('createQueueRunner', () => {
  it('decides and ends in the same state as execute, step by step', () => {
    fc.assert(
      fc.property(storeArbitrary, stepsArbitrary(80), (initial, steps) => {
        const runner = createQueueRunner(initial);
        let state = initial;
        let now = T0;
        const issued: string[] = [];
        for (const step of steps) {
          now += step.advance;
          const command = toCommand(step, state, issued);
          const expected = execute(state, command, now);
          const decision = runner.execute(command, now);
          expect(decision.ok).toBe(expected.ok);
          if (expected.ok && decision.ok) {
            expect(decision.events).toEqual(expected.events);
            state = expected.state;
          }
          expect(runner.state).toEqual(state);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the state it started from alone', () => {
    const initial = demoState();
    const runner = createQueueRunner(initial);
    runner.execute({ type: 'pause_counter', counterId: 'c1', reason: 'lunch' }, T0);
    expect(initial.counters.c1?.status).toBe('open');
    expect(runner.state.counters.c1?.status).toBe('paused');
  });

  it('runs a busy store day of 8,000 tickets in one private copy', () => {
    const runner = createQueueRunner(demoState({ priorityRatio: 2 }));
    const counters = ['c1', 'c2', 'c3', 'c4'];
    const services = ['sa', 'sb', 'sc'];
    // 8,000 tickets over 11 hours, four calls for every three arrivals once a line has formed.
    for (let i = 0; i < 8000; i++) {
      const now = T0 + i * 5000;
      runner.execute(
        {
          type: 'issue_ticket',
          ticketId: `t${i}`,
          token: `k${i}`,
          serviceId: services[i % 3]!,
          priority: i % 7 === 0,
          language: 'en',
          source: 'kiosk',
          idempotencyKey: null,
        },
        now,
      );
      runner.execute({ type: 'call_next', counterId: counters[i % 4]! }, now + MINUTE / 2);
      if (i % 3 === 0) runner.execute({ type: 'call_next', counterId: counters[(i + 1) % 4]! }, now + MINUTE / 2);
    }
    expect(Object.keys(runner.state.tickets)).toHaveLength(8000);
  });
});
