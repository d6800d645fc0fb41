import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { actionForKey, isTyping, type TerminalAction } from '../terminal-keys.ts';

/** What a key press means on the terminal's current screen. */
export interface TerminalKeyTargets {
  /** The screen: choosing a counter, choosing a transfer service, or working the counter. */
  screen: () => 'picker' | 'transfer' | 'counter';
  /** Digit keys 1–9 on the picker and in the transfer dialog pick the n-th choice (0-based). */
  onDigit: (index: number) => void;
  onAction: (action: TerminalAction) => void;
  onEscape: () => void;
}

/**
 * The terminal's keyboard, listening on the window while its host is connected: Escape closes
 * a prompt, digits choose, letters act. Keys typed into a field belong to the field.
 *
 * @example
 * new TerminalKeysController(this, { screen: () => …, onDigit: (i) => …, onAction: (a) => …, onEscape: () => … });
 */
export class TerminalKeysController implements ReactiveController {
  readonly #targets: TerminalKeyTargets;

  constructor(host: ReactiveControllerHost, targets: TerminalKeyTargets) {
    this.#targets = targets;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKey);
  }

  #onKey = (event: KeyboardEvent) => {
    if (isTyping(event) || event.repeat) return;
    if (event.key === 'Escape') {
      this.#targets.onEscape();
      return;
    }
    const screen = this.#targets.screen();
    if (screen !== 'counter') {
      if (/^[1-9]$/.test(event.key)) this.#targets.onDigit(Number(event.key) - 1);
      return;
    }
    const action = actionForKey(event);
    if (!action) return;
    event.preventDefault();
    this.#targets.onAction(action);
  };
}
