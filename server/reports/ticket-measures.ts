import type { DayFacts, FeedbackSums, SegmentCell, TicketCell } from './day-facts.ts';
import { count, feedbackFigures, seconds, share } from './figures.ts';
import type { Measures } from './measures.ts';
import { addSums, asFeedbackAggregates, NO_FEEDBACK_SUMS, nearestRank } from './sums.ts';

/** How tickets are grouped: the same roll-up serves overall, per day, per hour and per service. */
export type TicketGrouping = 'all' | 'day' | 'hour' | 'service';

const KEY: Record<TicketGrouping, (day: string, cell: { hour: number; serviceId: string }) => string> = {
  all: () => 'all',
  day: (day) => day,
  hour: (_, c) => String(c.hour),
  service: (_, c) => c.serviceId,
};

interface Group {
  t: Omit<TicketCell, 'hour' | 'serviceId' | 'waitMax'> | undefined;
  waitMax: number | null;
  s: Omit<SegmentCell, 'hour' | 'serviceId'> | undefined;
  waits: number[];
  /** Distinct (day, hour) with arrivals: the hours throughput is divided by. */
  activeHours: Set<string>;
  /** Tickets never called, still waiting, and past the target by the end of the range (or now). */
  missedWaiting: number;
}

/** A ticket still waiting, reduced to what the service level needs: its group cell and whether it is a miss. */
export interface WaitingMiss {
  day: string;
  hour: number;
  serviceId: string;
}

/**
 * Measures of the tickets issued on the range's days, per group key (as text, so hours and ids
 * look alike), added up from the days' facts. Tickets are the population; walk-up and service
 * times come from their segments, each under its own service.
 */
export function ticketMeasures(
  days: ReadonlyMap<string, DayFacts>,
  waitingMisses: readonly WaitingMiss[],
  grouping: TicketGrouping,
): Map<string, Measures> {
  const key = KEY[grouping];
  const groups = new Map<string, Group>();
  const group = (k: string) => {
    const found = groups.get(k);
    if (found) return found;
    const g: Group = { t: undefined, waitMax: null, s: undefined, waits: [], activeHours: new Set(), missedWaiting: 0 };
    groups.set(k, g);
    return g;
  };
  for (const [day, facts] of days) {
    for (const { hour, serviceId, waitMax, ...sums } of facts.tickets) {
      const g = group(key(day, { hour, serviceId }));
      g.t = g.t ? addSums(g.t, sums) : sums;
      if (waitMax !== null) g.waitMax = g.waitMax === null ? waitMax : Math.max(g.waitMax, waitMax);
      g.activeHours.add(`${day} ${hour}`);
    }
    for (const { hour, serviceId, ...sums } of facts.segments) {
      const g = group(key(day, { hour, serviceId }));
      g.s = g.s ? addSums(g.s, sums) : { ...sums };
    }
    for (const w of facts.waits) group(key(day, w)).waits.push(w.waitMs);
  }
  for (const m of waitingMisses) group(key(m.day, m)).missedWaiting++;
  const result = new Map<string, Measures>();
  for (const [k, g] of groups) result.set(k, toMeasures(g));
  return result;
}

function toMeasures({ t, waitMax, s, waits, activeHours, missedWaiting }: Group): Measures {
  const issued = count(t?.issued);
  const called = count(t?.called);
  const served = count(t?.served);
  const noShows = count(t?.noShows);
  const cancelled = count(t?.cancelled);
  const feedback: FeedbackSums = t ?? NO_FEEDBACK_SUMS;
  waits.sort((a, b) => a - b);
  return {
    issued,
    called,
    served,
    noShows,
    cancelled,
    waiting: count(t?.waiting),
    inService: count(t?.inService),
    avgWaitSec: seconds(mean(t?.waitSum, t?.waitN)),
    p50WaitSec: seconds(nearestRank(waits, 50)),
    p90WaitSec: seconds(nearestRank(waits, 90)),
    maxWaitSec: seconds(waitMax),
    avgWalkUpSec: seconds(mean(s?.walkUpSum, s?.walkUpN)),
    avgServiceSec: seconds(mean(s?.serviceSum, s?.serviceN)),
    avgTimeInSystemSec: seconds(mean(t?.systemSum, t?.systemN)),
    serviceLevel: share(t?.slMet, called + count(t?.slMissedCancelled) + missedWaiting),
    noShowRate: share(noShows, called),
    abandonmentRate: share(cancelled, issued),
    firstContactResolution: share(t?.fcr, served),
    throughputPerHour: share(served, activeHours.size),
    csatSatisfied: share(feedback.csatTop, feedback.csatN),
    ...feedbackFigures(asFeedbackAggregates(feedback)),
  };
}

/** `sum / n`, or null for no values (SQL's AVG). */
export function mean(sum: number | undefined, n: number | undefined): number | null {
  return n ? (sum ?? 0) / n : null;
}
