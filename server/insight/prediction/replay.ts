import type { HistoryRow } from './history.ts';
import type { LineSnapshot, PriorityRule, ServerEntry, WaitingEntry } from './snapshot.ts';

export interface ReplayOptions {
  rule: PriorityRule;
  /** Services each counter may serve; counters not listed serve every service. */
  counterServices?: Record<string, string[]>;
  /**
   * History does not record when an idle counter was open, so an idle counter counts as open
   * for this long after its last service (a counter seen working recently is still staffed).
   */
  openIdleSec?: number;
}

type Ev = { at: number; kind: 0 | 1 | 2 | 3; row: HistoryRow };

/**
 * Replays history rows in time order and calls `visit` with the line as it was just before
 * each arrival — built only from what had happened by then (no look-ahead).
 */
export function replayArrivals(
  rows: readonly HistoryRow[],
  opts: ReplayOptions,
  visit: (snap: LineSnapshot, row: HistoryRow) => void,
): void {
  const evs: Ev[] = [];
  for (const r of rows) {
    // Same instant: releases (0) before calls (1) before departures (2) before arrivals (3).
    evs.push({ at: r.issuedAt, kind: 3, row: r });
    if (r.calledAt !== null) evs.push({ at: r.calledAt, kind: 1, row: r });
    if (r.calledAt !== null && r.doneAt !== null) evs.push({ at: r.doneAt, kind: 0, row: r });
    if (r.calledAt === null && r.leftAt !== null) evs.push({ at: r.leftAt, kind: 2, row: r });
  }
  evs.sort((a, b) => a.at - b.at || a.kind - b.kind);
  const idle = (opts.openIdleSec ?? 900) * 1000;
  const waiting = new Map<string, WaitingEntry>();
  const busy = new Map<string, { serviceId: string; since: number; ticket: string }>();
  const lastSeen = new Map<string, number>();
  const recent: LineSnapshot['recentCalls'] = [];
  for (const e of evs) {
    const r = e.row;
    if (e.kind === 3) {
      const servers: ServerEntry[] = [];
      for (const [id, seen] of lastSeen) {
        const b = busy.get(id);
        if (!b && e.at - seen > idle) continue;
        servers.push({
          id,
          serviceIds: opts.counterServices?.[id] ?? null,
          busy: b ? { serviceId: b.serviceId, since: b.since } : null,
        });
      }
      const list = [...waiting.values()];
      visit({ now: e.at, waiting: list, servers, rule: opts.rule, recentCalls: recent.slice(-20) }, r);
      // Someone called or gone at the very instant they arrived never stood in line.
      if ((r.calledAt ?? r.leftAt ?? Number.POSITIVE_INFINITY) > r.issuedAt) {
        waiting.set(r.id, { id: r.id, serviceId: r.serviceId, priority: r.priority, joinedAt: r.issuedAt });
      }
    } else if (e.kind === 1) {
      waiting.delete(r.id);
      recent.push({ serviceId: r.serviceId, joinedAt: r.issuedAt, calledAt: e.at });
      if (recent.length > 40) recent.splice(0, 20);
      if (r.counterId !== null) {
        busy.set(r.counterId, { serviceId: r.serviceId, since: e.at, ticket: r.id });
        lastSeen.set(r.counterId, e.at);
      }
    } else if (e.kind === 0) {
      if (r.counterId !== null && busy.get(r.counterId)?.ticket === r.id) {
        busy.delete(r.counterId);
        lastSeen.set(r.counterId, e.at);
      }
    } else {
      waiting.delete(r.id);
    }
  }
}
