import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent } from './apply-event.ts';
import type { EngineEvent } from './events.ts';
import { execute } from './execute.ts';
import { servesService } from './select-next-ticket.ts';
import type { Millis, StoreState } from './state.ts';
import { type Step, stepsArbitrary, storeArbitrary, toCommand } from './testing/random-commands.ts';
import { T0 } from './testing/store-fixture.ts';
import { compareJoining } from './ticket-order.ts';
import { waitingIds } from './waiting-index.ts';

const RUNS = 250;

/** Runs steps from `initial`, checking every invariant after each one. */
function runChecked(initial: StoreState, steps: Step[]) {
  let state = initial;
  let replayed = initial;
  let now: Millis = T0;
  const issued: string[] = [];
  const numbersByDay = new Map<string, Set<string>>();
  for (const step of steps) {
    now += step.advance;
    const result = execute(state, toCommand(step, state, issued), now);
    if (!result.ok) continue;
    for (const event of result.events) {
      if (event.type === 'ticket:called' && !event.manual) checkCallOrder(state, event);
      if (event.type === 'ticket:issued') {
        const numbers = numbersByDay.get(event.ticket.day) ?? new Set();
        expect(numbers.has(event.ticket.number), `${event.ticket.number} repeated`).toBe(false);
        numbersByDay.set(event.ticket.day, numbers.add(event.ticket.number));
      }
      replayed = applyEvent(replayed, event);
    }
    state = result.state;
    checkCounters(state);
    expect(replayed).toEqual(state);
  }
  return { state, now, issued };
}

function checkCounters(state: StoreState): void {
  const currentAt = new Map<string, string>();
  for (const counter of Object.values(state.counters)) {
    if (!counter.currentTicketId) continue;
    expect(currentAt.has(counter.currentTicketId), 'a ticket is current at two counters').toBe(false);
    currentAt.set(counter.currentTicketId, counter.id);
    const ticket = state.tickets[counter.currentTicketId];
    expect(ticket?.counterId).toBe(counter.id);
    expect(['called', 'serving']).toContain(ticket?.status);
    expect(counter.status).toBe('open');
  }
  for (const ticket of Object.values(state.tickets)) {
    if (ticket.status === 'called' || ticket.status === 'serving')
      expect(currentAt.get(ticket.id)).toBe(ticket.counterId);
  }
  const scanned = Object.values(state.tickets).filter((t) => t.status === 'waiting');
  expect(new Set(waitingIds(state.tickets))).toEqual(new Set(scanned.map((t) => t.id)));
}

/** Within a class nobody eligible who joined earlier is passed over, and the ratio holds. */
function checkCallOrder(before: StoreState, event: Extract<EngineEvent, { type: 'ticket:called' }>): void {
  const counter = before.counters[event.counterId]!;
  const called = before.tickets[event.ticketId]!;
  const ratio = before.settings.priorityRatio;
  const streak = before.priorityStreaks[counter.id] ?? 0;
  const eligible = Object.values(before.tickets).filter(
    (t) => t.status === 'waiting' && t.id !== called.id && servesService(counter, t.serviceId),
  );
  const passedOver = eligible.filter(
    (t) => (ratio === 0 || t.priority === called.priority) && compareJoining(t, called) < 0,
  );
  expect(passedOver.map((t) => t.number)).toEqual([]);
  if (ratio === 0) return;
  const otherClassWaits = eligible.some((t) => t.priority !== called.priority);
  if (!otherClassWaits) return;
  const allowed = called.priority ? streak < ratio : streak >= ratio;
  expect(allowed, `${called.number} called at ${counter.id} with streak ${streak} and ratio ${ratio}`).toBe(true);
}

describe('the single line, under random use', () => {
  it('keeps counters, call order, numbering and replay consistent after every step', () => {
    fc.assert(
      fc.property(storeArbitrary, stepsArbitrary(80), (initial, steps) => {
        runChecked(initial, steps);
      }),
      { numRuns: RUNS },
    );
  });

  it('never starves anyone: with every counter calling, each waiting ticket is called in bounded calls', () => {
    fc.assert(
      fc.property(
        storeArbitrary,
        stepsArbitrary(60),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
        (initial, steps, arrivalsArePriority) => {
          let { state, now, issued } = runChecked(initial, steps);
          for (const counterId of Object.keys(state.counters)) {
            const opened = execute(state, { type: 'open_counter', counterId, operatorId: 'op' }, now);
            if (opened.ok) state = opened.state;
          }
          const ratio = state.settings.priorityRatio;
          const waiting = Object.values(state.tickets).filter((t) => t.status === 'waiting');
          const counterIds = Object.keys(state.counters);
          // A call that passes a ticket over takes someone who joined earlier (fewer than W) or a
          // newcomer of the other class; each counter makes at most `ratio` of those in a row
          // before it must take an earlier ticket or this one, hence W·(ratio+1) + ratio per counter.
          const bound = (ratio + 1) * waiting.length + ratio * counterIds.length;
          const callsWhileWaiting = new Map(waiting.map((t) => [t.id, 0]));
          for (let i = 0; callsWhileWaiting.size > 0; i++) {
            now += 1000;
            // Newcomers keep joining, priority ones especially, to try to push older tickets back.
            const priority = arrivalsArePriority[i % arrivalsArePriority.length]!;
            const id = `late${i}`;
            issued.push(id);
            const serviceId = ['sa', 'sb', 'sc'][i % 3]!;
            const arrival = execute(state, { ...issueCommand(id, serviceId), priority }, now);
            if (arrival.ok) state = arrival.state;
            const counter = state.counters[counterIds[i % counterIds.length]!]!;
            const result = execute(state, { type: 'call_next', counterId: counter.id }, now);
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            for (const [ticketId, calls] of callsWhileWaiting) {
              const ticket = state.tickets[ticketId]!;
              if (!servesService(counter, ticket.serviceId)) continue;
              expect(calls + 1, `ticket ${ticket.number} waited past ${bound} calls`).toBeLessThanOrEqual(bound);
              callsWhileWaiting.set(ticketId, calls + 1);
            }
            state = result.state;
            for (const ticketId of callsWhileWaiting.keys()) {
              if (state.tickets[ticketId]?.status !== 'waiting') callsWhileWaiting.delete(ticketId);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

function issueCommand(ticketId: string, serviceId: string) {
  return {
    type: 'issue_ticket' as const,
    ticketId,
    token: `tok-${ticketId}`,
    serviceId,
    priority: false,
    language: 'en' as const,
    source: 'kiosk' as const,
    idempotencyKey: null,
  };
}
