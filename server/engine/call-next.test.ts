import { describe, expect, it } from 'vitest';
import { callSequence, counter, demoState, eventsOf, issue, rejectionOf, run, T0 } from './testing/store-fixture.ts';

describe('call_next', () => {
  it('calls the ticket that joined first among those the counter serves', () => {
    const state = run(demoState(), [issue('b1', 'sb'), issue('a1'), issue('a2')]);
    expect(callSequence(state, 'c3', 3).called).toEqual(['a1', 'a2']);
    expect(callSequence(state, 'c1', 3).called).toEqual(['b1', 'a1', 'a2']);
  });

  it('marks the ticket called at the counter, with the operator on the event', () => {
    const state = run(demoState(), [issue('a1')]);
    const events = eventsOf(state, { type: 'call_next', counterId: 'c3' }, T0 + 5);
    expect(events).toEqual([
      { type: 'ticket:called', at: T0 + 5, ticketId: 'a1', counterId: 'c3', operatorId: 'op-c3', manual: null },
    ]);
    const after = run(state, [{ type: 'call_next', counterId: 'c3' }], T0 + 5);
    expect(after.tickets.a1).toMatchObject({
      status: 'called',
      counterId: 'c3',
      calledAt: T0 + 5,
      firstCalledAt: T0 + 5,
    });
    expect(after.counters.c3?.currentTicketId).toBe('a1');
  });

  it('finishes the current ticket before calling the next one', () => {
    const state = run(demoState(), [issue('a1'), issue('a2'), { type: 'call_next', counterId: 'c3' }]);
    const events = eventsOf(state, { type: 'call_next', counterId: 'c3' });
    expect(events.map((e) => e.type)).toEqual(['ticket:done', 'ticket:called']);
    const after = run(state, [{ type: 'call_next', counterId: 'c3' }]);
    expect(after.tickets.a1?.status).toBe('done');
    expect(after.counters.c3?.currentTicketId).toBe('a2');
  });

  it('is accepted with no events when nobody the counter serves waits', () => {
    const state = run(demoState(), [issue('b1', 'sb')]);
    expect(eventsOf(state, { type: 'call_next', counterId: 'c3' })).toEqual([]);
  });

  it('still finishes the current ticket when nobody else waits', () => {
    const state = run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c3' }]);
    expect(eventsOf(state, { type: 'call_next', counterId: 'c3' }).map((e) => e.type)).toEqual(['ticket:done']);
  });

  it('makes at most `priorityRatio` priority calls in a row while normal tickets wait', () => {
    const state = run(demoState({ priorityRatio: 2 }), [
      issue('n1'),
      issue('p1', 'sa', true),
      issue('p2', 'sa', true),
      issue('p3', 'sa', true),
      issue('n2'),
      issue('p4', 'sa', true),
    ]);
    expect(callSequence(state, 'c3', 6).called).toEqual(['p1', 'p2', 'n1', 'p3', 'p4', 'n2']);
  });

  it('lets priority calls run on when no normal ticket waits for that counter', () => {
    const state = run(demoState({ priorityRatio: 1 }), [
      issue('p1', 'sa', true),
      issue('p2', 'sa', true),
      issue('p3', 'sa', true),
      issue('b1', 'sb'),
    ]);
    expect(callSequence(state, 'c3', 3).called).toEqual(['p1', 'p2', 'p3']);
  });

  it('keeps the streak per counter, so calls elsewhere cannot starve a normal ticket', () => {
    let state = run(demoState({ priorityRatio: 1 }), [
      issue('n1'),
      issue('p1', 'sa', true),
      issue('p2', 'sa', true),
      issue('b1', 'sb'),
      issue('b2', 'sb'),
      { type: 'call_next', counterId: 'c3' },
    ]);
    expect(state.counters.c3?.currentTicketId).toBe('p1');
    state = run(state, [{ type: 'call_next', counterId: 'c4' }], T0 + 60 * 60_000);
    expect(state.priorityStreaks.c3).toBe(1);
    expect(callSequence(state, 'c3', 1).called).toEqual(['n1']);
  });

  it('gives priority no precedence with ratio 0', () => {
    const state = run(demoState({ priorityRatio: 0 }), [issue('n1'), issue('p1', 'sa', true), issue('n2')]);
    expect(callSequence(state, 'c3', 3).called).toEqual(['n1', 'p1', 'n2']);
  });

  it('breaks ties of joining time by id, so the order is total', () => {
    const state = run(run(demoState(), [issue('z')], T0), [issue('y')], T0);
    expect(callSequence(state, 'c3', 2).called).toEqual(['y', 'z']);
  });

  it('refuses at a counter that is not open', () => {
    const state = { ...demoState(), counters: { ...demoState().counters, c3: counter('c3', ['sa'], 'paused') } };
    expect(rejectionOf(state, { type: 'call_next', counterId: 'c3' })?.code).toBe('counter_not_open');
  });

  it('refuses at a deactivated or unknown counter', () => {
    const base = demoState();
    const inactive = { ...base, counters: { ...base.counters, c3: { ...counter('c3', ['sa']), active: false } } };
    expect(rejectionOf(inactive, { type: 'call_next', counterId: 'c3' })?.code).toBe('counter_inactive');
    expect(rejectionOf(base, { type: 'call_next', counterId: 'c9' })?.code).toBe('unknown_counter');
  });
});
