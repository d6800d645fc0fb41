import type { DeviceStatusPayload } from '../../shared/protocol.ts';

/** A screen that has not been heard from for this long is offline. */
const OFFLINE_AFTER_MS = 60_000;
/** A screen that is heard from but has not re-rendered for this long is stale (frozen page). */
const STALE_RENDER_MS = 90_000;

type Device = DeviceStatusPayload['devices'][number];

export interface Beat {
  id: string | null;
  name: string;
  kind: 'signage' | 'kiosk';
  seenAt: number;
  renderedAt: number;
  lastTicketShown: string | null;
}

/** online / stale / offline for a screen or kiosk, from its heartbeats. */
export function deviceStatus(beat: Pick<Beat, 'seenAt' | 'renderedAt'> | null, now: number): Device['status'] {
  if (!beat || now - beat.seenAt > OFFLINE_AFTER_MS) return 'offline';
  return now - beat.renderedAt > STALE_RENDER_MS ? 'stale' : 'online';
}

export function toDeviceEntry(beat: Beat, now: number): Device {
  return {
    id: beat.id,
    name: beat.name,
    kind: beat.kind,
    status: deviceStatus(beat, now),
    lastSeenAt: new Date(beat.seenAt).toISOString(),
    lastRenderedAt: new Date(beat.renderedAt).toISOString(),
    lastTicketShown: beat.lastTicketShown,
  };
}
