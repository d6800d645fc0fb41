import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { feedbackBody, issueTicketBody } from '../../../shared/schemas.ts';
import { hasRole } from '../../auth/roles.ts';
import { randomToken } from '../../auth/secrets.ts';
import type { TicketSource } from '../../engine/state.ts';
import { ticketDto } from '../../line/views.ts';
import { type ApiRouter, readBody } from '../api-router.ts';
import type { AppEnv } from '../deps.ts';
import { storeFromPath } from '../guards.ts';
import { HttpError, rejectionError } from '../http-error.ts';

/** Taking a ticket, and everything its holder can do with the token. */
export function ticketRoutes(api: ApiRouter): void {
  api.route(
    {
      method: 'post',
      path: '/stores/:store/tickets',
      summary: 'Take a ticket for a service (kiosk device, staff, or anyone when the store allows joining from phones)',
      tag: 'tickets',
      audience: 'device-or-staff',
      body: issueTicketBody,
      responses: {
        201: 'the ticket, with its token',
        200: 'the ticket already issued for this idempotency key',
        401: 'not allowed to take tickets here',
        404: 'unknown store or service',
        409: 'service inactive',
        422: 'invalid body',
        503: 'the store is busy (line_busy): nothing changed, try again after Retry-After',
      },
    },
    async (c) => {
      const { storeId, state } = storeFromPath(c);
      const device = c.get('device');
      const user = c.get('user');
      const body = await readBody(c, issueTicketBody);
      let source: TicketSource = 'phone';
      if (device && device.storeId === storeId && device.kind === 'kiosk') source = 'kiosk';
      else if (hasRole(user, 'operator', storeId)) source = 'staff';
      else if (!state.settings.allowPhoneJoin) {
        throw new HttpError(
          401,
          'device_not_paired',
          'This store takes tickets only from its paired kiosks and staff.',
        );
      }
      const { lines, waits } = c.get('deps');
      const result = await lines.issueTicket(storeId, {
        type: 'issue_ticket',
        ticketId: randomUUID(),
        token: randomToken(),
        serviceId: body.serviceId,
        priority: body.priority,
        language: body.language,
        source,
        idempotencyKey: body.idempotencyKey ?? null,
      });
      if (!result.ok) throw rejectionError(result.rejection);
      const now = lines.state(storeId) ?? state;
      return c.json(
        { ticket: ticketDto(now, result.ticket, waits.forStore(storeId), true) },
        result.created ? 201 : 200,
      );
    },
  );

  api.route(
    {
      method: 'get',
      path: '/tickets/:token',
      summary: "A ticket's status, position, predicted wait and counter (for its holder)",
      tag: 'tickets',
      audience: 'holder',
      responses: { 200: '{ticket}', 404: 'unknown ticket' },
    },
    async (c) => {
      const { storeId, ticket, state } = await ticketFromToken(c);
      return c.json({ ticket: ticketDto(state, ticket, c.get('deps').waits.forStore(storeId), true) });
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/tickets/:token',
      summary: 'Leave the line',
      tag: 'tickets',
      audience: 'holder',
      responses: {
        200: '{ticket} now cancelled',
        404: 'unknown ticket',
        409: 'the ticket is no longer waiting',
        503: 'the store is busy (line_busy): nothing changed, try again after Retry-After',
      },
    },
    async (c) => {
      const { storeId, ticket } = await ticketFromToken(c);
      const result = await c.get('deps').lines.dispatch(storeId, { type: 'cancel', ticketId: ticket.id });
      if (!result.ok) throw rejectionError(result.rejection);
      const after = result.state.tickets[ticket.id] ?? ticket;
      return c.json({ ticket: ticketDto(result.state, after, undefined, true) });
    },
  );

  api.route(
    {
      method: 'post',
      path: '/tickets/:token/feedback',
      summary: 'Rate the visit once, after service (CSAT 1–5, NPS 0–10, CES 1–7, comment)',
      tag: 'tickets',
      audience: 'holder',
      body: feedbackBody,
      responses: {
        201: 'recorded',
        404: 'unknown ticket',
        409: 'not served yet, or feedback already given',
        422: 'invalid body',
        503: 'the store is busy (line_busy): nothing changed, try again after Retry-After',
      },
    },
    async (c) => {
      const { storeId, ticket } = await ticketFromToken(c);
      const feedback = await readBody(c, feedbackBody);
      const result = await c
        .get('deps')
        .lines.dispatch(storeId, { type: 'record_feedback', ticketId: ticket.id, feedback });
      if (!result.ok) throw rejectionError(result.rejection);
      return c.json({ ok: true }, 201);
    },
  );
}

/** The ticket behind a token, as the live line knows it (or as stored, once it left the line). */
async function ticketFromToken(c: Context<AppEnv>) {
  const { lines } = c.get('deps');
  const token = c.req.param('token') ?? '';
  if (token.length < 16 || token.length > 100) throw new HttpError(404, 'unknown_ticket', 'No such ticket.');
  const found = await lines.repository.findTicketByToken(token);
  const state = found && lines.state(found.storeId);
  if (!found || !state) throw new HttpError(404, 'unknown_ticket', 'No such ticket.');
  return { storeId: found.storeId, ticket: state.tickets[found.ticket.id] ?? found.ticket, state };
}
