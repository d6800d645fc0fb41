import { z } from 'zod';

/**
 * Reports, staffing advice and dashboard figures. Durations are seconds, rates shares (0–1), NPS
 * −100…100; a figure is null when nothing it could be computed from happened. Definitions:
 * docs/reports.md.
 */

const figure = z.number().nullable();
const count = z.number().int();

/** Figures about a group of tickets (all of them, or those of one day, hour or service). */
export const measuresSchema = z.strictObject({
  /** Tickets issued. Always `served + noShows + cancelled + waiting + inService`. */
  issued: count,
  /** Tickets called at least once. */
  called: count,
  /** Tickets done. */
  served: count,
  noShows: count,
  /** Tickets cancelled: the people who left. */
  cancelled: count,
  /** Tickets in the line now (never called, or transferred and not called again). */
  waiting: count,
  /** Tickets called or being served now. */
  inService: count,
  avgWaitSec: figure,
  p50WaitSec: figure,
  p90WaitSec: figure,
  maxWaitSec: figure,
  avgWalkUpSec: figure,
  avgServiceSec: figure,
  avgTimeInSystemSec: figure,
  /**
   * Hits ÷ (called + misses never called): called within the target is a hit; a ticket never
   * called is a miss once it waited (or left after) longer than the target.
   */
  serviceLevel: figure,
  /** No-shows ÷ called. */
  noShowRate: figure,
  /** Cancelled ÷ issued. */
  abandonmentRate: figure,
  /** Done and never transferred ÷ done. */
  firstContactResolution: figure,
  /** Done ÷ distinct (day, hour) with arrivals in the group. */
  throughputPerHour: figure,
  csat: figure,
  /** Share of CSAT answers that are 4 or 5. */
  csatSatisfied: figure,
  csatCount: count,
  nps: figure,
  npsCount: count,
  ces: figure,
  cesCount: count,
});

/** Figures about the work done at one counter or by one operator (from service segments). */
export const staffMeasuresSchema = z.strictObject({
  /** Calls made (one per service segment; recalls are not new calls). */
  calls: count,
  served: count,
  noShows: count,
  /** Customers sent on to another service. */
  transferred: count,
  avgWalkUpSec: figure,
  avgServiceSec: figure,
  /** Average wait of the customers this counter or operator called first. */
  avgWaitSec: figure,
  firstContactResolution: figure,
  /** Time open (status `open`) within the range, up to now. */
  openSec: z.number(),
  /** Open time with a current ticket (from its call until done, no-show or transfer). */
  busySec: z.number(),
  /** Open time without a current ticket. */
  idleSec: z.number(),
  /** Served per open hour. */
  throughputPerHour: figure,
  csat: figure,
  csatCount: count,
  nps: figure,
  npsCount: count,
  ces: figure,
  cesCount: count,
});

export const waitSatisfactionBucketSchema = z.strictObject({
  waitBucket: z.string(),
  fromSec: z.number(),
  toSec: z.number().nullable(),
  n: count,
  avgCsat: figure,
  avgNpsScore: figure,
  avgCes: figure,
});

const operatorFigures = staffMeasuresSchema.extend({
  operatorId: z.string().nullable(),
  username: z.string().nullable(),
});

export const summarySchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  targetSec: z.number(),
  serviceLevelGoal: z.number(),
  /** When the report was computed; figures for today are as of this instant. */
  generatedAt: z.string(),
  overall: measuresSchema,
  byDay: z.array(measuresSchema.extend({ day: z.string() })),
  byHour: z.array(measuresSchema.extend({ hour: count })),
  byService: z.array(measuresSchema.extend({ serviceId: z.string(), code: z.string().nullable() })),
  byCounter: z.array(staffMeasuresSchema.extend({ counterId: z.string(), name: z.string().nullable() })),
  /** `operatorId` null gathers calls made with nobody signed in at the counter. */
  byOperator: z.array(operatorFigures),
  waitVsSatisfaction: z.array(waitSatisfactionBucketSchema),
});

/** The signed-in operator's own figures today. */
export const myDaySchema = z.strictObject({ day: z.string(), figures: operatorFigures.nullable() });

const waitOrNull = z.strictObject({ p50: z.number(), p90: z.number() }).nullable();
/** Erlang C's fewest counters meeting the goal in the long run, and how the simulated quarters fare. */
const advice = {
  counters: count,
  quartersMeetingGoal: figure,
  quartersWithOneMore: figure,
  pWait: z.number(),
  serviceLevel: z.number(),
  /** Null when the line cannot keep up (an unbounded wait). */
  averageWaitSec: figure,
  arrivalsPerHour: z.number(),
};
export const staffingSchema = z.strictObject({
  date: z.string(),
  timeZone: z.string(),
  targetSec: z.number(),
  goal: z.number(),
  meanServiceSec: z.number(),
  now: z
    .strictObject({
      ...advice,
      waiting: count,
      openCounters: count,
      /** Active counters the store has. */
      storeCounters: count,
      /**
       * The one advice every screen shows: `counters` (Erlang C, long run), raised to one more than
       * open while `predictedWait` is over the target.
       */
      needed: count,
      /** `needed` against the counters open and the counters the store has. */
      verdict: z.enum(['enough', 'open_more', 'beyond_store']),
      /** The one predicted wait for someone arriving now: the longest of any service, as the screens show it. */
      predictedWait: waitOrNull,
      /** The service `predictedWait` is for. */
      predictedServiceId: z.string().nullable(),
      /** With every counter of the store open, the wait of someone arriving now; set when `beyond_store`. */
      withAllCounters: waitOrNull,
      effect: z.strictObject({ fewer: waitOrNull, current: waitOrNull, more: waitOrNull }),
    })
    .nullable(),
  intervals: z.array(
    z.strictObject({ ...advice, start: z.string(), localTime: z.string(), meanServiceSec: z.number() }),
  ),
  hours: z.array(z.strictObject({ hour: count, counters: count })),
});

export const dashboardSchema = z.strictObject({
  day: z.string(),
  bins: z.array(z.strictObject({ start: z.string(), arrivals: count, served: count })),
  waitHistogram: z.array(z.strictObject({ fromSec: z.number(), toSec: z.number().nullable(), count })),
});

export type Measures = z.infer<typeof measuresSchema>;
export type StaffMeasures = z.infer<typeof staffMeasuresSchema>;
export type WaitSatisfactionBucket = z.infer<typeof waitSatisfactionBucketSchema>;
export type Summary = z.infer<typeof summarySchema>;
export type MyDay = z.infer<typeof myDaySchema>;
export type Staffing = z.infer<typeof staffingSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
