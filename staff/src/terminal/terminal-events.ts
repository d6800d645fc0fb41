import type { TerminalAction } from '../terminal-keys.ts';

/** The terminal's parts tell it what the operator asked for; it alone talks to the server. */

/** A counter was picked (or `null`: back to the picker). */
export class CounterChosenEvent extends Event {
  static readonly type = 'counter-chosen';
  readonly counterId: string | null;
  constructor(counterId: string | null) {
    super(CounterChosenEvent.type, { bubbles: true, composed: true });
    this.counterId = counterId;
  }
}

/** One of the one-key actions was pressed. */
export class TerminalActionEvent extends Event {
  static readonly type = 'terminal-action';
  readonly action: TerminalAction;
  constructor(action: TerminalAction) {
    super(TerminalActionEvent.type, { bubbles: true, composed: true });
    this.action = action;
  }
}

/** The pause form was sent with its reason. */
export class PauseReasonEvent extends Event {
  static readonly type = 'pause-reason';
  readonly reason: string;
  constructor(reason: string) {
    super(PauseReasonEvent.type, { bubbles: true, composed: true });
    this.reason = reason;
  }
}

/** A service to transfer the current ticket to was chosen. */
export class TransferChosenEvent extends Event {
  static readonly type = 'transfer-chosen';
  readonly serviceId: string;
  constructor(serviceId: string) {
    super(TransferChosenEvent.type, { bubbles: true, composed: true });
    this.serviceId = serviceId;
  }
}

/** The open form or dialog was dismissed. */
export class PromptCancelEvent extends Event {
  static readonly type = 'prompt-cancel';
  constructor() {
    super(PromptCancelEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'counter-chosen': CounterChosenEvent;
    'terminal-action': TerminalActionEvent;
    'pause-reason': PauseReasonEvent;
    'transfer-chosen': TransferChosenEvent;
    'prompt-cancel': PromptCancelEvent;
  }
}
