import type { Command } from './commands.ts';
import { decideUpdateSettings, decideUpsertCounter, decideUpsertService } from './decide-admin.ts';
import { decideCallNext, decideCallTicket } from './decide-calls.ts';
import { decideCounterStatus } from './decide-counter-status.ts';
import { decideCurrentTicket } from './decide-current-ticket.ts';
import { decideCancel, decideRecordFeedback } from './decide-customer-commands.ts';
import { decideExpireCalls } from './decide-expire-calls.ts';
import { decideIssueTicket } from './decide-issue-ticket.ts';
import type { Decision } from './rejection.ts';
import type { Millis, StoreState } from './state.ts';

/**
 * What a command would do to a store at `now`: the events to record, or why it is refused.
 * Pure: the same state, command and time always give the same answer.
 * @example decide(state, { type: 'call_next', counterId: 'c1' }, Date.now())
 */
export function decide(state: StoreState, command: Command, now: Millis): Decision {
  switch (command.type) {
    case 'issue_ticket':
      return decideIssueTicket(state, command, now);
    case 'call_next':
      return decideCallNext(state, command, now);
    case 'call_ticket':
      return decideCallTicket(state, command, now);
    case 'recall':
    case 'start_service':
    case 'complete':
    case 'no_show':
    case 'transfer':
      return decideCurrentTicket(state, command, now);
    case 'cancel':
      return decideCancel(state, command, now);
    case 'record_feedback':
      return decideRecordFeedback(state, command, now);
    case 'open_counter':
    case 'pause_counter':
    case 'close_counter':
      return decideCounterStatus(state, command, now);
    case 'expire_calls':
      return decideExpireCalls(state, now);
    case 'update_settings':
      return decideUpdateSettings(state, command, now);
    case 'upsert_service':
      return decideUpsertService(state, command, now);
    case 'upsert_counter':
      return decideUpsertCounter(state, command, now);
  }
}
