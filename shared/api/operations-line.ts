import { z } from 'zod';
import {
  callTicketBody,
  feedbackBody,
  issueTicketBody,
  loginBody,
  pauseBody,
  startPairingBody,
  transferBody,
} from '../schemas.ts';
import {
  counterSchema,
  nextCallSchema,
  pairingStatusSchema,
  queueSnapshotSchema,
  storeConfigSchema,
  ticketSchema,
  userSchema,
} from './line-schemas.ts';
import type { OperationDocs } from './operation.ts';
import type { OperationId } from './routes.ts';
import { liveBroadcastSchema, playlistItemSchema } from './signage-schemas.ts';

export const okSchema = z.strictObject({ ok: z.literal(true) });
const userAnswer = z.strictObject({ user: userSchema });
const ticketAnswer = z.strictObject({ ticket: ticketSchema });
const counterAnswer = z.strictObject({ counter: counterSchema });
/** The ticket a counter action touched; `null` from call-next when nobody waits. */
const actionAnswer = z.strictObject({ ticket: ticketSchema.nullable() });

/** A command the store could not queue: nothing changed. */
const BUSY = { 503: 'the store is busy (line_busy): nothing changed, try again after Retry-After' } as const;

const COUNTER_ERRORS = {
  401: 'not signed in',
  403: 'not allowed in this store',
  404: 'unknown store, counter, service or ticket',
  409: 'not possible in the counter’s state (e.g. counter_not_open, no_current_ticket)',
  422: 'invalid body',
  ...BUSY,
} as const;

function counterAction<A extends 'counter' | 'ticket', B extends z.ZodType | undefined = undefined>(
  summary: string,
  answer: A,
  body?: B,
) {
  return {
    summary,
    tag: 'counters',
    body: body as B,
    response: (answer === 'counter' ? counterAnswer : actionAnswer) as A extends 'counter'
      ? typeof counterAnswer
      : typeof actionAnswer,
    responses: { 200: answer === 'counter' ? '{counter}' : '{ticket}', ...COUNTER_ERRORS },
  };
}

