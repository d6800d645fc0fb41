import type { DayFacts } from './day-facts.ts';
import { count, feedbackFigures, seconds, share } from './figures.ts';
import type { Measures } from './measures.ts';
import { addInto, asFeedbackAggregates, nearestRank, SEGMENT_KEYS, type Sums, TICKET_KEYS, zeros } from './sums.ts';

/** How tickets are grouped: overall, per day, per hour and per service. */
export type TicketGrouping = 'all' | 'day' | 'hour' | 'service';
const GROUPINGS: readonly TicketGrouping[] = ['all', 'day', 'hour', 'service'];

const KEY: Record<TicketGrouping, (day: string, cell: { hour: number; serviceId: string }) => string> = {
  all: () => 'all',
  day: (day) => day,
  hour: (_, c) => String(c.hour),
  service: (_, c) => c.serviceId,
};

interface Group {
  t: Sums<(typeof TICKET_KEYS)[number]> | undefined;
  waitMax: number | null;
  s: Sums<(typeof SEGMENT_KEYS)[number]> | undefined;
  waits: number[];
  /** Distinct (day, hour) with arrivals: the hours throughput is divided by. */
  activeHours: Set<string>;
  /** Tickets never called, still waiting, and past the target by the end of the range (or now). */
  missedWaiting: number;
}

/** A ticket still waiting past the target: a service-level miss, in its group cell. */
export interface WaitingMiss {
  day: string;
  hour: number;
  serviceId: string;
}

/**
 * Measures of the tickets issued on the range's days, per grouping and group key (as text, so
 * hours and ids look alike), added up from the days' facts in one pass. Tickets are the
 * population; walk-up and service times come from their segments, each under its own service.
 */
export function ticketMeasures(
  days: ReadonlyMap<string, DayFacts>,
  waitingMisses: readonly WaitingMiss[],
): Record<TicketGrouping, Map<string, Measures>> {
  const groups = Object.fromEntries(GROUPINGS.map((g) => [g, new Map<string, Group>()])) as Record<
    TicketGrouping,
    Map<string, Group>
  >;
  const each = (day: string, cell: { hour: number; serviceId: string }, f: (g: Group) => void) => {
    for (const grouping of GROUPINGS) {
      const k = KEY[grouping](day, cell);
      let g = groups[grouping].get(k);
      if (!g) {
        g = { t: undefined, waitMax: null, s: undefined, waits: [], activeHours: new Set(), missedWaiting: 0 };
        groups[grouping].set(k, g);
      }
      f(g);
    }
  };
  for (const [day, facts] of days) {
    for (const cell of facts.tickets) {
      each(day, cell, (g) => {
        g.t ??= zeros(TICKET_KEYS);
        addInto(g.t, cell, TICKET_KEYS);
        if (cell.waitMax !== null) g.waitMax = g.waitMax === null ? cell.waitMax : Math.max(g.waitMax, cell.waitMax);
        g.activeHours.add(`${day} ${cell.hour}`);
      });
    }
    for (const cell of facts.segments) {
      each(day, cell, (g) => {
        g.s ??= zeros(SEGMENT_KEYS);
        addInto(g.s, cell, SEGMENT_KEYS);
      });
    }
    for (const w of facts.waits) each(day, w, (g) => g.waits.push(w.waitMs));
  }
  for (const m of waitingMisses) {
    each(m.day, m, (g) => {
      g.missedWaiting++;
    });
  }
  const result = {} as Record<TicketGrouping, Map<string, Measures>>;
  for (const grouping of GROUPINGS)
    result[grouping] = new Map([...groups[grouping]].map(([k, g]) => [k, toMeasures(g)]));
  return result;
}

function toMeasures({ t, waitMax, s, waits, activeHours, missedWaiting }: Group): Measures {
  const issued = count(t?.issued);
  const called = count(t?.called);
  const served = count(t?.served);
  const noShows = count(t?.noShows);
  const cancelled = count(t?.cancelled);
  const sorted = Float64Array.from(waits).sort();
  return {
    issued,
    called,
    served,
    noShows,
    cancelled,
    waiting: count(t?.waiting),
    inService: count(t?.inService),
    avgWaitSec: seconds(mean(t?.waitSum, t?.waitN)),
    p50WaitSec: seconds(nearestRank(sorted, 50)),
    p90WaitSec: seconds(nearestRank(sorted, 90)),
    maxWaitSec: seconds(waitMax),
    avgWalkUpSec: seconds(mean(s?.walkUpSum, s?.walkUpN)),
    avgServiceSec: seconds(mean(s?.serviceSum, s?.serviceN)),
    avgTimeInSystemSec: seconds(mean(t?.systemSum, t?.systemN)),
    serviceLevel: share(t?.slMet, called + count(t?.slMissedCancelled) + missedWaiting),
    noShowRate: share(noShows, called),
    abandonmentRate: share(cancelled, issued),
    firstContactResolution: share(t?.fcr, served),
    throughputPerHour: share(served, activeHours.size),
    csatSatisfied: share(t?.csatTop, t?.csatN),
    ...feedbackFigures(asFeedbackAggregates(t ?? zeros(TICKET_KEYS))),
  };
}

/** `sum / n`, or null for no values (SQL's AVG). */
export function mean(sum: number | undefined, n: number | undefined): number | null {
  return n ? (sum ?? 0) / n : null;
}
