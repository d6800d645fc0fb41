import type { FeedbackInput, Language } from '../../shared/domain.ts';
import type { Counter, Service, StoreSettings, TicketSource } from './state.ts';

/**
 * What someone asks the engine to do. Ids and tokens are made by the adapter (the engine has
 * no randomness), so a command replays to the same events.
 */
export type Command =
  | {
      type: 'issue_ticket';
      ticketId: string;
      token: string;
      serviceId: string;
      priority: boolean;
      language: Language;
      source: TicketSource;
      idempotencyKey: string | null;
    }
  | { type: 'call_next'; counterId: string }
  | { type: 'call_ticket'; counterId: string; ticketId: string; reason: string; actorId: string }
  | { type: 'recall'; counterId: string }
  | { type: 'start_service'; counterId: string }
  | { type: 'complete'; counterId: string }
  | { type: 'no_show'; counterId: string }
  | { type: 'transfer'; counterId: string; serviceId: string }
  | { type: 'cancel'; ticketId: string }
  | { type: 'record_feedback'; ticketId: string; feedback: FeedbackInput }
  | { type: 'open_counter'; counterId: string; operatorId: string | null }
  | { type: 'pause_counter'; counterId: string; reason: string }
  | { type: 'close_counter'; counterId: string }
  /** Marks called tickets as no-shows once the store's grace time and recalls are used up. */
  | { type: 'expire_calls' }
  | { type: 'update_settings'; settings: Omit<StoreSettings, 'id' | 'slug'> }
  | { type: 'upsert_service'; service: Service }
  | {
      type: 'upsert_counter';
      counter: Pick<Counter, 'id' | 'name' | 'serviceIds' | 'active'>;
    };

export type CommandType = Command['type'];
