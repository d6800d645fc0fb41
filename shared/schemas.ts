import { z } from 'zod';
import { LANGUAGES, ROLES } from './domain.ts';

/** Every inbound payload is parsed with one of these, on the server and (where useful) in apps. */

export const languageSchema = z.enum(LANGUAGES);
export const roleSchema = z.enum(ROLES);
export const idSchema = z.string().min(1).max(64);
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** Text per language, English required: `{ en, 'zh-Hans'? }`, each at most `max` characters. */
export function localizedTextOf(max: number) {
  return z
    .object({ en: z.string().trim().min(1).max(max), 'zh-Hans': z.string().trim().min(1).max(max).optional() })
    .strict();
}
export const localizedTextSchema = localizedTextOf(80);
/** One text for every language, or one per language: a plain string stays accepted. */
export function textOrLocalized(max: number) {
  return z.union([z.string().trim().min(1).max(max), localizedTextOf(max)]);
}

export const issueTicketBody = z
  .object({
    serviceId: idSchema,
    priority: z.boolean().optional().default(false),
    language: languageSchema.optional().default('en'),
    idempotencyKey: z.string().min(8).max(100).optional(),
  })
  .strict();
export type IssueTicketBody = z.infer<typeof issueTicketBody>;

export const feedbackBody = z
  .object({
    csat: z.number().int().min(1).max(5).optional(),
    nps: z.number().int().min(0).max(10).optional(),
    ces: z.number().int().min(1).max(7).optional(),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((f) => f.csat !== undefined || f.nps !== undefined || f.ces !== undefined || !!f.comment, {
    message: 'give at least one of csat, nps, ces or comment',
  });
export type FeedbackBody = z.infer<typeof feedbackBody>;

export const loginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

export const pauseBody = z.object({ reason: z.string().trim().min(1).max(200) }).strict();
/** Routes without a body still refuse one with fields: a typo must not pass silently. */
export const emptyBody = z.object({}).strict();
export const transferBody = z.object({ serviceId: idSchema }).strict();
export const callTicketBody = z.object({ ticketId: idSchema, reason: z.string().trim().min(3).max(200) }).strict();

export const reportRangeQuery = z
  .object({ from: localDateSchema, to: localDateSchema })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`' });

export const createUserBody = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash and underscore only'),
    password: z.string().min(8).max(200),
    role: roleSchema,
    storeIds: z.array(idSchema).max(100).default([]),
  })
  .strict();

/**
 * `batch`: a public room's events come as `line:events` (every event committed in one turn of the
 * server, in `seq` order, in one message) instead of one message each.
 */
export const socketJoinPayload = z
  .object({ store: z.string().min(1).max(64), staff: z.boolean().optional(), batch: z.boolean().optional() })
  .strict();

export const heartbeatPayload = z
  .object({
    store: z.string().min(1).max(64),
    kind: z.enum(['signage', 'kiosk']),
    /** Device token of a paired screen or kiosk; unpaired screens report anonymously. */
    deviceToken: z.string().min(16).max(200).optional(),
    layout: z.string().max(40).optional(),
    lastRenderedAt: z.string().datetime(),
    lastTicketShown: z.string().max(20).nullable().optional(),
  })
  .strict();

export const startPairingBody = z
  .object({ store: z.string().min(1).max(64), kind: z.enum(['kiosk', 'signage']) })
  .strict();
export const staffingQuery = z.object({ date: localDateSchema.optional() }).strict();
export const dayQuery = z.object({ day: localDateSchema.optional() }).strict();
