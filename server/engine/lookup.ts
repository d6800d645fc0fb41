import { reject } from './decision.ts';
import type { Decision } from './rejection.ts';
import type { Counter, Service, StoreState, Ticket } from './state.ts';

/** Lookups answer either the thing or the refusal to return as is. */
export type Found<T> = T | Decision;

/** True when a lookup refused. */
export function refused<T extends object>(found: Found<T>): found is Decision {
  return 'ok' in found;
}

/** An existing, active counter. */
export function findCounter(state: StoreState, counterId: string): Found<Counter> {
  const counter = state.counters[counterId];
  if (!counter) return reject('unknown_counter', `There is no counter "${counterId}" in this store.`);
  if (!counter.active) return reject('counter_inactive', `Counter ${counter.name} is deactivated.`);
  return counter;
}

/** An existing, active counter that is open for calls. */
export function findOpenCounter(state: StoreState, counterId: string): Found<Counter> {
  const counter = findCounter(state, counterId);
  if (refused(counter)) return counter;
  if (counter.status !== 'open') return reject('counter_not_open', `Counter ${counter.name} is ${counter.status}.`);
  return counter;
}

/** The ticket a counter is calling or serving. */
export function findCurrentTicket(state: StoreState, counter: Counter): Found<Ticket> {
  const ticket = counter.currentTicketId ? state.tickets[counter.currentTicketId] : undefined;
  if (!ticket) return reject('no_current_ticket', `Counter ${counter.name} has no current ticket.`);
  return ticket;
}

/** An existing ticket of this store's day. */
export function findTicket(state: StoreState, ticketId: string): Found<Ticket> {
  const ticket = state.tickets[ticketId];
  if (!ticket) return reject('unknown_ticket', 'There is no such ticket in this store today.');
  return ticket;
}

/** An existing, active service. */
export function findActiveService(state: StoreState, serviceId: string): Found<Service> {
  const service = state.services[serviceId];
  if (!service) return reject('unknown_service', `There is no service "${serviceId}" in this store.`);
  if (!service.active) return reject('service_inactive', `Service ${service.name.en} is not offered at the moment.`);
  return service;
}
