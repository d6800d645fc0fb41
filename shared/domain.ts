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

// The answers' shapes are inferred from the operation map's zod schemas (shared/api/).
export type {
  CounterDto,
  NextCall,
  NextCalls,
  PublicTicketDto,
  QueueSnapshot,
  ServiceDto,
  StorePublicConfig,
  TicketDto,
  UserDto,
  WaitRange,
} from './api/line-schemas.ts';

export interface FeedbackInput {
  csat?: number;
  nps?: number;
  ces?: number;
  comment?: string;
}
