import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { demoState, eventsOf, issue, MINUTE, rejectionOf, run, service, T0 } from './testing/store-fixture.ts';

const at = (type: 'recall' | 'start_service' | 'complete' | 'no_show'): Command => ({ type, counterId: 'c1' });
const transfer = (serviceId: string): Command => ({ type: 'transfer', counterId: 'c1', serviceId });

/** a1 is called at c1; a2 waits. */
const called = () => run(demoState(), [issue('a1'), issue('a2'), { type: 'call_next', counterId: 'c1' }]);
const serving = () => run(called(), [at('start_service')], T0 + 10 * MINUTE);

describe('recall', () => {
  it('announces the called ticket again and counts it', () => {
    const state = run(called(), [at('recall')], T0 + 10 * MINUTE);
    expect(state.tickets.a1).toMatchObject({ status: 'called', recalls: 1, calledAt: T0 + 10 * MINUTE });
    expect(state.tickets.a1?.firstCalledAt).toBe(T0 + 2 * MINUTE);
    expect(eventsOf(called(), at('recall'))).toMatchObject([
      { type: 'ticket:recalled', ticketId: 'a1', counterId: 'c1' },
    ]);
  });

  it('refuses once service started', () => {
    expect(rejectionOf(serving(), at('recall'))?.code).toBe('ticket_already_started');
  });
});

describe('start_service', () => {
  it('moves the called ticket to serving', () => {
    expect(serving().tickets.a1).toMatchObject({ status: 'serving', startedAt: T0 + 10 * MINUTE });
  });

  it('refuses twice', () => {
    expect(rejectionOf(serving(), at('start_service'))?.code).toBe('ticket_already_started');
  });
});

describe('complete', () => {
  it('finishes a served ticket and frees the counter', () => {
    const state = run(serving(), [at('complete')], T0 + 20 * MINUTE);
    expect(state.tickets.a1).toMatchObject({ status: 'done', doneAt: T0 + 20 * MINUTE, counterId: 'c1' });
    expect(state.counters.c1?.currentTicketId).toBeNull();
  });

  it('finishes a called ticket without an explicit start', () => {
    expect(run(called(), [at('complete')]).tickets.a1?.status).toBe('done');
  });
});

describe('no_show', () => {
  it('marks the called ticket a no-show and frees the counter', () => {
    const state = run(called(), [at('no_show')]);
    expect(state.tickets.a1?.status).toBe('no_show');
    expect(state.counters.c1?.currentTicketId).toBeNull();
  });

  it('refuses for a customer who is being served', () => {
    expect(rejectionOf(serving(), at('no_show'))?.code).toBe('ticket_already_started');
  });
});

describe('transfer', () => {
  it('puts the ticket back in line for the other service with its number and place in time', () => {
    const before = serving();
    const state = run(before, [transfer('sb')], T0 + 15 * MINUTE);
    expect(state.tickets.a1).toMatchObject({
      status: 'waiting',
      number: 'A001',
      serviceId: 'sb',
      joinedAt: before.tickets.a1?.joinedAt,
      transfers: 1,
      counterId: null,
      startedAt: null,
    });
    expect(state.counters.c1?.currentTicketId).toBeNull();
    expect(eventsOf(before, transfer('sb'))).toMatchObject([
      { type: 'ticket:transferred', ticketId: 'a1', counterId: 'c1', fromServiceId: 'sa', toServiceId: 'sb' },
    ]);
  });

  it('keeps its place: it is called before B tickets that joined after it', () => {
    const state = run(called(), [issue('b1', 'sb'), transfer('sb'), { type: 'call_next', counterId: 'c4' }]);
    expect(state.counters.c4?.currentTicketId).toBe('a1');
  });

  it('refuses the same service, an unknown one and a switched-off one', () => {
    const state = called();
    expect(rejectionOf(state, transfer('sa'))?.code).toBe('invalid_transfer');
    expect(rejectionOf(state, transfer('nope'))?.code).toBe('unknown_service');
    const off = { ...state, services: { ...state.services, sb: service('sb', 'B', false) } };
    expect(rejectionOf(off, transfer('sb'))?.code).toBe('service_inactive');
  });
});

describe('commands on the current ticket', () => {
  it('refuse when the counter has none', () => {
    const state = demoState();
    for (const command of [at('recall'), at('start_service'), at('complete'), at('no_show'), transfer('sb')]) {
      expect(rejectionOf(state, command)?.code).toBe('no_current_ticket');
    }
  });

  it('refuse at an unknown counter', () => {
    expect(rejectionOf(demoState(), { type: 'complete', counterId: 'c9' })?.code).toBe('unknown_counter');
  });
});
