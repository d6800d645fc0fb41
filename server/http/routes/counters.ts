import type { Context } from 'hono';
import { callTicketBody, emptyBody, pauseBody, transferBody } from '../../../shared/schemas.ts';
import type { Command } from '../../engine/commands.ts';
import { counterDto, ticketDto } from '../../line/views.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { requireRole, storeFromPath } from '../guards.ts';
import { HttpError, rejectionError } from '../http-error.ts';

type CounterAction =
  | 'open'
  | 'pause'
  | 'close'
  | 'call-next'
  | 'call-ticket'
  | 'recall'
  | 'start'
  | 'complete'
  | 'no-show'
  | 'transfer';

interface ActionSpec {
  summary: string;
  role: 'operator' | 'manager';
  body?: typeof pauseBody | typeof transferBody | typeof callTicketBody | typeof emptyBody;
  command: (counterId: string, body: Record<string, string>, userId: string) => Command;
  /** What the answer carries: the counter, or the ticket the action touched. */
  answers: 'counter' | 'ticket';
}

const ACTIONS: Record<CounterAction, ActionSpec> = {
  open: {
    summary: 'Open the counter (the signed-in user becomes its operator)',
    role: 'operator',
    answers: 'counter',
    command: (counterId, _b, userId) => ({ type: 'open_counter', counterId, operatorId: userId }),
  },
  pause: {
    summary: 'Pause the counter, with a reason',
    role: 'operator',
    body: pauseBody,
    answers: 'counter',
    command: (counterId, b) => ({ type: 'pause_counter', counterId, reason: b.reason ?? '' }),
  },
  close: {
    summary: 'Close the counter',
    role: 'operator',
    answers: 'counter',
    command: (counterId) => ({ type: 'close_counter', counterId }),
  },
  'call-next': {
    summary: 'Finish the current ticket if any, then call the next eligible ticket of the single line',
    role: 'operator',
    answers: 'ticket',
    command: (counterId) => ({ type: 'call_next', counterId }),
  },
  'call-ticket': {
    summary: 'Call one waiting ticket out of order, with a reason (audited)',
    role: 'manager',
    body: callTicketBody,
    answers: 'ticket',
    command: (counterId, b, userId) => ({
      type: 'call_ticket',
      counterId,
      ticketId: b.ticketId ?? '',
      reason: b.reason ?? '',
      actorId: userId,
    }),
  },
  recall: {
    summary: 'Announce the current ticket again',
    role: 'operator',
    answers: 'ticket',
    command: (counterId) => ({ type: 'recall', counterId }),
  },
  start: {
    summary: 'The customer arrived: start service',
    role: 'operator',
    answers: 'ticket',
    command: (counterId) => ({ type: 'start_service', counterId }),
  },
  complete: {
    summary: 'Service finished',
    role: 'operator',
    answers: 'ticket',
    command: (counterId) => ({ type: 'complete', counterId }),
  },
  'no-show': {
    summary: 'The called customer did not come',
    role: 'operator',
    answers: 'ticket',
    command: (counterId) => ({ type: 'no_show', counterId }),
  },
  transfer: {
    summary: 'Send the current ticket back to the line for another service, keeping its number and place in time',
    role: 'operator',
    body: transferBody,
    answers: 'ticket',
    command: (counterId, b) => ({ type: 'transfer', counterId, serviceId: b.serviceId ?? '' }),
  },
};

/** The counter terminal's verbs: one route each, all acting on the counter's own current ticket. */
export function counterRoutes(api: ApiRouter): void {
  for (const [action, spec] of Object.entries(ACTIONS) as Array<[CounterAction, ActionSpec]>) {
    api.route(
      {
        method: 'post',
        path: `/stores/:store/counters/:counter/${action}`,
        summary: spec.summary,
        tag: 'counters',
        audience: spec.role,
        ...(spec.body ? { body: spec.body } : {}),
        responses: {
          200:
            spec.answers === 'counter'
              ? '{counter}'
              : action === 'call-next'
                ? '{ticket} or {ticket:null} when nobody waits'
                : '{ticket}',
          401: 'not signed in',
          403: 'not allowed in this store',
          404: 'unknown store, counter, service or ticket',
          409: 'not possible in the counter’s state (e.g. counter_not_open, no_current_ticket)',
          422: 'invalid body',
          503: 'the store is busy (line_busy): nothing changed, try again after Retry-After',
        },
      },
      (c) => act(c, action, spec),
    );
  }
}

async function act(c: Context<AppEnv>, action: CounterAction, spec: ActionSpec) {
  const { storeId, state } = storeFromPath(c);
  const user = requireRole(c, spec.role, storeId);
  const counterId = c.req.param('counter') ?? '';
  if (!state.counters[counterId]) throw new HttpError(404, 'unknown_counter', 'No such counter.');
  const body = spec.body ? ((await readBody(c, spec.body)) as Record<string, string>) : {};
  if (!spec.body) await readBody(c, emptyBody);
  const before = state.counters[counterId]?.currentTicketId ?? null;
  const { lines, waits } = c.get('deps');
  const result = await lines.dispatch(storeId, spec.command(counterId, body, user.id));
  if (!result.ok) throw rejectionError(result.rejection);
  const after = result.state;
  const counter = after.counters[counterId];
  if (spec.answers === 'counter') return c.json({ counter: counter && counterDto(after, counter) });
  // The ticket the action touched: the newly current one after a call, else the one it acted on.
  const ticketId = action === 'call-next' || action === 'call-ticket' ? counter?.currentTicketId : before;
  const ticket = ticketId ? after.tickets[ticketId] : undefined;
  if (action === 'call-next' && (!ticket || ticket.id === before)) return c.json({ ticket: null });
  return c.json({ ticket: ticket ? ticketDto(after, ticket, waits.forStore(storeId), false) : null });
}
