import type { Counter, StoreState, Ticket } from './state.ts';
import { earliestJoined } from './ticket-order.ts';
import { waitingIds } from './waiting-index.ts';

/** The earliest waiting ticket of each class that a counter may serve. */
export interface ClassHeads {
  priority: Ticket | null;
  normal: Ticket | null;
}

/** Whether `counter` may serve tickets for `serviceId`. */
export function servesService(counter: Pick<Counter, 'serviceIds'>, serviceId: string): boolean {
  return counter.serviceIds.includes(serviceId);
}

/**
 * The earliest waiting priority and normal tickets that `counter` may serve, leaving out `exceptId`.
 * @example classHeads(state.tickets, counter).normal?.number // 'A007'
 */
export function classHeads(
  tickets: StoreState['tickets'],
  counter: Pick<Counter, 'serviceIds'>,
  exceptId: string | null = null,
): ClassHeads {
  let priority: Ticket | null = null;
  let normal: Ticket | null = null;
  for (const id of waitingIds(tickets)) {
    const ticket = tickets[id];
    if (!ticket || id === exceptId || !servesService(counter, ticket.serviceId)) continue;
    if (ticket.priority) priority = earliestJoined(priority, ticket);
    else normal = earliestJoined(normal, ticket);
  }
  return { priority, normal };
}

/**
 * The class rule: with ratio 0 plain joining order; otherwise priority first, unless the counter
 * already made `ratio` priority calls in a row while a normal ticket waited for it.
 * @example chooseBetween({ priority: p, normal: n }, 2, 2) // n
 */
export function chooseBetween(heads: ClassHeads, ratio: number, streak: number): Ticket | null {
  if (ratio === 0) return earliestJoined(heads.priority, heads.normal);
  if (heads.priority && heads.normal) return streak < ratio ? heads.priority : heads.normal;
  return heads.priority ?? heads.normal;
}

/**
 * The counter's streak after a call by the class rule: it grows only with a priority call made
 * while a normal ticket this counter could serve was waiting, and any other call ends the run.
 */
export function streakAfterCall(ratio: number, streak: number, called: Ticket, normalWaited: boolean): number {
  if (ratio === 0) return 0;
  return called.priority && normalWaited ? streak + 1 : 0;
}

/**
 * The ticket `call_next` at `counter` would call, or null when nobody it may serve waits.
 * @example selectNextTicket(state, state.counters.c1!)?.number // 'A001'
 */
export function selectNextTicket(state: StoreState, counter: Counter): Ticket | null {
  const heads = classHeads(state.tickets, counter);
  return chooseBetween(heads, state.settings.priorityRatio, state.priorityStreaks[counter.id] ?? 0);
}
