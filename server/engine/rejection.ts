import type { EngineEvent } from './events.ts';

/** Why the engine refused a command. The HTTP edge maps each code to a status. */
export const REJECTION_CODES = [
  'store_inactive',
  'unknown_service',
  'service_inactive',
  'unknown_counter',
  'counter_inactive',
  'counter_not_open',
  'counter_busy',
  'counter_not_serving_service',
  'no_current_ticket',
  'unknown_ticket',
  'ticket_not_waiting',
  'ticket_already_started',
  'ticket_not_done',
  'feedback_already_given',
  'invalid_transfer',
  'invalid_settings',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
}

export type Decision = { ok: true; events: EngineEvent[] } | { ok: false; rejection: Rejection };
