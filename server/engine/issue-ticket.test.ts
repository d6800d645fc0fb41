import { describe, expect, it } from 'vitest';
import { execute } from './execute.ts';
import { demoState, eventsOf, issue, MINUTE, rejectionOf, run, service, T0 } from './testing/store-fixture.ts';

const numbers = (state: ReturnType<typeof demoState>) =>
  Object.values(state.tickets)
    .map((t) => t.number)
    .sort();

describe('issue_ticket', () => {
  it('issues a waiting ticket that joins the line now', () => {
    const [event] = eventsOf(demoState(), { ...issue('t1'), idempotencyKey: 'key-1' }, T0);
    expect(event).toMatchObject({
      type: 'ticket:issued',
      at: T0,
      ticket: {
        id: 't1',
        token: 'token-t1',
        number: 'A001',
        serviceId: 'sa',
        status: 'waiting',
        day: '2025-03-10',
        issuedAt: T0,
        joinedAt: T0,
        idempotencyKey: 'key-1',
        recalls: 0,
        transfers: 0,
        feedbackGiven: false,
      },
    });
  });

  it('numbers each service code on its own, three digits at least', () => {
    const state = run(demoState(), [issue('a1'), issue('b1', 'sb'), issue('a2'), issue('c1', 'sc')]);
    expect(numbers(state)).toEqual(['A001', 'A002', 'B001', 'C001']);
    expect(state.numbering.lastByCode).toEqual({ A: 2, B: 1, C: 1 });
  });

  it('goes past 999 without repeating', () => {
    const state = { ...demoState(), numbering: { day: '2025-03-10', lastByCode: { A: 999 } } };
    expect(run(state, [issue('t1')]).tickets.t1?.number).toBe('A1000');
  });

  it("restarts numbering at the store's local midnight, not UTC midnight", () => {
    const evening = Date.UTC(2025, 2, 10, 22, 30); // 23:30 in Paris
    const lateNight = Date.UTC(2025, 2, 10, 23, 5); // 00:05 the next day in Paris, still the 10th in UTC
    let state = run(demoState(), [issue('t1'), issue('t2')], evening);
    state = run(state, [issue('t3')], lateNight);
    expect(state.tickets.t3).toMatchObject({ number: 'A001', day: '2025-03-11' });
    expect(state.numbering).toEqual({ day: '2025-03-11', lastByCode: { A: 1 } });
  });

  it('drops finished tickets of earlier days at the new day but keeps those still in line', () => {
    let state = run(demoState(), [
      issue('done'),
      issue('cancelled'),
      issue('waiting'),
      { type: 'call_next', counterId: 'c3' },
      { type: 'complete', counterId: 'c3' },
      { type: 'cancel', ticketId: 'cancelled' },
    ]);
    state = run(state, [issue('tomorrow')], T0 + 24 * 60 * MINUTE);
    expect(Object.keys(state.tickets).sort()).toEqual(['tomorrow', 'waiting']);
    expect(state.tickets.tomorrow?.number).toBe('A001');
  });

  it('refuses an unknown service', () => {
    expect(rejectionOf(demoState(), issue('t1', 'nope'))?.code).toBe('unknown_service');
  });

  it('refuses a service that is switched off', () => {
    const state = { ...demoState(), services: { ...demoState().services, sa: service('sa', 'A', false) } };
    expect(rejectionOf(state, issue('t1'))?.code).toBe('service_inactive');
  });

  it('leaves the state untouched when refused', () => {
    const state = demoState();
    const result = execute(state, issue('t1', 'nope'), T0);
    expect(result.ok).toBe(false);
    expect(state.tickets).toEqual({});
  });
});
