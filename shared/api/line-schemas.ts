import { z } from 'zod';
import { COUNTER_STATUSES, LANGUAGES, ROLES, TICKET_STATUSES } from '../domain.ts';

/**
 * What the server answers about the line, as zod schemas: the integration tests parse every real
 * answer with them, OpenAPI shows them as JSON Schema, and the apps' types are inferred from them.
 * Times are ISO-8601 strings, durations seconds.
 */

const iso = z.string();
const isoOrNull = iso.nullable();

export const waitRangeSchema = z.strictObject({ p50: z.number(), p90: z.number() });
export const localizedTextOut = z.strictObject({ en: z.string(), 'zh-Hans': z.string().optional() });

export const serviceSchema = z.strictObject({
  id: z.string(),
  code: z.string(),
  name: localizedTextOut,
  sortOrder: z.number(),
  active: z.boolean(),
});

export const counterSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  serviceIds: z.array(z.string()),
  status: z.enum(COUNTER_STATUSES),
  /** Number of the ticket currently called or served here, e.g. "A042". */
  currentTicketNumber: z.string().nullable(),
  currentTicketId: z.string().nullable(),
  pauseReason: z.string().nullable(),
  statusSince: iso,
});

export const storeConfigSchema = z.strictObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  /** The name per language (show the customer's); absent: `name` in every language. */
  nameByLanguage: localizedTextOut.optional(),
  /** false: the store is deactivated and takes no tickets. */
  active: z.boolean().optional(),
  timeZone: z.string(),
  languages: z.array(z.enum(LANGUAGES)),
  allowPhoneJoin: z.boolean(),
  serviceLevelTargetSec: z.number(),
  /** The address QR codes and links give to phones (the store's setting); null: the server's `PUBLIC_URL`. */
  publicUrl: z.string().nullable(),
  services: z.array(serviceSchema),
  counters: z.array(counterSchema.pick({ id: true, name: true, serviceIds: true, status: true })),
});

const ticketFields = {
  id: z.string(),
  /** The store whose line the ticket is in (its socket room). */
  storeId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.boolean(),
  language: z.enum(LANGUAGES),
  issuedAt: iso,
  calledAt: isoOrNull,
  startedAt: isoOrNull,
  doneAt: isoOrNull,
  counterId: z.string().nullable(),
  counterName: z.string().nullable(),
  /** 1-based place among the tickets that will be called before this one; null once called. */
  position: z.number().int().nullable(),
  wait: waitRangeSchema.nullable(),
  recalls: z.number().int(),
  transfers: z.number().int(),
  feedbackGiven: z.boolean(),
};
/** What a public display sees of a ticket: no token. */
export const publicTicketSchema = z.strictObject(ticketFields);
/** The token is only sent to the ticket's holder and to staff. */
export const ticketSchema = z.strictObject({ ...ticketFields, token: z.string().optional() });

/** The ticket `call next` at a counter would call now, by the engine's own class rule. */
export const nextCallSchema = z.strictObject({
  ticketId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  priority: z.boolean(),
});
/** Per active counter id: its next call, or null when nobody it may serve waits. */
export const nextCallsSchema = z.record(z.string(), nextCallSchema.nullable());

export const queueSnapshotSchema = z.strictObject({
  seq: z.number().int(),
  storeId: z.string(),
  waiting: z.array(publicTicketSchema),
  called: z.array(publicTicketSchema),
  /** The last 10 calls of the day, newest first, whatever became of them since. */
  recentCalls: z.array(publicTicketSchema),
  /** No-shows of the last 30 minutes, newest first ("missed — please see staff"). */
  missed: z.array(publicTicketSchema),
  counters: z.array(counterSchema),
  waits: z.record(z.string(), waitRangeSchema),
  /** Number of people waiting per service id. */
  waitingByService: z.record(z.string(), z.number().int()),
  /**
   * Staff rooms only (never public rooms or `GET /queue`): what each counter would call next,
   * kept current by `line:next`.
   */
  nextCalls: nextCallsSchema.optional(),
  at: iso,
});

export const userSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  storeIds: z.array(z.string()),
  active: z.boolean(),
});

export const DEVICE_KINDS = ['kiosk', 'signage'] as const;
export const deviceSchema = z.strictObject({
  id: z.string(),
  storeId: z.string(),
  kind: z.enum(DEVICE_KINDS),
  name: z.string(),
  createdAt: iso,
  revokedAt: isoOrNull,
  lastSeenAt: isoOrNull,
  lastRenderedAt: isoOrNull,
  lastTicketShown: z.string().nullable(),
  layout: z.string().nullable(),
});

/** A device's view of its pairing; the token is handed over exactly once. */
export const pairingStatusSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('paired'), deviceToken: z.string(), device: deviceSchema.optional() }),
  z.strictObject({ status: z.enum(['pending', 'claimed', 'expired']) }),
]);

export type WaitRange = z.infer<typeof waitRangeSchema>;
export type ServiceDto = z.infer<typeof serviceSchema>;
export type CounterDto = z.infer<typeof counterSchema>;
export type StorePublicConfig = z.infer<typeof storeConfigSchema>;
export type TicketDto = z.infer<typeof ticketSchema>;
export type PublicTicketDto = z.infer<typeof publicTicketSchema>;
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;
export type NextCall = z.infer<typeof nextCallSchema>;
export type NextCalls = z.infer<typeof nextCallsSchema>;
export type UserDto = z.infer<typeof userSchema>;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export type DeviceDto = z.infer<typeof deviceSchema>;
export type PairingStatus = z.infer<typeof pairingStatusSchema>;
