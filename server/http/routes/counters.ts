import type { Command } from '../../engine/commands.ts';
import { counterDto, nextCall, ticketDto } from '../../line/views.ts';
import type { ApiRouter } from '../api-router.ts';
import type { Deps } from '../deps.ts';
import { HttpError, rejectionError } from '../http-error.ts';
import type { ResolvedStore } from '../policy-check.ts';

/** What every counter operation gets from the router: the store and the `:counter` of the path. */
interface AtCounter {
  deps: Deps;
  store: ResolvedStore;
  params: { counter: string };
}

/** The counter of the path; it must exist before any command touches it. */
function counterOf({ store, params }: AtCounter): string {
  if (!store.state.counters[params.counter]) throw new HttpError(404, 'unknown_counter', 'No such counter.');
  return params.counter;
}

async function dispatch(at: AtCounter, command: Command) {
  const result = await at.deps.lines.dispatch(at.store.id, command);
  if (!result.ok) throw rejectionError(result.rejection);
  const counter = result.state.counters[at.params.counter];
  if (!counter) throw new HttpError(404, 'unknown_counter', 'No such counter.');
  return { state: result.state, counter };
}

/** Runs the command; answers the counter as it is after it. */
async function answerCounter(at: AtCounter, command: Command) {
  const { state, counter } = await dispatch(at, command);
  return { counter: counterDto(state, counter) };
}

/**
 * Runs the command; answers the ticket it touched, as it is now: the newly called one after a
 * call, else the one acted on. Its own events say which (the counter may have moved on since, when
 * a later command shared its commit).
 */
async function answerTicket(at: AtCounter, command: Command) {
  const result = await at.deps.lines.dispatch(at.store.id, command);
  if (!result.ok) throw rejectionError(result.rejection);
  const calls = command.type === 'call_next' || command.type === 'call_ticket';
  const touched = calls
    ? result.events.find((e) => e.type === 'ticket:called')
    : result.events.findLast((e) => 'ticketId' in e);
  const ticketId = touched && 'ticketId' in touched ? touched.ticketId : undefined;
  const ticket = ticketId ? result.state.tickets[ticketId] : undefined;
  // call-next when nobody waits: nobody new is called.
  if (!ticket) return { ticket: null };
  return { ticket: ticketDto(result.state, ticket, at.deps.waits.forStore(at.store.id), false) };
}

/** The counter terminal's verbs: one operation each, all acting on the counter's own current ticket. */
export function counterRoutes(api: ApiRouter): void {
  api.register('openCounter', (at) =>
    answerCounter(at, { type: 'open_counter', counterId: counterOf(at), operatorId: at.caller.user.id }),
  );
  api.register('pauseCounter', (at) =>
    answerCounter(at, { type: 'pause_counter', counterId: counterOf(at), reason: at.body.reason }),
  );
  api.register('closeCounter', (at) => answerCounter(at, { type: 'close_counter', counterId: counterOf(at) }));
  api.register('callNext', (at) => answerTicket(at, { type: 'call_next', counterId: counterOf(at) }));
  api.register('callTicket', (at) =>
    answerTicket(at, {
      type: 'call_ticket',
      counterId: counterOf(at),
      ticketId: at.body.ticketId,
      reason: at.body.reason,
      actorId: at.caller.user.id,
    }),
  );
  api.register('nextCall', (at) => {
    const counter = at.store.state.counters[counterOf(at)]!;
    return { next: nextCall(at.store.state, counter) };
  });
  api.register('recall', (at) => answerTicket(at, { type: 'recall', counterId: counterOf(at) }));
  api.register('startService', (at) => answerTicket(at, { type: 'start_service', counterId: counterOf(at) }));
  api.register('completeService', (at) => answerTicket(at, { type: 'complete', counterId: counterOf(at) }));
  api.register('noShow', (at) => answerTicket(at, { type: 'no_show', counterId: counterOf(at) }));
  api.register('transfer', (at) =>
    answerTicket(at, { type: 'transfer', counterId: counterOf(at), serviceId: at.body.serviceId }),
  );
}
