import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { demoState, eventsOf, issue, rejectionOf, run } from './testing/store-fixture.ts';

const callTicket = (ticketId: string, counterId = 'c3'): Command => ({
  type: 'call_ticket',
  counterId,
  ticketId,
  reason: 'customer with a baby',
  actorId: 'manager-1',
});

describe('call_ticket', () => {
  it('calls the chosen ticket out of order and records who did it and why', () => {
    const state = run(demoState(), [issue('a1'), issue('a2')]);
    const events = eventsOf(state, callTicket('a2'));
    expect(events).toMatchObject([
      {
        type: 'ticket:called',
        ticketId: 'a2',
        counterId: 'c3',
        manual: { reason: 'customer with a baby', actorId: 'manager-1' },
      },
    ]);
    expect(run(state, [callTicket('a2')]).tickets.a2?.status).toBe('called');
  });

  it('leaves the priority streak alone', () => {
    const state = run(demoState({ priorityRatio: 1 }), [issue('n1'), issue('p1', 'sa', true), callTicket('p1')]);
    expect(state.priorityStreaks.c3 ?? 0).toBe(0);
  });

  it('refuses a ticket that is not waiting', () => {
    const state = run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c1' }]);
    expect(rejectionOf(state, callTicket('a1'))?.code).toBe('ticket_not_waiting');
  });

  it('refuses a ticket for a service the counter does not serve', () => {
    const state = run(demoState(), [issue('b1', 'sb')]);
    expect(rejectionOf(state, callTicket('b1'))?.code).toBe('counter_not_serving_service');
  });

  it('refuses while the counter is still busy', () => {
    const state = run(demoState(), [issue('a1'), issue('a2'), { type: 'call_next', counterId: 'c3' }]);
    expect(rejectionOf(state, callTicket('a2'))?.code).toBe('counter_busy');
  });

  it('refuses an unknown ticket and a call without a reason', () => {
    const state = run(demoState(), [issue('a1')]);
    expect(rejectionOf(state, callTicket('zz'))?.code).toBe('unknown_ticket');
    expect(rejectionOf(state, { ...callTicket('a1'), reason: ' ' } as Command)?.code).toBe('invalid_settings');
  });
});
