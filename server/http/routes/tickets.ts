import { randomUUID } from 'node:crypto';
import { randomToken } from '../../auth/secrets.ts';
import type { TicketSource } from '../../engine/state.ts';
import { ticketDto } from '../../line/views.ts';
import { type ApiRouter, reply } from '../api-router.ts';
import { rejectionError } from '../http-error.ts';

/** The policy's entry that admitted the caller says where the ticket came from. */
const SOURCE: Record<string, TicketSource> = { kiosk: 'kiosk', operator: 'staff', 'phone-join': 'phone' };

/** Taking a ticket, and everything its holder can do with the token. */
export function ticketRoutes(api: ApiRouter): void {
  api.register('issueTicket', async ({ deps: { lines, waits }, store, caller, body }) => {
    const result = await lines.issueTicket(store.id, {
      type: 'issue_ticket',
      ticketId: randomUUID(),
      token: randomToken(),
      serviceId: body.serviceId,
      priority: body.priority,
      language: body.language,
      source: SOURCE[caller.via] ?? 'phone',
      idempotencyKey: body.idempotencyKey ?? null,
    });
    if (!result.ok) throw rejectionError(result.rejection);
    const now = lines.state(store.id) ?? store.state;
    return reply({ ticket: ticketDto(now, result.ticket, waits.forStore(store.id), true) }, result.created ? 201 : 200);
  });

  api.register('getTicket', ({ deps, caller: { ticket: held } }) => ({
    ticket: ticketDto(held.state, held.ticket, deps.waits.forStore(held.storeId), true),
  }));

  api.register('leaveLine', async ({ deps, caller: { ticket: held } }) => {
    const result = await deps.lines.dispatch(held.storeId, { type: 'cancel', ticketId: held.ticket.id });
    if (!result.ok) throw rejectionError(result.rejection);
    const after = result.state.tickets[held.ticket.id] ?? held.ticket;
    return { ticket: ticketDto(result.state, after, undefined, true) };
  });

  api.register('giveFeedback', async ({ deps, caller: { ticket: held }, body: feedback }) => {
    const result = await deps.lines.dispatch(held.storeId, {
      type: 'record_feedback',
      ticketId: held.ticket.id,
      feedback,
    });
    if (!result.ok) throw rejectionError(result.rejection);
    return { ok: true } as const;
  });
}
