import type { z } from 'zod';
import type {
  CounterDto,
  LocalizedText,
  NextCalls,
  PublicTicketDto,
  QueueSnapshot,
  StorePublicConfig,
  WaitRange,
} from './domain.ts';
import type { heartbeatPayload, socketJoinPayload } from './schemas.ts';

/** Every store-room event carries the `seq` of its event row; one per row, none skipped. */
export interface Sequenced {
  seq: number;
  storeId: string;
  at: string;
}

export interface TicketEventPayload extends Sequenced {
  ticket: PublicTicketDto;
  counterId: string | null;
  counterName: string | null;
}

export interface TransferEventPayload extends TicketEventPayload {
  fromServiceId: string;
  toServiceId: string;
}

export interface CounterEventPayload extends Sequenced {
  counter: CounterDto;
}

/** Feedback reaches public displays as a bare fact; staff also get the scores and comment. */
export interface FeedbackEventPayload extends Sequenced {
  ticketId: string;
  csat?: number;
  nps?: number;
  ces?: number;
  comment?: string;
}

export interface ConfigEventPayload extends Sequenced {
  config: StorePublicConfig;
}

/** How many waiting tickets a public room's `waits:updated` carries the wait of: what a screen shows. */
export const PUBLIC_WAITS_TICKETS = 10;

/**
 * Derived data: repeats the `seq` of the change it reflects. Public rooms get a bounded payload
 * (per service, and the next `PUBLIC_WAITS_TICKETS` waiting tickets); a phone reads its own
 * ticket's wait from `GET /api/tickets/:token`. Staff rooms get every waiting ticket.
 */
export interface WaitsPayload {
  seq: number;
  storeId: string;
  /** Wait for a customer arriving now, per service id. */
  waits: Record<string, WaitRange>;
  /**
   * Wait per waiting ticket id: in public rooms only the first `PUBLIC_WAITS_TICKETS` in joining
   * order, in staff rooms all of them.
   */
  tickets: Record<string, WaitRange>;
  /** The next waiting tickets in joining order, with their waits (at most `PUBLIC_WAITS_TICKETS`). */
  next?: Array<{ ticketId: string; number: string; serviceId: string; wait: WaitRange | null }>;
}

/**
 * Staff rooms only, derived data like `waits:updated` (it repeats the `seq` of the last event of
 * the commit it follows): what `call next` at each counter would call now, by the engine's rule.
 */
export interface NextCallsPayload {
  seq: number;
  storeId: string;
  next: NextCalls;
}

export interface BroadcastPayload {
  storeId: string;
  id: string;
  message: string;
  messageByLanguage?: LocalizedText;
  expiresAt: string;
}

export interface DeviceStatusPayload {
  storeId: string;
  devices: Array<{
    id: string | null;
    name: string;
    kind: 'signage' | 'kiosk';
    status: 'online' | 'stale' | 'offline';
    lastSeenAt: string | null;
    lastRenderedAt: string | null;
    lastTicketShown: string | null;
  }>;
}

/** One sequenced event inside `line:events`: its name and the payload it has on its own. */
export type LineEvent = {
  [E in SequencedEventName]: { name: E; payload: Parameters<ServerToClientEvents[E]>[0] };
}[SequencedEventName];

/**
 * Public rooms joined with `batch: true`: the events committed in one turn of the server, in
 * `seq` order and contiguous, each exactly as it would come on its own. One message per turn
 * instead of one per event: a thousand screens cost a frame each per batch, not per event.
 */
export interface LineEventsPayload {
  storeId: string;
  events: LineEvent[];
}

export interface ServerToClientEvents {
  'queue:snapshot': (snapshot: QueueSnapshot) => void;
  'line:events': (p: LineEventsPayload) => void;
  'ticket:issued': (p: TicketEventPayload) => void;
  'ticket:called': (p: TicketEventPayload) => void;
  'ticket:recalled': (p: TicketEventPayload) => void;
  'ticket:started': (p: TicketEventPayload) => void;
  'ticket:done': (p: TicketEventPayload) => void;
  'ticket:no_show': (p: TicketEventPayload) => void;
  'ticket:cancelled': (p: TicketEventPayload) => void;
  'ticket:transferred': (p: TransferEventPayload) => void;
  'ticket:feedback': (p: FeedbackEventPayload) => void;
  'counter:updated': (p: CounterEventPayload) => void;
  'store:updated': (p: ConfigEventPayload) => void;
  'waits:updated': (p: WaitsPayload) => void;
  'line:next': (p: NextCallsPayload) => void;
  'signage:broadcast': (p: BroadcastPayload) => void;
  'signage:content-changed': (p: { storeId: string }) => void;
  'devices:status': (p: DeviceStatusPayload) => void;
}

export type JoinPayload = z.infer<typeof socketJoinPayload>;
export type HeartbeatPayload = z.infer<typeof heartbeatPayload>;
export type JoinAck = { ok: true; staff: boolean } | { ok: false; error: { code: string; message: string } };

export interface ClientToServerEvents {
  /** Join a store's room; the server answers with `queue:snapshot`. */
  join: (p: JoinPayload, ack?: (r: JoinAck) => void) => void;
  /** Ask for a fresh snapshot (after a `seq` gap). */
  resync: (p: { store: string }) => void;
  heartbeat: (p: HeartbeatPayload) => void;
}

/** Names of the events that carry a `seq` of their own. */
export const SEQUENCED_EVENTS = [
  'ticket:issued',
  'ticket:called',
  'ticket:recalled',
  'ticket:started',
  'ticket:done',
  'ticket:no_show',
  'ticket:cancelled',
  'ticket:transferred',
  'ticket:feedback',
  'counter:updated',
  'store:updated',
] as const satisfies ReadonlyArray<keyof ServerToClientEvents>;
export type SequencedEventName = (typeof SEQUENCED_EVENTS)[number];

/** What an outgoing webhook can carry: every sequenced ticket and counter event (store settings stay inside). */
export type WebhookEventType = Exclude<SequencedEventName, 'store:updated'>;
export const WEBHOOK_EVENTS = SEQUENCED_EVENTS.filter((e): e is WebhookEventType => e !== 'store:updated') as [
  WebhookEventType,
  ...WebhookEventType[],
];

export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}
