import { describe, expect, it } from 'vitest';
import { demoState, eventsOf, issue, MINUTE, run, T0 } from './testing/store-fixture.ts';

const expire = { type: 'expire_calls' } as const;

describe('expire_calls', () => {
  const setup = (maxRecalls: number) =>
    run(demoState({ autoNoShow: { graceSec: 120, maxRecalls } }), [
      issue('a1'),
      { type: 'call_next', counterId: 'c3' },
    ]);
  const calledAt = T0 + MINUTE;

  it('does nothing when the store did not turn it on', () => {
    const state = run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c3' }]);
    expect(eventsOf(state, expire, T0 + 60 * MINUTE)).toEqual([]);
  });

  it('waits for the grace time after the latest call', () => {
    expect(eventsOf(setup(0), expire, calledAt + 119_000)).toEqual([]);
    expect(eventsOf(setup(0), expire, calledAt + 120_000)).toEqual([
      { type: 'ticket:no_show', at: calledAt + 120_000, ticketId: 'a1', counterId: 'c3' },
    ]);
  });

  it('waits until the allowed recalls are used, counting grace from the last recall', () => {
    const state = setup(1);
    expect(eventsOf(state, expire, calledAt + 10 * MINUTE)).toEqual([]);
    const recalled = run(state, [{ type: 'recall', counterId: 'c3' }], calledAt + 10 * MINUTE);
    expect(eventsOf(recalled, expire, calledAt + 11 * MINUTE)).toEqual([]);
    const after = run(recalled, [expire], calledAt + 12 * MINUTE);
    expect(after.tickets.a1?.status).toBe('no_show');
    expect(after.counters.c3?.currentTicketId).toBeNull();
  });

  it('leaves tickets being served alone', () => {
    const state = run(setup(0), [{ type: 'start_service', counterId: 'c3' }], calledAt + MINUTE);
    expect(eventsOf(state, expire, calledAt + 60 * MINUTE)).toEqual([]);
  });
});
