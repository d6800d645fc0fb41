import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import type { StoreState } from './state.ts';
import { counter, demoState, eventsOf, issue, MINUTE, rejectionOf, run, T0 } from './testing/store-fixture.ts';

const open = (counterId: string, operatorId: string | null = 'op-9'): Command => ({
  type: 'open_counter',
  counterId,
  operatorId,
});
const pause = (counterId: string): Command => ({ type: 'pause_counter', counterId, reason: 'lunch' });
const close = (counterId: string): Command => ({ type: 'close_counter', counterId });

function withClosedC3(): StoreState {
  const state = demoState();
  return { ...state, counters: { ...state.counters, c3: counter('c3', ['sa'], 'closed') } };
}

describe('open_counter', () => {
  it('opens a closed counter for an operator and says so with the whole counter', () => {
    const events = eventsOf(withClosedC3(), open('c3'), T0 + MINUTE);
    expect(events).toEqual([
      {
        type: 'counter:updated',
        at: T0 + MINUTE,
        counter: { ...counter('c3', ['sa'], 'closed'), status: 'open', statusSince: T0 + MINUTE, operatorId: 'op-9' },
      },
    ]);
  });

  it('only changes the operator of an open counter', () => {
    const state = run(demoState(), [open('c3', 'op-new')], T0 + MINUTE);
    expect(state.counters.c3).toMatchObject({ status: 'open', statusSince: T0, operatorId: 'op-new' });
  });

  it('reopens a paused counter and forgets why it paused', () => {
    const state = run(demoState(), [pause('c3'), open('c3')]);
    expect(state.counters.c3).toMatchObject({ status: 'open', pauseReason: null });
  });
});

describe('pause_counter and close_counter', () => {
  it('pause with a reason and close, each time from now', () => {
    const paused = run(demoState(), [pause('c3')], T0 + MINUTE);
    expect(paused.counters.c3).toMatchObject({ status: 'paused', pauseReason: 'lunch', statusSince: T0 + MINUTE });
    const closed = run(paused, [close('c3')], T0 + 2 * MINUTE);
    expect(closed.counters.c3).toMatchObject({ status: 'closed', pauseReason: null, operatorId: null });
    expect(closed.counters.c3?.statusSince).toBe(T0 + 2 * MINUTE);
  });

  it('refuse while the counter has a current ticket', () => {
    const state = run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c3' }]);
    expect(rejectionOf(state, pause('c3'))?.code).toBe('counter_busy');
    expect(rejectionOf(state, close('c3'))?.code).toBe('counter_busy');
  });
});

describe('counter status commands', () => {
  it('refuse deactivated and unknown counters', () => {
    const state = demoState();
    const inactive = { ...state, counters: { ...state.counters, c3: { ...counter('c3', ['sa']), active: false } } };
    for (const command of [open, pause, close]) {
      expect(rejectionOf(inactive, command('c3'))?.code).toBe('counter_inactive');
      expect(rejectionOf(state, command('c9'))?.code).toBe('unknown_counter');
    }
  });
});
