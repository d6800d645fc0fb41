import { randomToken } from '../auth/secrets.ts';
import { type AuditOf, writeAudit } from './audit-repository.ts';
import type { Db } from './database.ts';
import type { WebhookDeliveriesTable, WebhooksTable } from './schema.ts';

export interface Webhook {
  id: string;
  storeId: string;
  url: string;
  /** Shared with the receiver, which checks each delivery's signature with it. */
  secret: string;
  /** Event types sent (e.g. `ticket:called`); empty means every ticket and counter event. */
  events: string[];
  active: boolean;
  createdAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  id: string;
  webhookId: string;
  storeId: string;
  eventType: string;
  seq: number;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export type NewDelivery = Pick<Delivery, 'id' | 'webhookId' | 'storeId' | 'eventType' | 'seq' | 'body' | 'createdAt'>;

/** Webhooks per store and their delivery log: what was sent where, how often, and with what answer. */
export class WebhookRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async create(
    hook: Pick<Webhook, 'storeId' | 'url' | 'events'>,
    now: number,
    audit?: AuditOf<Webhook>,
  ): Promise<Webhook> {
    const created: Webhook = {
      ...hook,
      id: randomToken(9),
      secret: `whsec_${randomToken(24)}`,
      active: true,
      createdAt: now,
    };
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhooks')
        .values({
          id: created.id,
          store_id: created.storeId,
          url: created.url,
          secret: created.secret,
          events_json: JSON.stringify(created.events),
          active: 1,
          created_at: now,
        })
        .execute();
      await writeAudit(trx, audit, created);
    });
    return created;
  }

  async update(
    storeId: string,
    id: string,
    change: Partial<Pick<Webhook, 'url' | 'events' | 'active'>>,
    audit?: AuditOf<Webhook>,
  ): Promise<Webhook | undefined> {
    return this.#db.transaction().execute(async (trx) => {
      const set: Record<string, unknown> = {};
      if (change.url !== undefined) set.url = change.url;
      if (change.events !== undefined) set.events_json = JSON.stringify(change.events);
      if (change.active !== undefined) set.active = change.active ? 1 : 0;
      if (Object.keys(set).length > 0)
        await trx.updateTable('webhooks').set(set).where('store_id', '=', storeId).where('id', '=', id).execute();
      const row = await trx
        .selectFrom('webhooks')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const hook = toWebhook(row);
      await writeAudit(trx, audit, hook);
      return hook;
    });
  }

  async list(storeId?: string): Promise<Webhook[]> {
    let q = this.#db.selectFrom('webhooks').selectAll().orderBy('created_at');
    if (storeId) q = q.where('store_id', '=', storeId);
    return (await q.execute()).map(toWebhook);
  }

  async enqueue(deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.#db
      .insertInto('webhook_deliveries')
      .values(
        deliveries.map((d) => ({
          id: d.id,
          webhook_id: d.webhookId,
          store_id: d.storeId,
          event_type: d.eventType,
          seq: d.seq,
          body: d.body,
          status: 'pending',
          attempts: 0,
          next_attempt_at: d.createdAt,
          last_status_code: null,
          last_error: null,
          created_at: d.createdAt,
          delivered_at: null,
        })),
      )
      .execute();
  }

  /**
   * Claims deliveries whose next attempt is due, oldest first, with the webhook they go to: each
   * is held until `leaseUntil`, so another node's round skips it (and retries it after the lease
   * if this node died sending).
   */
  async due(now: number, limit: number, leaseUntil: number): Promise<Array<{ delivery: Delivery; webhook: Webhook }>> {
    const rows = await this.#db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .selectAll('d')
      .select(['w.url as w_url', 'w.secret as w_secret', 'w.events_json as w_events', 'w.active as w_active'])
      .select(['w.created_at as w_created_at'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .execute();
    const claimed: typeof rows = [];
    for (const r of rows) {
      const taken = await this.#db
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: leaseUntil })
        .where('id', '=', r.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', r.next_attempt_at)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) claimed.push(r);
    }
    return claimed.map((r) => ({
      delivery: toDelivery(r),
      webhook: toWebhook({
        id: r.webhook_id,
        store_id: r.store_id,
        url: r.w_url,
        secret: r.w_secret,
        events_json: r.w_events,
        active: r.w_active,
        created_at: r.w_created_at,
      }),
    }));
  }

  async recordAttempt(
    id: string,
    outcome: {
      status: DeliveryStatus;
      statusCode: number | null;
      error: string | null;
      at: number;
      next: number | null;
    },
  ): Promise<void> {
    await this.#db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: outcome.status,
        attempts: eb('attempts', '+', 1),
        next_attempt_at: outcome.next,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        delivered_at: outcome.status === 'delivered' ? outcome.at : null,
      }))
      .where('id', '=', id)
      .execute();
  }

  /** The newest deliveries of a store, for the admin's delivery log. */
  async log(storeId: string, limit: number): Promise<Delivery[]> {
    const rows = await this.#db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }
}

function toWebhook(r: WebhooksTable): Webhook {
  return {
    id: r.id,
    storeId: r.store_id,
    url: r.url,
    secret: r.secret,
    events: JSON.parse(r.events_json) as string[],
    active: Number(r.active) === 1,
    createdAt: Number(r.created_at),
  };
}

function toDelivery(r: WebhookDeliveriesTable): Delivery {
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    webhookId: r.webhook_id,
    storeId: r.store_id,
    eventType: r.event_type,
    seq: Number(r.seq),
    body: r.body,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: num(r.next_attempt_at),
    lastStatusCode: num(r.last_status_code),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
    deliveredAt: num(r.delivered_at),
  };
}
