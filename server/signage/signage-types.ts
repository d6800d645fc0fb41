/** Signage content as the admin API and the public playlist show it. */

export const SIGNAGE_KINDS = ['image', 'video', 'text'] as const;
export type SignageKind = (typeof SIGNAGE_KINDS)[number];

/** When an item may show: ISO weekdays (1 = Monday … 7 = Sunday) and a local "HH:MM" range. */
export interface SignageWindow {
  weekdays: number[];
  from: string;
  to: string;
}

export interface SignageItemDto {
  id: string;
  kind: SignageKind;
  url: string | null;
  text: string | null;
  durationSec: number;
  /** No windows means always. */
  windows: SignageWindow[];
  sortOrder: number;
  active: boolean;
  createdAt: string;
}

/** The public shape from docs/team-contract.md: only active items, in order. */
export interface PlaylistItemDto {
  id: string;
  kind: SignageKind;
  url?: string;
  text?: string;
  durationSec: number;
  windows: SignageWindow[];
}

export interface BroadcastDto {
  id: string;
  message: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface SignageItemInput {
  kind: SignageKind;
  url?: string | null;
  text?: string | null;
  durationSec: number;
  windows: SignageWindow[];
  sortOrder?: number;
  active?: boolean;
}
