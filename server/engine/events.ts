import type { FeedbackInput } from '../../shared/domain.ts';
import type { Counter, Millis, Service, StoreSettings, Ticket } from './state.ts';

/**
 * What happened. Events are the source of truth: `applyEvent` folds them into state, the store
 * appends them with a per-store `seq`, and sockets publish them under the same names.
 */
export type EngineEvent =
  | { type: 'ticket:issued'; at: Millis; ticket: Ticket }
  | {
      type: 'ticket:called';
      at: Millis;
      ticketId: string;
      counterId: string;
      operatorId: string | null;
      /** Set when a manager called this ticket out of order (audited). */
      manual: { reason: string; actorId: string } | null;
    }
  | { type: 'ticket:recalled'; at: Millis; ticketId: string; counterId: string }
  | { type: 'ticket:started'; at: Millis; ticketId: string; counterId: string }
  | { type: 'ticket:done'; at: Millis; ticketId: string; counterId: string }
  | { type: 'ticket:no_show'; at: Millis; ticketId: string; counterId: string }
  | { type: 'ticket:cancelled'; at: Millis; ticketId: string }
  | {
      type: 'ticket:transferred';
      at: Millis;
      ticketId: string;
      counterId: string;
      fromServiceId: string;
      toServiceId: string;
    }
  | { type: 'ticket:feedback'; at: Millis; ticketId: string; feedback: FeedbackInput }
  | { type: 'counter:updated'; at: Millis; counter: Counter }
  | { type: 'service:updated'; at: Millis; service: Service }
  | { type: 'store:updated'; at: Millis; settings: StoreSettings };

export type EngineEventType = EngineEvent['type'];
