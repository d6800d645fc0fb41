/**
 * The shapes of a report. Durations are seconds, rates are shares (0–1), NPS is −100…100.
 * A figure is `null` when nothing it could be computed from happened (e.g. no feedback).
 * Exact definitions: `docs/reports.md`.
 */

/** Figures about a group of tickets (all of them, or those of one day, hour or service). */
export interface Measures {
  /** Tickets issued. Always `served + noShows + cancelled + waiting + inService`. */
  issued: number;
  /** Tickets called at least once. */
  called: number;
  /** Tickets done. */
  served: number;
  noShows: number;
  /** Tickets cancelled: the people who left. */
  cancelled: number;
  /** Tickets in the line now (never called, or transferred and not called again). */
  waiting: number;
  /** Tickets called or being served now. */
  inService: number;
  avgWaitSec: number | null;
  p50WaitSec: number | null;
  p90WaitSec: number | null;
  maxWaitSec: number | null;
  avgWalkUpSec: number | null;
  avgServiceSec: number | null;
  avgTimeInSystemSec: number | null;
  /**
   * Hits ÷ (called + misses never called): called within the target is a hit; a ticket never
   * called is a miss once it waited (or left after) longer than the target.
   */
  serviceLevel: number | null;
  /** No-shows ÷ called. */
  noShowRate: number | null;
  /** Cancelled ÷ issued. */
  abandonmentRate: number | null;
  /** Done and never transferred ÷ done. */
  firstContactResolution: number | null;
  /** Done ÷ distinct (day, hour) with arrivals in the group. */
  throughputPerHour: number | null;
  csat: number | null;
  /** Share of CSAT answers that are 4 or 5. */
  csatSatisfied: number | null;
  csatCount: number;
  nps: number | null;
  npsCount: number;
  ces: number | null;
  cesCount: number;
}

/** Figures about the work done at one counter or by one operator (from service segments). */
export interface StaffMeasures {
  /** Calls made (one per service segment; recalls are not new calls). */
  calls: number;
  served: number;
  noShows: number;
  /** Customers sent on to another service. */
  transferred: number;
  avgWalkUpSec: number | null;
  avgServiceSec: number | null;
  /** Average wait of the customers this counter or operator called first. */
  avgWaitSec: number | null;
  firstContactResolution: number | null;
  /** Time open (status `open`) within the range, up to now. */
  openSec: number;
  /** Open time with a current ticket (from its call until done, no-show or transfer). */
  busySec: number;
  /** Open time without a current ticket. */
  idleSec: number;
  /** Served per open hour. */
  throughputPerHour: number | null;
  csat: number | null;
  csatCount: number;
  nps: number | null;
  npsCount: number;
  ces: number | null;
  cesCount: number;
}

export interface WaitSatisfactionBucket {
  /** Label, e.g. `"2-5 min"`. */
  waitBucket: string;
  /** Waits in [fromSec, toSec); `toSec` null for the last, open-ended bucket. */
  fromSec: number;
  toSec: number | null;
  /** Tickets with a wait and a CSAT answer in this bucket. */
  n: number;
  avgCsat: number | null;
  /** Mean likelihood-to-recommend answer (0–10), not an NPS. */
  avgNpsScore: number | null;
  avgCes: number | null;
}

export interface Summary {
  from: string;
  to: string;
  timeZone: string;
  targetSec: number;
  serviceLevelGoal: number;
  /** When the report was computed (ISO); figures for today are as of this instant. */
  generatedAt: string;
  overall: Measures;
  /** Only days, hours and services that had tickets, in order. */
  byDay: Array<{ day: string } & Measures>;
  byHour: Array<{ hour: number } & Measures>;
  byService: Array<{ serviceId: string; code: string | null } & Measures>;
  /** Every counter of the store, active or not, plus any counter that appears in the data. */
  byCounter: Array<{ counterId: string; name: string | null } & StaffMeasures>;
  /** `operatorId` null gathers calls made with nobody signed in at the counter. */
  byOperator: Array<{ operatorId: string | null; username: string | null } & StaffMeasures>;
  waitVsSatisfaction: WaitSatisfactionBucket[];
}
