import type { StoreState } from '../../engine/state.ts';

/**
 * The line as a predictor sees it at one instant: who waits (in joining order), which
 * counters are open, what each is busy with and since when. Built either from the engine's
 * live `StoreState` or from history rows (replay), so the same predictor runs on both.
 */
export interface WaitingEntry {
  id: string;
  serviceId: string;
  priority: boolean;
  joinedAt: number;
}

export interface ServerEntry {
  id: string;
  /** Services this counter may serve; null = every service. */
  serviceIds: string[] | null;
  /** Service being delivered and since when (call time), or null when idle. */
  busy: { serviceId: string; since: number } | null;
  /** Priority calls this counter made in a row while normal tickets waited (ratio rule); 0 when absent. */
  streak?: number;
}

/** How priority customers go ahead: the store's ratio rule, or a fixed head start (call centres). */
export type PriorityRule = { kind: 'ratio'; ratio: number } | { kind: 'headStart'; sec: number };

export interface LineSnapshot {
  now: number;
  waiting: WaitingEntry[];
  servers: ServerEntry[];
  rule: PriorityRule;
  /** Most recent entries into service, newest last: for the LES baseline and features. */
  recentCalls: Array<{ serviceId: string; joinedAt: number; calledAt: number }>;
}

export const canServe = (s: ServerEntry, serviceId: string): boolean =>
  s.serviceIds === null || s.serviceIds.includes(serviceId);

/** Snapshot of a live store: open counters only (paused and closed ones serve nobody now). */
export function snapshotFromState(state: StoreState, now: number): LineSnapshot {
  const waiting: WaitingEntry[] = [];
  const recentCalls: LineSnapshot['recentCalls'] = [];
  for (const t of Object.values(state.tickets)) {
    if (t.status === 'waiting') {
      waiting.push({ id: t.id, serviceId: t.serviceId, priority: t.priority, joinedAt: t.joinedAt });
    } else if (t.firstCalledAt !== null) {
      recentCalls.push({ serviceId: t.serviceId, joinedAt: t.joinedAt, calledAt: t.firstCalledAt });
    }
  }
  waiting.sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
  recentCalls.sort((a, b) => a.calledAt - b.calledAt);
  const servers: ServerEntry[] = [];
  for (const c of Object.values(state.counters)) {
    if (!c.active || c.status !== 'open') continue;
    const cur = c.currentTicketId ? state.tickets[c.currentTicketId] : undefined;
    // A counter is occupied from the call (walk-up included), which is what the model learns.
    const since = cur ? cur.calledAt : null;
    servers.push({
      id: c.id,
      serviceIds: c.serviceIds,
      busy: cur && since !== null ? { serviceId: cur.serviceId, since } : null,
      streak: state.priorityStreaks[c.id] ?? 0,
    });
  }
  return {
    now,
    waiting,
    servers,
    rule: { kind: 'ratio', ratio: state.settings.priorityRatio },
    recentCalls: recentCalls.slice(-20),
  };
}

/**
 * Tickets ahead of `entry` in the call order, counting only those competing for the same
 * counters. Head start: earlier effective join time. Ratio: priority first, then joining order.
 */
export function countAhead(snap: LineSnapshot, entry: WaitingEntry): number {
  const mine = snap.servers.filter((s) => canServe(s, entry.serviceId));
  const key = (w: WaitingEntry) =>
    snap.rule.kind === 'headStart' && w.priority ? w.joinedAt - snap.rule.sec : w.joinedAt;
  const usePriority = snap.rule.kind === 'ratio' && snap.rule.ratio > 0;
  let n = 0;
  for (const w of snap.waiting) {
    if (w.id === entry.id) continue;
    if (!mine.some((s) => canServe(s, w.serviceId))) continue;
    if (usePriority && w.priority !== entry.priority) {
      if (w.priority) n++;
      continue;
    }
    if (key(w) < key(entry) || (key(w) === key(entry) && w.id < entry.id)) n++;
  }
  return n;
}
