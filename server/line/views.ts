import type {
  CounterDto,
  NextCall,
  NextCalls,
  PublicTicketDto,
  QueueSnapshot,
  ServiceDto,
  StorePublicConfig,
  TicketDto,
  WaitRange,
} from '../../shared/domain.ts';
import { compareJoining, selectNextTicket, ticketsAhead, waitingPositions, waitingTickets } from '../engine/index.ts';
import { recentCallsOf } from '../engine/recent-calls.ts';
import type { Counter, Service, StoreState, Ticket } from '../engine/state.ts';

/** How the line looks from outside: DTOs for HTTP answers, snapshots and socket events. */

export interface WaitView {
  byService: Record<string, WaitRange>;
  byTicket: Record<string, WaitRange>;
}

/** No-shows stay on the "missed" rail this long. */
const MISSED_WINDOW_MS = 30 * 60 * 1000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function serviceDto(s: Service): ServiceDto {
  return { id: s.id, code: s.code, name: s.name, sortOrder: s.sortOrder, active: s.active };
}

export function counterDto(state: StoreState, c: Counter): CounterDto {
  const current = c.currentTicketId ? state.tickets[c.currentTicketId] : undefined;
  return {
    id: c.id,
    name: c.name,
    serviceIds: c.serviceIds,
    status: c.status,
    currentTicketId: current?.id ?? null,
    currentTicketNumber: current?.number ?? null,
    pauseReason: c.pauseReason,
    statusSince: new Date(c.statusSince).toISOString(),
  };
}

/**
 * A ticket as its holder and staff see it; pass `withToken: false` for anything public.
 * `positions` (from `waitingPositions`) saves recomputing the line for each ticket of a list.
 */
export function ticketDto(
  state: StoreState,
  t: Ticket,
  waits: WaitView | undefined,
  withToken: boolean,
  positions?: Map<string, number>,
): TicketDto {
  const counter = t.counterId ? state.counters[t.counterId] : undefined;
  const waiting = t.status === 'waiting';
  const dto: TicketDto = {
    id: t.id,
    storeId: state.settings.id,
    number: t.number,
    serviceId: t.serviceId,
    status: t.status,
    priority: t.priority,
    language: t.language,
    issuedAt: new Date(t.issuedAt).toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    doneAt: iso(t.doneAt),
    counterId: waiting ? null : t.counterId,
    counterName: waiting ? null : (counter?.name ?? null),
    position: waiting ? (positions?.get(t.id) ?? ticketsAhead(state, t.id)) + 1 : null,
    // A ticket newer than the last prediction gets the wait of someone arriving now for its service.
    wait: waiting ? (waits?.byTicket[t.id] ?? waits?.byService[t.serviceId] ?? null) : null,
    recalls: t.recalls,
    transfers: t.transfers,
    feedbackGiven: t.feedbackGiven,
  };
  if (withToken) dto.token = t.token;
  return dto;
}

export function publicTicket(
  state: StoreState,
  t: Ticket,
  waits?: WaitView,
  positions?: Map<string, number>,
): PublicTicketDto {
  return ticketDto(state, t, waits, false, positions);
}

// One collator for every sort: `localeCompare` with options builds a new one per comparison,
// which made sorting 40 counters the costliest step of a command.
const codes = new Intl.Collator();
const names = new Intl.Collator(undefined, { numeric: true });

/** Services in the store's order (then by code). */
export const compareServices = (a: Service, b: Service) => a.sortOrder - b.sortOrder || codes.compare(a.code, b.code);
/** Counters by name, "Counter 2" before "Counter 10". */
export const compareCounters = (a: Counter, b: Counter) => names.compare(a.name, b.name);

function sortedServices(state: StoreState): Service[] {
  return Object.values(state.services).sort(compareServices);
}

function sortedCounters(state: StoreState): Counter[] {
  return Object.values(state.counters)
    .filter((c) => c.active)
    .sort(compareCounters);
}

export function storeConfig(state: StoreState): StorePublicConfig {
  const s = state.settings;
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    ...(s.nameByLanguage ? { nameByLanguage: s.nameByLanguage } : {}),
    active: s.active !== false,
    timeZone: s.timeZone,
    languages: s.languages,
    allowPhoneJoin: s.allowPhoneJoin,
    publicUrl: s.publicUrl ?? null,
    serviceLevelTargetSec: s.serviceLevelTargetSec,
    services: sortedServices(state)
      .filter((x) => x.active)
      .map(serviceDto),
    counters: sortedCounters(state).map((c) => ({
      id: c.id,
      name: c.name,
      serviceIds: c.serviceIds,
      status: c.status,
    })),
  };
}

/**
 * The public picture of a store's line at `seq`: no tokens. Built from the waiting index, the
 * counters and the live line's index of recent calls, never from a scan of the day's tickets.
 */
export function queueSnapshot(state: StoreState, seq: number, waits: WaitView, now: number): QueueSnapshot {
  const waiting = waitingTickets(state.tickets).sort(compareJoining);
  // Every called or serving ticket is the current one of its counter (an engine invariant).
  const called = Object.values(state.counters)
    .map((c) => (c.currentTicketId ? state.tickets[c.currentTicketId] : undefined))
    .filter((t): t is Ticket => t?.status === 'called' || t?.status === 'serving')
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0));
  const tickets = recentCallsOf(state.tickets)?.tickets(state.tickets) ?? Object.values(state.tickets);
  const recentCalls = tickets
    .filter((t) => t.calledAt !== null)
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))
    .slice(0, 10);
  const missed = tickets
    .filter((t) => t.status === 'no_show' && (t.doneAt ?? t.calledAt ?? 0) > now - MISSED_WINDOW_MS)
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0));
  const positions = waitingPositions(state);
  const waitingByService: Record<string, number> = {};
  for (const s of Object.values(state.services)) if (s.active) waitingByService[s.id] = 0;
  for (const t of waiting) waitingByService[t.serviceId] = (waitingByService[t.serviceId] ?? 0) + 1;
  return {
    seq,
    storeId: state.settings.id,
    waiting: waiting.map((t) => publicTicket(state, t, waits, positions)),
    called: called.map((t) => publicTicket(state, t, waits)),
    recentCalls: recentCalls.map((t) => publicTicket(state, t, waits)),
    missed: missed.map((t) => publicTicket(state, t, waits)),
    counters: sortedCounters(state).map((c) => counterDto(state, c)),
    waits: waits.byService,
    waitingByService,
    at: new Date(now).toISOString(),
  };
}

/**
 * The ticket `call next` at `counter` would call now, by the engine's own rule (class ratio and
 * the counter's priority streak), so a terminal never has to guess who is next.
 */
export function nextCall(state: StoreState, counter: Counter): NextCall | null {
  const t = selectNextTicket(state, counter);
  return t ? { ticketId: t.id, number: t.number, serviceId: t.serviceId, priority: t.priority } : null;
}

/** `nextCall` for every active counter, for staff rooms (public rooms are not told who is next where). */
export function nextCalls(state: StoreState): NextCalls {
  const out: NextCalls = {};
  for (const c of sortedCounters(state)) out[c.id] = nextCall(state, c);
  return out;
}
