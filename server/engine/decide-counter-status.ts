import type { Command } from './commands.ts';
import { accept, reject } from './decision.ts';
import { findCounter, refused } from './lookup.ts';
import type { Decision } from './rejection.ts';
import type { Counter, Millis, StoreState } from './state.ts';

type CounterStatusCommand = Extract<Command, { type: 'open_counter' | 'pause_counter' | 'close_counter' }>;

/**
 * Opens, pauses or closes a counter. Opening an open counter only changes its operator; pausing or
 * closing needs the counter to be free, so no customer is left standing at a closed window.
 */
export function decideCounterStatus(state: StoreState, command: CounterStatusCommand, now: Millis): Decision {
  const counter = findCounter(state, command.counterId);
  if (refused(counter)) return counter;
  if (command.type === 'open_counter') {
    return updated(counter, { status: 'open', pauseReason: null, operatorId: command.operatorId }, now);
  }
  if (counter.currentTicketId) {
    return reject('counter_busy', `Counter ${counter.name} must finish its current ticket first.`);
  }
  if (command.type === 'pause_counter') return updated(counter, { status: 'paused', pauseReason: command.reason }, now);
  return updated(counter, { status: 'closed', pauseReason: null, operatorId: null }, now);
}

function updated(counter: Counter, change: Partial<Counter>, now: Millis): Decision {
  const next = { ...counter, ...change };
  if (next.status !== counter.status) next.statusSince = now;
  return accept({ type: 'counter:updated', at: now, counter: next });
}
