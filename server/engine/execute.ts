import { applyEvents } from './apply-event.ts';
import type { Command } from './commands.ts';
import { decide } from './decide.ts';
import type { EngineEvent } from './events.ts';
import type { Rejection } from './rejection.ts';
import type { Millis, StoreState } from './state.ts';

export type ExecuteResult =
  | { ok: true; events: EngineEvent[]; state: StoreState }
  | { ok: false; rejection: Rejection };

/**
 * Decides a command and folds its events: the new state, or the refusal (the old state stands).
 * @example const result = execute(state, { type: 'call_next', counterId: 'c1' }, now); if (result.ok) state = result.state;
 */
export function execute(state: StoreState, command: Command, now: Millis): ExecuteResult {
  const decision = decide(state, command, now);
  if (!decision.ok) return decision;
  return { ok: true, events: decision.events, state: applyEvents(state, decision.events) };
}
