import { servesService } from './select-next-ticket.ts';
import type { StoreState, Ticket } from './state.ts';
import { compareJoining } from './ticket-order.ts';
import { waitingTickets } from './waiting-index.ts';

/** Something that calls tickets by the class rule: a counter, or the service itself when no counter serves it. */
interface Caller {
  key: string;
  serviceIds: string[];
  streak: number;
}

/**
 * The order in which a counter would call the waiting tickets it may serve, if it alone kept
 * pressing "call next" and nobody joined; without `counterId`, every waiting ticket ordered by
 * `ticketsAhead` (ties by joining order). An unknown counter gives an empty list.
 * @example waitingOrder(state, 'c1')[0] // the ticket call_next at c1 would call
 */
export function waitingOrder(state: StoreState, counterId?: string): Ticket[] {
  const waiting = sortedWaiting(state);
  if (counterId === undefined) {
    const ahead = waitingPositions(state);
    return waiting.sort((a, b) => (ahead.get(a.id) ?? 0) - (ahead.get(b.id) ?? 0) || compareJoining(a, b));
  }
  const counter = state.counters[counterId];
  if (!counter) return [];
  const caller = { key: counter.id, serviceIds: counter.serviceIds, streak: state.priorityStreaks[counter.id] ?? 0 };
  return callingOrder(waiting, caller, state.settings.priorityRatio);
}

/**
 * How many people are ahead of a waiting ticket: the waiting tickets that at least one counter
 * able to serve this ticket would call before it under the class rule (see `waitingOrder`).
 * The counters are the active ones serving the ticket's service that are open; if none is open,
 * all active ones serving it; if none exists, the service's own line by the class rule. With
 * several counters some of those people go elsewhere, so this is the most the ticket can wait
 * behind, counting no one who joins later. 0 for a ticket that is not waiting.
 * @example ticketsAhead(state, ticket.id) + 1 // the 1-based position shown on the phone
 */
export function ticketsAhead(state: StoreState, ticketId: string): number {
  const ticket = state.tickets[ticketId];
  if (ticket?.status !== 'waiting') return 0;
  const waiting = sortedWaiting(state);
  const ahead = new Set<string>();
  for (const caller of callersFor(state, ticket.serviceId)) {
    for (const other of callingOrder(waiting, caller, state.settings.priorityRatio)) {
      if (other.id === ticket.id) break;
      ahead.add(other.id);
    }
  }
  return ahead.size;
}

/**
 * `ticketsAhead` for every waiting ticket at once (for snapshots), keyed by ticket id.
 * @example waitingPositions(state).get(ticket.id)
 */
export function waitingPositions(state: StoreState): Map<string, number> {
  const waiting = sortedWaiting(state);
  const indexOf = new Map(waiting.map((t, i) => [t.id, i]));
  const orders = new Map<string, { order: number[]; rank: Int32Array }>();
  const orderOf = (caller: Caller) => {
    let found = orders.get(caller.key);
    if (!found) {
      const order = callingOrder(waiting, caller, state.settings.priorityRatio).map((t) => indexOf.get(t.id) ?? -1);
      const rank = new Int32Array(waiting.length).fill(-1);
      order.forEach((ticketIndex, r) => {
        rank[ticketIndex] = r;
      });
      found = { order, rank };
      orders.set(caller.key, found);
    }
    return found;
  };
  const callersByService = new Map<string, { order: number[]; rank: Int32Array }[]>();
  // Marks who was already counted for the ticket at hand, so a person ahead at two counters counts once.
  const countedFor = new Int32Array(waiting.length).fill(-1);
  const positions = new Map<string, number>();
  waiting.forEach((ticket, i) => {
    let callers = callersByService.get(ticket.serviceId);
    if (!callers) {
      callers = callersFor(state, ticket.serviceId).map(orderOf);
      callersByService.set(ticket.serviceId, callers);
    }
    let ahead = 0;
    for (const { order, rank } of callers) {
      const until = rank[i] ?? -1;
      for (let r = 0; r < until; r++) {
        const other = order[r]!;
        if (countedFor[other] === i) continue;
        countedFor[other] = i;
        ahead++;
      }
    }
    positions.set(ticket.id, ahead);
  });
  return positions;
}

function sortedWaiting(state: StoreState): Ticket[] {
  return waitingTickets(state.tickets).sort(compareJoining);
}

function callersFor(state: StoreState, serviceId: string): Caller[] {
  const able = Object.values(state.counters).filter((c) => c.active && servesService(c, serviceId));
  const open = able.filter((c) => c.status === 'open');
  const chosen = open.length > 0 ? open : able;
  if (chosen.length === 0) return [{ key: `service:${serviceId}`, serviceIds: [serviceId], streak: 0 }];
  return chosen.map((c) => ({ key: c.id, serviceIds: c.serviceIds, streak: state.priorityStreaks[c.id] ?? 0 }));
}

/** Replays the class rule over the caller's eligible tickets (already in joining order). */
function callingOrder(waiting: readonly Ticket[], caller: Caller, ratio: number): Ticket[] {
  const eligible = waiting.filter((t) => servesService(caller, t.serviceId));
  if (ratio === 0) return eligible;
  const priority = eligible.filter((t) => t.priority);
  const normal = eligible.filter((t) => !t.priority);
  const order: Ticket[] = [];
  let [p, n, streak] = [0, 0, caller.streak];
  while (p < priority.length && n < normal.length) {
    if (streak < ratio) {
      order.push(priority[p++]!);
      streak++;
    } else {
      order.push(normal[n++]!);
      streak = 0;
    }
  }
  return order.concat(priority.slice(p), normal.slice(n));
}
