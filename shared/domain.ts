/**
 * The one vocabulary of Linecast, shared by server and clients.
 * Times on the wire are ISO-8601 strings; durations are seconds.
 */

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

export const ROLES = ['admin', 'manager', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text in each of the store's languages, e.g. `{ en: 'Returns', 'zh-Hans': '退货' }`. */
export type LocalizedText = Partial<Record<Language, string>> & { en: string };

/** A predicted wait range in seconds: half of customers wait less than p50, nine in ten less than p90. */
export interface WaitRange {
  p50: number;
  p90: number;
}

export interface ServiceDto {
  id: string;
  code: string;
  name: LocalizedText;
  sortOrder: number;
  active: boolean;
}

export interface CounterDto {
  id: string;
  name: string;
  serviceIds: string[];
  status: CounterStatus;
  /** Number of the ticket currently called or served here, e.g. "A042". */
  currentTicketNumber: string | null;
  currentTicketId: string | null;
  pauseReason: string | null;
  statusSince: string;
}

export interface StorePublicConfig {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  languages: Language[];
  allowPhoneJoin: boolean;
  /** The address QR codes and links give to phones (the store's setting); null: the server's `PUBLIC_URL`. */
  publicUrl: string | null;
  serviceLevelTargetSec: number;
  services: ServiceDto[];
  counters: Array<Pick<CounterDto, 'id' | 'name' | 'serviceIds' | 'status'>>;
}

export interface TicketDto {
  id: string;
  /** The store whose line the ticket is in (its socket room). */
  storeId: string;
  /** Only sent to the ticket's holder and to staff; never to public displays. */
  token?: string;
  number: string;
  serviceId: string;
  status: TicketStatus;
  priority: boolean;
  language: Language;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
  counterId: string | null;
  counterName: string | null;
  /** 1-based place among the tickets that will be called before this one; null once called. */
  position: number | null;
  wait: WaitRange | null;
  recalls: number;
  transfers: number;
  feedbackGiven: boolean;
}

/** What a public display sees of a ticket: no token, no language. */
export type PublicTicketDto = Omit<TicketDto, 'token'>;

export interface QueueSnapshot {
  seq: number;
  storeId: string;
  waiting: PublicTicketDto[];
  called: PublicTicketDto[];
  /** The last 10 calls of the day, newest first, whatever became of them since. */
  recentCalls: PublicTicketDto[];
  /** No-shows of the last 30 minutes, newest first ("missed — please see staff"). */
  missed: PublicTicketDto[];
  counters: CounterDto[];
  waits: Record<string, WaitRange>;
  /** Number of people waiting per service id. */
  waitingByService: Record<string, number>;
  at: string;
}

export interface UserDto {
  id: string;
  username: string;
  role: Role;
  storeIds: string[];
  active: boolean;
}

export interface FeedbackInput {
  csat?: number;
  nps?: number;
  ces?: number;
  comment?: string;
}
