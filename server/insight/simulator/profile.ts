import { z } from 'zod';

const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'local time "HH:MM"');

/** Service-time distribution: lognormal by mean and coefficient of variation, or resampled observations. */
export const ServiceTimeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lognormal'), meanSec: z.number().positive(), cv: z.number().positive() }),
  z.object({ kind: z.literal('empirical'), samplesSec: z.array(z.number().positive()).min(1) }),
]);

/** A store-day profile. See docs/simulator-profiles.md. */
export const ProfileSchema = z.object({
  name: z.string(),
  timeZone: z.string().default('UTC'),
  /** Local opening time; arrival slots start here. */
  open: hhmm,
  /** Local closing time: no arrivals after it; people already in line are still served. */
  close: hhmm,
  priorityRatio: z.number().int().min(0).default(2),
  serviceLevelTargetSec: z.number().positive().default(300),
  serviceLevelGoal: z.number().min(0).max(1).default(0.8),
  services: z
    .array(
      z.object({
        id: z.string(),
        code: z.string().min(1).max(3),
        name: z.string(),
        /** Expected arrivals in each 15-minute slot from `open`; the last value repeats until `close`. */
        arrivalsPer15Min: z.array(z.number().min(0)).min(1),
        priorityShare: z.number().min(0).max(1).default(0.05),
        serviceTime: ServiceTimeSchema,
      }),
    )
    .min(1),
  counters: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        serviceIds: z.array(z.string()).min(1),
        /** Local intervals the counter is staffed; a closing counter finishes its customer first. */
        schedule: z.array(z.object({ from: hhmm, to: hhmm })),
      }),
    )
    .min(1),
  /** Share of called customers who never come to the counter. */
  noShowShare: z.number().min(0).max(1).default(0.03),
  /** How long a counter waits for a no-show before marking it. */
  noShowAfterSec: z.number().positive().default(60),
  /** Time from call to the start of service (walking to the counter). */
  walkUpSec: z.number().min(0).default(20),
  /** Mean patience (exponential); customers still waiting after it leave. null = nobody leaves. */
  meanPatienceSec: z.number().positive().nullable().default(1800),
  /** Arrival multiplier per ISO weekday (1 = Monday); missing = 1, 0 = closed. */
  weekdayFactor: z.record(z.string(), z.number().min(0)).default({}),
});

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

/** Validates a profile (throws a readable zod error). */
export const parseProfile = (json: unknown): Profile => ProfileSchema.parse(json);