/** The line's operations: system, sign-in, stores, tickets, counters, device pairing, public signage. */
export const lineDocs = {
  health: {
    summary: 'Liveness: ok once the database answers',
    tag: 'system',
    response: okSchema,
    responses: { 200: '{"ok":true}', 503: 'database unreachable' },
  },
  ready: {
    summary: 'Readiness: ok once the database answers and every migration has run',
    tag: 'system',
    response: okSchema,
    responses: { 200: '{"ok":true}', 503: 'not ready (database unreachable or migrations pending)' },
  },
  openApi: {
    summary: 'This document: every operation of the API',
    tag: 'system',
    response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
    responses: { 200: 'OpenAPI 3.1 document' },
  },
  login: {
    summary: 'Sign in; sets the session cookie',
    tag: 'auth',
    body: loginBody,
    response: userAnswer,
    responses: {
      200: '{user}',
      401: 'wrong username or password',
      422: 'invalid body',
      429: 'too many failed attempts',
    },
  },
  logout: {
    summary: 'End the session',
    tag: 'auth',
    response: okSchema,
    responses: { 200: 'signed out', 401: 'not signed in' },
  },
  me: {
    summary: 'The signed-in user',
    tag: 'auth',
    response: userAnswer,
    responses: { 200: '{user}', 401: 'not signed in' },
  },
  storeConfig: {
    summary: 'Public configuration: name, languages, services, counters',
    tag: 'stores',
    response: storeConfigSchema,
    responses: { 200: 'StorePublicConfig', 404: 'unknown store' },
  },
  queue: {
    summary:
      'Snapshot of the line: waiting, called, recent calls, no-shows, counters and waits per service (no tokens)',
    tag: 'stores',
    response: queueSnapshotSchema,
    responses: { 200: 'QueueSnapshot', 404: 'unknown store' },
  },
  issueTicket: {
    summary: 'Take a ticket for a service (kiosk device, staff, or anyone when the store allows joining from phones)',
    tag: 'tickets',
    body: issueTicketBody,
    response: ticketAnswer,
    responses: {
      201: 'the ticket, with its token',
      200: 'the ticket already issued for this idempotency key',
      401: 'not allowed to take tickets here',
      404: 'unknown store or service',
      409: 'service inactive',
      422: 'invalid body',
      429: 'too many tickets taken from phones at this address (rate_limited): nothing changed, see Retry-After',
      ...BUSY,
    },
  },
  getTicket: {
    summary: "A ticket's status, position, predicted wait and counter (for its holder)",
    tag: 'tickets',
    response: ticketAnswer,
    responses: { 200: '{ticket}', 404: 'unknown ticket' },
  },
  leaveLine: {
    summary: 'Leave the line',
    tag: 'tickets',
    response: ticketAnswer,
    responses: {
      200: '{ticket} now cancelled',
      404: 'unknown ticket',
      409: 'the ticket is no longer waiting',
      ...BUSY,
    },
  },
  giveFeedback: {
    summary: 'Rate the visit once, after service (CSAT 1–5, NPS 0–10, CES 1–7, comment)',
    tag: 'tickets',
    body: feedbackBody,
    response: okSchema,
    responses: {
      201: 'recorded',
      404: 'unknown ticket',
      409: 'not served yet, or feedback already given',
      422: 'invalid body',
      429: 'too many tries for this ticket or from this address (rate_limited): nothing changed, see Retry-After',
      ...BUSY,
    },
  },
  openCounter: counterAction('Open the counter (the signed-in user becomes its operator)', 'counter'),
  pauseCounter: counterAction('Pause the counter, with a reason', 'counter', pauseBody),
  closeCounter: counterAction('Close the counter', 'counter'),
  callNext: {
    ...counterAction(
      'Finish the current ticket if any, then call the next eligible ticket of the single line',
      'ticket',
    ),
    responses: { 200: '{ticket} or {ticket:null} when nobody waits', ...COUNTER_ERRORS },
  },
  callTicket: counterAction('Call one waiting ticket out of order, with a reason (audited)', 'ticket', callTicketBody),
  nextCall: {
    summary:
      'The ticket call-next at this counter would call now, by the engine’s rule (priority ratio, the counter’s streak)',
    tag: 'counters',
    response: z.strictObject({ next: nextCallSchema.nullable() }),
    responses: {
      200: '{next: {ticketId, number, serviceId, priority}} or {next:null} when nobody it may serve waits',
      401: 'not signed in',
      403: 'not allowed in this store',
      404: 'unknown store or counter',
    },
  },
  recall: counterAction('Announce the current ticket again', 'ticket'),
  startService: counterAction('The customer arrived: start service', 'ticket'),
  completeService: counterAction('Service finished', 'ticket'),
  noShow: counterAction('The called customer did not come', 'ticket'),
  transfer: counterAction(
    'Send the current ticket back to the line for another service, keeping its number and place in time',
    'ticket',
    transferBody,
  ),
  startPairing: {
    summary: 'Start pairing: returns a one-time code for the device to show',
    tag: 'devices',
    body: startPairingBody,
    response: z.strictObject({ pairingId: z.string(), code: z.string(), expiresAt: z.string() }),
    responses: { 201: '{pairingId, code, expiresAt}', 404: 'unknown store', 422: 'invalid body' },
  },
  pollPairing: {
    summary: 'Pairing status; once paired, hands the device its token exactly once',
    tag: 'devices',
    response: pairingStatusSchema,
    responses: { 200: '{status: pending|paired|claimed|expired, deviceToken?, device?}', 404: 'unknown pairing' },
  },
  playlist: {
    summary: 'Active signage items in playing order, with weekday/time windows',
    tag: 'signage',
    response: z.strictObject({ items: z.array(playlistItemSchema) }),
    responses: { 200: '{items}', 404: 'unknown store' },
  },
  currentBroadcast: {
    summary: 'The broadcast message showing now, or null',
    tag: 'signage',
    response: z.strictObject({ broadcast: liveBroadcastSchema.nullable() }),
    responses: { 200: '{broadcast}', 404: 'unknown store' },
  },
  media: {
    summary: 'An uploaded image or video',
    tag: 'signage',
    produces: 'application/octet-stream',
    response: z.string().meta({ format: 'binary' }),
    responses: { 200: 'the file', 404: 'unknown store or file' },
  },
} as const satisfies Partial<Record<OperationId, OperationDocs>>;
