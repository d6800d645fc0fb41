import { z } from 'zod';
import { idSchema, languageSchema, localizedTextSchema, roleSchema, textOrLocalized } from '../schemas.ts';
import { SIGNAGE_KINDS } from './signage-schemas.ts';

/** Bodies and queries of the admin API. Deep checks (time zone, codes in use…) are the engine's. */

const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');
const openingHoursSchema = z
  .object(
    Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
        d,
        z.object({ open: clockTime, close: clockTime }).strict().optional(),
      ]),
    ),
  )
  .strict();

/** A store's name: one for every language, or one per language (`{ en, 'zh-Hans'? }`). */
const storeName = textOrLocalized(80);

export const storeSettingsPatch = z
  .object({
    name: storeName,
    /** false: the store takes no tickets (its kiosks and phones say it is closed). */
    active: z.boolean(),
    timeZone: z.string().min(1).max(64),
    languages: z.array(languageSchema).min(1).max(2),
    serviceLevelTargetSec: z
      .number()
      .int()
      .min(10)
      .max(24 * 3600),
    serviceLevelGoal: z.number().min(0).max(1),
    priorityRatio: z.number().int().min(0).max(10),
    allowPhoneJoin: z.boolean(),
    /** The address QR codes and links give to phones; null: the server's PUBLIC_URL. */
    publicUrl: z.string().trim().min(1).max(200).nullable(),
    autoNoShow: z
      .object({ graceSec: z.number().int().min(0).max(3600), maxRecalls: z.number().int().min(0).max(100) })
      .strict()
      .nullable(),
    openingHours: openingHoursSchema,
  })
  .partial()
  .strict();
export type StoreSettingsPatch = z.infer<typeof storeSettingsPatch>;

export const createStoreBody = storeSettingsPatch
  .extend({ slug: slugSchema, name: storeName, timeZone: z.string().min(1).max(64) })
  .strict();

const serviceFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,3}$/, '1 to 3 capital letters'),
  name: localizedTextSchema,
  sortOrder: z.number().int().min(0).max(10_000),
  active: z.boolean(),
};
export const createServiceBody = z
  .object({
    id: slugSchema,
    ...serviceFields,
    sortOrder: serviceFields.sortOrder.optional(),
    active: serviceFields.active.optional(),
  })
  .strict();
export const updateServiceBody = z.object(serviceFields).partial().strict();

const counterFields = {
  name: z.string().trim().min(1).max(60),
  serviceIds: z.array(idSchema).min(1).max(50),
  active: z.boolean(),
};
export const createCounterBody = z
  .object({ id: slugSchema.optional(), ...counterFields, active: counterFields.active.optional() })
  .strict();
export const updateCounterBody = z.object(counterFields).partial().strict();

export const updateUserBody = z
  .object({
    password: z.string().min(8).max(200),
    role: roleSchema,
    storeIds: z.array(idSchema).max(100),
    active: z.boolean(),
  })
  .partial()
  .strict();
export const userListQuery = z.object({ store: idSchema.optional() }).strict();

export const pairDeviceBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'the 6-digit code shown on the device'),
    name: z.string().trim().min(1).max(60),
  })
  .strict();

const signageWindow = z
  .object({ weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7), from: clockTime, to: clockTime })
  .strict();
/** Media URLs are our own upload URLs or http(s) addresses. */
const mediaUrl = z
  .string()
  .max(500)
  .refine((u) => u.startsWith('/api/') || /^https?:\/\//.test(u), 'an uploaded file URL or an http(s) address');
const signageFields = {
  kind: z.enum(SIGNAGE_KINDS),
  url: mediaUrl.nullable(),
  /** One text for every language, or `{ en, 'zh-Hans'? }`. */
  text: textOrLocalized(500).nullable(),
  durationSec: z.number().int().min(1).max(3600),
  windows: z.array(signageWindow).max(20),
  sortOrder: z.number().int().min(0).max(100_000),
  active: z.boolean(),
};
export const createSignageBody = z
  .object({
    ...signageFields,
    url: signageFields.url.optional(),
    text: signageFields.text.optional(),
    durationSec: signageFields.durationSec.optional().default(10),
    windows: signageFields.windows.optional().default([]),
    sortOrder: signageFields.sortOrder.optional(),
    active: signageFields.active.optional(),
  })
  .strict()
  .refine((b) => (b.kind === 'text' ? !!b.text : !!b.url), {
    message: 'a text slide needs `text`; an image or video needs `url`',
  });
export const updateSignageBody = z.object(signageFields).partial().strict();

export const createBroadcastBody = z
  .object({
    /** One message for every language, or `{ en, 'zh-Hans'? }`. */
    message: textOrLocalized(300),
    /** How long it shows; ignored when `expiresAt` is given. */
    durationMin: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    expiresAt: z.string().datetime().optional(),
  })
  .strict()
  .refine((b) => b.durationMin !== undefined || b.expiresAt !== undefined, {
    message: 'give durationMin or expiresAt',
  });

export const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }).strict();
