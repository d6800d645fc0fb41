import { z } from 'zod';

/** Signage content as the admin API and the public playlist answer it. */

export const SIGNAGE_KINDS = ['image', 'video', 'text'] as const;

/**
 * When an item may show, in the store's local time: ISO weekdays (1 = Monday … 7 = Sunday), from
 * "HH:MM" inclusive to "HH:MM" exclusive; `to` before `from` runs past midnight.
 */
export const weeklyWindowSchema = z.strictObject({
  weekdays: z.array(z.number().int()),
  from: z.string(),
  to: z.string(),
});

export const signageItemSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(SIGNAGE_KINDS),
  url: z.string().nullable(),
  text: z.string().nullable(),
  durationSec: z.number(),
  /** No windows means always. */
  windows: z.array(weeklyWindowSchema),
  sortOrder: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
});

/** The public playlist: only active items, in playing order. */
export const playlistItemSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(SIGNAGE_KINDS),
  url: z.string().optional(),
  text: z.string().optional(),
  durationSec: z.number(),
  windows: z.array(weeklyWindowSchema),
});

export const broadcastSchema = z.strictObject({
  id: z.string(),
  message: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

/** What every screen shows of a broadcast (also the `signage:broadcast` socket event's fields). */
export const liveBroadcastSchema = broadcastSchema.pick({ id: true, message: true, expiresAt: true });

export const uploadedMediaSchema = z.strictObject({
  url: z.string(),
  kind: z.enum(['image', 'video']),
  file: z.string(),
});

export type SignageKind = (typeof SIGNAGE_KINDS)[number];
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;
export type SignageItemDto = z.infer<typeof signageItemSchema>;
export type PlaylistItem = z.infer<typeof playlistItemSchema>;
export type BroadcastDto = z.infer<typeof broadcastSchema>;

/** Media types an upload may have (the server stores each under its own file extension). */
export const MEDIA_UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'video/mp4',
  'video/webm',
] as const;
