import '@shoelace-style/shoelace/dist/components/button/button.js';
import { html } from 'lit';
import type { CounterDto, PublicTicketDto } from '../../../shared/domain.ts';
import { terminalStyles } from '../lc-counter-terminal.styles.ts';
import { StaffElement } from '../staff-element.ts';
import { staffStyles } from '../staff-styles.ts';
import { TERMINAL_KEYS, type TerminalAction } from '../terminal-keys.ts';
import { TerminalActionEvent } from './terminal-events.ts';

/**
 * Which actions the counter's state allows: the same guard for the buttons and the keys, so a
 * key never sends what the server would refuse anyway.
 * @example allowedActions(counter, 'called', false).recall // true
 */
export function allowedActions(
  counter: Pick<CounterDto, 'status'>,
  ticketStatus: PublicTicketDto['status'] | null,
  busy: boolean,
): Record<TerminalAction, boolean> {
  const open = counter.status === 'open';
  const allowed: Record<TerminalAction, boolean> = {
    callNext: open,
    recall: ticketStatus === 'called',
    start: ticketStatus === 'called',
    complete: ticketStatus === 'called' || ticketStatus === 'serving',
    noShow: ticketStatus === 'called',
    transfer: !!ticketStatus,
    open: counter.status !== 'open',
    pause: open,
    close: counter.status !== 'closed',
  };
  if (busy) for (const key of Object.keys(allowed) as TerminalAction[]) allowed[key] = false;
  return allowed;
}

/**
 * The nine one-key actions as buttons, each showing its key.
 * @fires terminal-action - the operator pressed an action's button
 */
export class LcCounterActions extends StaffElement {
  static override properties = {
    counter: { attribute: false },
    ticketStatus: { attribute: false },
    busy: { type: Boolean },
  };
  static override styles = [staffStyles, terminalStyles];
  declare counter: CounterDto | null;
  declare ticketStatus: PublicTicketDto['status'] | null;
  declare busy: boolean;

  constructor() {
    super();
    this.counter = null;
    this.ticketStatus = null;
    this.busy = false;
  }

  override render() {
    if (!this.counter) return html``;
    const enabled = allowedActions(this.counter, this.ticketStatus, this.busy);
    const button = (action: TerminalAction, variant: 'default' | 'primary' | 'danger' = 'default') =>
      html`<sl-button variant=${variant} ?outline=${variant === 'danger'} data-testid="action-${action}" ?disabled=${!enabled[action]} @click=${() => this.dispatchEvent(new TerminalActionEvent(action))}>
        ${this.t(`action.${action}`)}<kbd slot="suffix">${action === 'callNext' ? `${TERMINAL_KEYS.callNext} / ␣` : TERMINAL_KEYS[action]}</kbd>
      </sl-button>`;
    return html`<div class="actions">
        ${button('callNext', 'primary')}${button('recall')}${button('start')}${button('complete')}${button('noShow', 'danger')}${button('transfer')}
      </div>
      <div class="actions">${button('open')}${button('pause')}${button('close')}</div>`;
  }
}
customElements.define('lc-counter-actions', LcCounterActions);

declare global {
  interface HTMLElementTagNameMap {
    'lc-counter-actions': LcCounterActions;
  }
}
