import type { WebhookDeliveryDto, WebhookDto } from '../../../shared/api/webhook-schemas.ts';
import type { Delivery, Webhook } from '../../store/webhook-repository.ts';
import type { ApiRouter } from '../api-router.ts';
import { notFound } from '../http-error.ts';
import { auditBy } from './admin-support.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function webhookDto(w: Webhook): WebhookDto {
  return { id: w.id, url: w.url, secret: w.secret, events: w.events, active: w.active, createdAt: iso(w.createdAt)! };
}

function deliveryDto(d: Delivery): WebhookDeliveryDto {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventType: d.eventType,
    seq: d.seq,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: iso(d.createdAt)!,
    deliveredAt: iso(d.deliveredAt),
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
  };
}

/** Outgoing webhooks of a store, and their delivery log. Secrets never enter the audit log. */
export function adminWebhookRoutes(api: ApiRouter): void {
  api.register('listWebhooks', async ({ deps, store }) => ({
    webhooks: (await deps.webhooks.repo.list(store.id)).map(webhookDto),
  }));

  api.register('createWebhook', async ({ c, deps, store, body }) => {
    const hook = await deps.webhooks.repo.create(
      { storeId: store.id, url: body.url, events: body.events ?? [] },
      deps.lines.now(),
      (w) => auditBy(c, store.id, 'webhook_created', { id: w.id, url: w.url, events: w.events }),
    );
    await deps.webhooks.dispatcher.reload();
    return { webhook: webhookDto(hook) };
  });

  api.register('updateWebhook', async ({ c, deps, store, params, body }) => {
    const hook = await deps.webhooks.repo.update(store.id, params.webhook, body, (w) =>
      auditBy(c, store.id, 'webhook_updated', { id: w.id, ...body }),
    );
    if (!hook) throw notFound('webhook');
    await deps.webhooks.dispatcher.reload();
    return { webhook: webhookDto(hook) };
  });

  api.register('webhookDeliveries', async ({ deps, store, query }) => ({
    deliveries: (await deps.webhooks.repo.log(store.id, query.limit ?? 100)).map(deliveryDto),
  }));
}
