import { z } from 'zod';
import { LANGUAGES } from '../domain.ts';
import { counterSchema, localizedTextOut, serviceSchema } from './line-schemas.ts';

/** What the admin API answers beyond the line's own DTOs. */

const hours = z.strictObject({ open: z.string(), close: z.string() });

export const storeSettingsSchema = z.strictObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  /** The name per language; absent: `name` in every language. */
  nameByLanguage: localizedTextOut.optional(),
  /** false: deactivated (takes no tickets); absent: active. */
  active: z.boolean().optional(),
  timeZone: z.string(),
  languages: z.array(z.enum(LANGUAGES)),
  serviceLevelTargetSec: z.number(),
  serviceLevelGoal: z.number(),
  priorityRatio: z.number(),
  allowPhoneJoin: z.boolean(),
  /** The address QR codes and links give to phones; absent or null: the server's `PUBLIC_URL`. */
  publicUrl: z.string().nullable().optional(),
  autoNoShow: z.strictObject({ graceSec: z.number(), maxRecalls: z.number() }).nullable(),
  /** Per ISO weekday (1 = Monday … 7 = Sunday), local "HH:MM". */
  openingHours: z.strictObject(
    Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, hours.optional()])),
  ),
});

/** Everything the admin pages show of a store: settings plus every service and counter, inactive ones too. */
export const adminStoreSchema = z.strictObject({
  settings: storeSettingsSchema,
  services: z.array(serviceSchema),
  counters: z.array(counterSchema.extend({ active: z.boolean() })),
});

export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  action: z.string(),
  actorId: z.string().nullable(),
  actor: z.string().nullable(),
  details: z.unknown(),
  at: z.string(),
});

export type StoreSettingsDto = z.infer<typeof storeSettingsSchema>;
export type AdminStoreDto = z.infer<typeof adminStoreSchema>;
export type AuditLogEntry = z.infer<typeof auditEntrySchema>;
