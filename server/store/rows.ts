import type { CounterStatus, Language, LocalizedText, TicketStatus } from '../../shared/domain.ts';
import type { Counter, Service, StoreSettings, Ticket, TicketSource } from '../engine/state.ts';
import type { CountersTable, ServicesTable, TicketsTable } from './schema.ts';

/** Conversions between projection rows and the engine's types. */

export function ticketToRow(storeId: string, t: Ticket, hour: number): TicketsTable {
  return {
    id: t.id,
    store_id: storeId,
    token: t.token,
    number: t.number,
    service_id: t.serviceId,
    priority: t.priority ? 1 : 0,
    language: t.language,
    status: t.status,
    day: t.day,
    hour,
    issued_at: t.issuedAt,
    joined_at: t.joinedAt,
    first_called_at: t.firstCalledAt,
    called_at: t.calledAt,
    started_at: t.startedAt,
    done_at: t.doneAt,
    counter_id: t.counterId,
    operator_id: t.operatorId,
    recalls: t.recalls,
    transfers: t.transfers,
    source: t.source,
    idempotency_key: t.idempotencyKey,
    feedback_given: t.feedbackGiven ? 1 : 0,
  };
}

export function rowToTicket(r: TicketsTable): Ticket {
  return {
    id: r.id,
    token: r.token,
    number: r.number,
    serviceId: r.service_id,
    priority: r.priority === 1,
    language: r.language as Language,
    status: r.status as TicketStatus,
    day: r.day,
    issuedAt: Number(r.issued_at),
    joinedAt: Number(r.joined_at),
    firstCalledAt: nullableNumber(r.first_called_at),
    calledAt: nullableNumber(r.called_at),
    startedAt: nullableNumber(r.started_at),
    doneAt: nullableNumber(r.done_at),
    counterId: r.counter_id,
    operatorId: r.operator_id,
    recalls: r.recalls,
    transfers: r.transfers,
    source: r.source as TicketSource,
    idempotencyKey: r.idempotency_key,
    feedbackGiven: r.feedback_given === 1,
  };
}

export function serviceToRow(storeId: string, s: Service): ServicesTable {
  return {
    store_id: storeId,
    id: s.id,
    code: s.code,
    name_json: JSON.stringify(s.name),
    sort_order: s.sortOrder,
    active: s.active ? 1 : 0,
  };
}

export function rowToService(r: ServicesTable): Service {
  return {
    id: r.id,
    code: r.code,
    name: JSON.parse(r.name_json) as LocalizedText,
    sortOrder: r.sort_order,
    active: r.active === 1,
  };
}

export function counterToRow(storeId: string, c: Counter): CountersTable {
  return {
    store_id: storeId,
    id: c.id,
    name: c.name,
    service_ids_json: JSON.stringify(c.serviceIds),
    status: c.status,
    status_since: c.statusSince,
    pause_reason: c.pauseReason,
    operator_id: c.operatorId,
    current_ticket_id: c.currentTicketId,
    active: c.active ? 1 : 0,
  };
}

export function rowToCounter(r: CountersTable): Counter {
  return {
    id: r.id,
    name: r.name,
    serviceIds: JSON.parse(r.service_ids_json) as string[],
    status: r.status as CounterStatus,
    statusSince: Number(r.status_since),
    pauseReason: r.pause_reason,
    operatorId: r.operator_id,
    currentTicketId: r.current_ticket_id,
    active: r.active === 1,
  };
}

export function parseSettings(json: string): StoreSettings {
  return JSON.parse(json) as StoreSettings;
}

function nullableNumber(v: number | null): number | null {
  return v === null ? null : Number(v);
}
