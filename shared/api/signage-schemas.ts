import { z } from 'zod';
import { localizedTextOut } from './line-schemas.ts';

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
  /** The slide's text (English, or the one text for every language). */
  text: z.string().nullable(),
  /** The text per language, when given per language: screens show their language's. */
  textByLanguage: localizedTextOut.optional(),
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
  textByLanguage: localizedTextOut.optional(),
  durationSec: z.number(),
  windows: z.array(weeklyWindowSchema),
});

export const broadcastSchema = z.strictObject({
  id: z.string(),
  message: z.string(),
  /** The message per language, when given per language. */
  messageByLanguage: localizedTextOut.optional(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

/** What every screen shows of a broadcast (also the `signage:broadcast` socket event's fields). */
export const liveBroadcastSchema = broadcastSchema.pick({
  id: true,
  message: true,
  messageByLanguage: true,
  expiresAt: true,
});

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
