import { applyEventTo } from './apply-event.ts';
import type { Command } from './commands.ts';
import { decide } from './decide.ts';
import type { Decision } from './rejection.ts';
import type { Millis, StoreState } from './state.ts';
import { StateDraft } from './state-draft.ts';

/** Runs commands against a private copy of a state that it updates in place. */
export interface QueueRunner {
  /** The live state: read it between commands, but copy what must outlive the next command. */
  readonly state: StoreState;
  execute(command: Command, now: Millis): Decision;
}

/**
 * The same decide and reducer as `execute`, without copying the day's tickets on every command:
 * for simulations that run a store day on a virtual clock. Servers keep using `execute`, which
 * leaves the old state intact for when a transaction fails.
 * @example const runner = createQueueRunner(state); runner.execute({ type: 'call_next', counterId: 'c1' }, now);
 */
export function createQueueRunner(initial: StoreState): QueueRunner {
  const draft = new StateDraft(initial, true);
  return {
    state: draft.state,
    execute(command, now) {
      const decision = decide(draft.state, command, now);
      if (decision.ok) for (const event of decision.events) applyEventTo(draft, event);
      return decision;
    },
  };
}
