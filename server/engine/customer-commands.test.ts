import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { demoState, eventsOf, issue, rejectionOf, run, T0 } from './testing/store-fixture.ts';

const feedback = (ticketId: string): Command => ({ type: 'record_feedback', ticketId, feedback: { csat: 5, nps: 9 } });

describe('cancel', () => {
  it('takes a waiting ticket out of the line', () => {
    const state = run(demoState(), [issue('a1'), { type: 'cancel', ticketId: 'a1' }]);
    expect(state.tickets.a1?.status).toBe('cancelled');
    expect(eventsOf(run(demoState(), [issue('a1')]), { type: 'cancel', ticketId: 'a1' }, T0)).toEqual([
      { type: 'ticket:cancelled', at: T0, ticketId: 'a1' },
    ]);
  });

  it('refuses once the ticket was called, and for unknown tickets', () => {
    const state = run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c1' }]);
    expect(rejectionOf(state, { type: 'cancel', ticketId: 'a1' })?.code).toBe('ticket_not_waiting');
    expect(rejectionOf(state, { type: 'cancel', ticketId: 'zz' })?.code).toBe('unknown_ticket');
  });
});

describe('record_feedback', () => {
  const done = () =>
    run(demoState(), [issue('a1'), { type: 'call_next', counterId: 'c1' }, { type: 'complete', counterId: 'c1' }]);

  it('records feedback once the ticket is done', () => {
    expect(eventsOf(done(), feedback('a1'), T0)).toEqual([
      { type: 'ticket:feedback', at: T0, ticketId: 'a1', feedback: { csat: 5, nps: 9 } },
    ]);
    expect(run(done(), [feedback('a1')]).tickets.a1?.feedbackGiven).toBe(true);
  });

  it('refuses a second time', () => {
    expect(rejectionOf(run(done(), [feedback('a1')]), feedback('a1'))?.code).toBe('feedback_already_given');
  });

  it('refuses before service ended', () => {
    expect(rejectionOf(run(demoState(), [issue('a1')]), feedback('a1'))?.code).toBe('ticket_not_done');
  });
});
