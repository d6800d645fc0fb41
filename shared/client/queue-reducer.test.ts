import { describe, expect, it } from 'vitest';
import type { CounterDto, PublicTicketDto, QueueSnapshot } from '../domain.ts';
import { applyQueueEvent, applyWaits } from './queue-reducer.ts';

const AT = '2025-01-06T09:00:00.000Z';

function ticket(id: string, status: PublicTicketDto['status'], counterId: string | null = null): PublicTicketDto {
  return {
    id,
    storeId: 'demo',
    number: `A00${id}`,
    serviceId: 'pickup',
    status,
    priority: false,
    language: 'en',
    issuedAt: AT,
    calledAt: status === 'waiting' ? null : AT,
    startedAt: null,
    doneAt: null,
    counterId,
    counterName: counterId ? 'Counter 1' : null,
    position: status === 'waiting' ? 1 : null,
    wait: null,
    recalls: 0,
    transfers: 0,
    feedbackGiven: false,
  };
}

const c1: CounterDto = {
  id: 'c1',
  name: 'Counter 1',
  serviceIds: ['pickup'],
  status: 'open',
  currentTicketNumber: null,
  currentTicketId: null,
  pauseReason: null,
  statusSince: AT,
};

const empty: QueueSnapshot = {
  seq: 1,
  storeId: 'demo',
  waiting: [],
  called: [],
  recentCalls: [],
  missed: [],
  counters: [c1],
  waits: {},
  waitingByService: {},
  at: AT,
};

describe('applyQueueEvent', () => {
  it('moves a ticket from waiting to called and onto its counter', () => {
    const issued = applyQueueEvent(empty, 'ticket:issued', { seq: 2, ticket: ticket('1', 'waiting') });
    expect(issued.waiting.map((t) => t.id)).toEqual(['1']);
    expect(issued.waitingByService).toEqual({ pickup: 1 });

    const called = applyQueueEvent(issued, 'ticket:called', { seq: 3, ticket: ticket('1', 'called', 'c1') });
    expect(called.seq).toBe(3);
    expect(called.waiting).toEqual([]);
    expect(called.waitingByService).toEqual({ pickup: 0 });
    expect(called.called.map((t) => t.id)).toEqual(['1']);
    expect(called.counters[0]?.currentTicketNumber).toBe('A001');
    expect(called.recentCalls.map((t) => t.id)).toEqual(['1']);
  });

  it('keeps recent calls newest first, a recall moving its ticket back to the front', () => {
    let q = applyQueueEvent(empty, 'ticket:called', { seq: 2, ticket: ticket('1', 'called', 'c1') });
    q = applyQueueEvent(q, 'ticket:called', { seq: 3, ticket: ticket('2', 'called', 'c1') });
    expect(q.recentCalls.map((t) => t.id)).toEqual(['2', '1']);
    q = applyQueueEvent(q, 'ticket:recalled', { seq: 4, ticket: ticket('1', 'called', 'c1') });
    expect(q.recentCalls.map((t) => t.id)).toEqual(['1', '2']);
    q = applyQueueEvent(q, 'ticket:done', { seq: 5, ticket: ticket('1', 'done', 'c1') });
    expect(q.recentCalls.map((t) => [t.id, t.status])).toEqual([
      ['1', 'done'],
      ['2', 'called'],
    ]);
  });

  it('drops finished tickets from the screen and frees their counter', () => {
    const called = applyQueueEvent(empty, 'ticket:called', { seq: 2, ticket: ticket('1', 'called', 'c1') });
    const done = applyQueueEvent(called, 'ticket:no_show', { seq: 3, ticket: ticket('1', 'no_show', 'c1') });
    expect(done.called).toEqual([]);
    expect(done.counters[0]?.currentTicketId).toBeNull();
    expect(done.missed.map((t) => t.id)).toEqual(['1']);
  });

  it('replaces a counter on counter:updated and leaves the input untouched', () => {
    const paused = { ...c1, status: 'paused' as const };
    const next = applyQueueEvent(empty, 'counter:updated', { seq: 2, counter: paused });
    expect(next.counters[0]?.status).toBe('paused');
    expect(empty.counters[0]?.status).toBe('open');
  });
});

describe('applyWaits', () => {
  it('updates per-service and per-ticket waits', () => {
    const issued = applyQueueEvent(empty, 'ticket:issued', { seq: 2, ticket: ticket('1', 'waiting') });
    const next = applyWaits(issued, {
      seq: 2,
      storeId: 'demo',
      waits: { pickup: { p50: 60, p90: 120 } },
      tickets: { '1': { p50: 30, p90: 90 } },
    });
    expect(next.waits.pickup).toEqual({ p50: 60, p90: 120 });
    expect(next.waiting[0]?.wait).toEqual({ p50: 30, p90: 90 });
  });
});
