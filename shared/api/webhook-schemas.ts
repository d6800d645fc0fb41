import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../protocol.ts';

const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), 'an http(s) address');

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  /** Empty or left out: every event. */
  events: z.array(z.enum(WEBHOOK_EVENTS)).max(WEBHOOK_EVENTS.length).optional(),
});

export const updateWebhookBody = z
  .strictObject({
    url: webhookUrl,
    events: z.array(z.enum(WEBHOOK_EVENTS)).max(WEBHOOK_EVENTS.length),
    active: z.boolean(),
  })
  .partial();

export const webhookSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  /** Shared with the receiver, which verifies each delivery's signature with it. */
  secret: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});

export const webhookDeliverySchema = z.strictObject({
  id: z.string(),
  webhookId: z.string(),
  eventType: z.string(),
  seq: z.number(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export const webhookDeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export type WebhookDto = z.infer<typeof webhookSchema>;
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;
