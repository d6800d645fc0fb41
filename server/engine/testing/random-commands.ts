import fc from 'fast-check';
import type { Command } from '../commands.ts';
import { createStoreState } from '../create-store-state.ts';
import type { Millis, StoreState } from '../state.ts';
import { counter, MINUTE, service, settings } from './store-fixture.ts';

const HOUR = 60 * MINUTE;
export const SERVICE_IDS = ['sa', 'sb', 'sc'] as const;
export const COUNTER_IDS = ['c1', 'c2', 'c3', 'c4'] as const;

/** One random thing happening in the store, resolved against the tickets issued so far when run. */
export interface Step {
  advance: Millis;
  kind: (typeof KINDS)[number];
  counter: number;
  service: number;
  ticket: number;
  priority: boolean;
  ratio: number;
  subset: number;
}

const KINDS = [
  'issue',
  'call_next',
  'call_ticket',
  'recall',
  'start_service',
  'complete',
  'no_show',
  'transfer',
  'cancel',
  'record_feedback',
  'open_counter',
  'pause_counter',
  'close_counter',
  'expire_calls',
  'set_ratio',
  'set_counter_services',
] as const;

const WEIGHTS: Record<Step['kind'], number> = {
  issue: 10,
  call_next: 8,
  call_ticket: 1,
  recall: 2,
  start_service: 3,
  complete: 3,
  no_show: 1,
  transfer: 2,
  cancel: 2,
  record_feedback: 1,
  open_counter: 2,
  pause_counter: 1,
  close_counter: 1,
  expire_calls: 1,
  set_ratio: 1,
  set_counter_services: 1,
};

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  // Mostly minutes apart; now and then a jump of many hours, which crosses the store's midnight.
  advance: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 10 * MINUTE }) },
    { weight: 1, arbitrary: fc.integer({ min: 6 * HOUR, max: 14 * HOUR }) },
  ),
  kind: fc.oneof(...KINDS.map((kind) => ({ weight: WEIGHTS[kind], arbitrary: fc.constant(kind) }))),
  counter: fc.nat(COUNTER_IDS.length - 1),
  service: fc.nat(SERVICE_IDS.length - 1),
  ticket: fc.nat(1000),
  priority: fc.boolean(),
  ratio: fc.nat(3),
  subset: fc.integer({ min: 1, max: 7 }),
});

/** A store with three services and four counters of mixed service sets, most of them open. */
export const storeArbitrary: fc.Arbitrary<StoreState> = fc
  .record({
    ratio: fc.nat(3),
    open: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
    autoNoShow: fc.option(fc.record({ graceSec: fc.nat(600), maxRecalls: fc.nat(2) })),
  })
  .map(({ ratio, open, autoNoShow }) =>
    createStoreState(
      { ...settings, priorityRatio: ratio, autoNoShow },
      [service('sa', 'A'), service('sb', 'B'), service('sc', 'C')],
      [
        counter('c1', ['sa', 'sb', 'sc'], open[0] ? 'open' : 'closed'),
        counter('c2', ['sa', 'sb'], open[1] ? 'open' : 'closed'),
        counter('c3', ['sa'], open[2] ? 'open' : 'closed'),
        counter('c4', ['sb', 'sc'], open[3] ? 'open' : 'closed'),
      ],
    ),
  );

/** Turns a step into a command; `issued` lists ticket ids issued so far and gains the new one. */
export function toCommand(step: Step, state: StoreState, issued: string[]): Command {
  // Staff press their keys where a customer stands, mostly; the rest exercises the refusals.
  const busy = COUNTER_IDS.filter((id) => state.counters[id]?.currentTicketId);
  const actsOnCurrent = ['recall', 'start_service', 'complete', 'no_show', 'transfer'].includes(step.kind);
  const counterId =
    actsOnCurrent && busy.length > 0 && step.ticket % 4 !== 0
      ? busy[step.counter % busy.length]!
      : COUNTER_IDS[step.counter]!;
  const serviceId = SERVICE_IDS[step.service]!;
  const ticketId = issued.length > 0 ? issued[step.ticket % issued.length]! : 'none';
  switch (step.kind) {
    case 'issue': {
      const id = `t${issued.length + 1}`;
      issued.push(id);
      const { priority } = step;
      return {
        type: 'issue_ticket',
        ticketId: id,
        token: `tok-${id}`,
        serviceId,
        priority,
        language: 'en',
        source: 'kiosk',
        idempotencyKey: null,
      };
    }
    case 'call_ticket':
      return { type: 'call_ticket', counterId, ticketId, reason: 'test', actorId: 'manager' };
    case 'transfer':
      return { type: 'transfer', counterId, serviceId };
    case 'cancel':
      return { type: 'cancel', ticketId };
    case 'record_feedback':
      return { type: 'record_feedback', ticketId, feedback: { csat: 4 } };
    case 'open_counter':
      return { type: 'open_counter', counterId, operatorId: `op-${counterId}` };
    case 'pause_counter':
      return { type: 'pause_counter', counterId, reason: 'break' };
    case 'expire_calls':
      return { type: 'expire_calls' };
    case 'set_ratio': {
      const { id: _id, slug: _slug, ...rest } = state.settings;
      return { type: 'update_settings', settings: { ...rest, priorityRatio: step.ratio } };
    }
    case 'set_counter_services': {
      // c1 keeps serving everything, so some counter can always serve every service.
      const serviceIds = counterId === 'c1' ? [...SERVICE_IDS] : SERVICE_IDS.filter((_, i) => step.subset & (1 << i));
      const current = state.counters[counterId]!;
      return { type: 'upsert_counter', counter: { id: counterId, name: current.name, serviceIds, active: true } };
    }
    default:
      return { type: step.kind, counterId };
  }
}

/** A run of steps long enough for lines to build up and for midnight to pass now and then. */
export function stepsArbitrary(maxLength: number): fc.Arbitrary<Step[]> {
  return fc.array(stepArbitrary, { minLength: Math.min(10, maxLength), maxLength });
}
