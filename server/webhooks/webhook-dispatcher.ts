import { randomUUID } from 'node:crypto';
import { noPeers, type Peers } from '../cluster/peers.ts';
import type { LineService } from '../line/line-service.ts';
import { log } from '../ops/logger.ts';
import type { Webhook, WebhookRepository } from '../store/webhook-repository.ts';
import { sign } from './signature.ts';
import { WEBHOOK_EVENTS, webhookBody } from './webhook-payload.ts';

/** Waits before each retry: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h; then the delivery is marked failed. */
export const RETRY_DELAYS_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];
const SENT: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);
const BATCH = 20;
const TIMEOUT_MS = 5_000;

/**
 * Turns committed ticket and counter events into signed HTTP deliveries. Each delivery is a row
 * first (the log), then sent; a refused or unanswered delivery is tried again with backoff, so
 * a receiver that is down for hours still gets every event, in `seq` order per webhook attempt.
 */
export class WebhookDispatcher {
  readonly #repo: WebhookRepository;
  readonly #now: () => number;
  /** Active webhooks per store, kept in memory so a commit costs no query when a store has none. */
  #hooks = new Map<string, Webhook[]>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();
  #pending: Promise<unknown> = Promise.resolve();

  readonly #peers: Peers;

  constructor(repo: WebhookRepository, lines: LineService, peers: Peers = noPeers) {
    this.#repo = repo;
    this.#now = () => lines.now();
    this.#peers = peers;
    peers.subscribe((m) => {
      if (m.topic === 'webhooks:changed') this.#read().catch((err) => log.error({ err }, 'webhooks reload failed'));
    });
    lines.onCommit((storeId, events, state, origin) => {
      // The node that committed queues the deliveries, once.
      if (origin !== 'here') return;
      const hooks = this.#hooks.get(storeId);
      if (!hooks?.length) return;
      const at = this.#now();
      const deliveries = events
        .filter((e) => SENT.has(e.type))
        .flatMap((e) =>
          hooks
            .filter((h) => h.events.length === 0 || h.events.includes(e.type))
            .map((h) => {
              const id = randomUUID();
              return {
                id,
                webhookId: h.id,
                storeId,
                eventType: e.type,
                seq: e.seq,
                body: webhookBody(id, storeId, e, state),
                createdAt: at,
              };
            }),
        );
      this.#pending = this.#repo
        .enqueue(deliveries)
        .then(() => this.#kick())
        .catch((err) => log.error({ err }, 'webhook deliveries could not be queued'));
    });
  }

  /** Reads the webhooks again (after an admin change) and starts sending. */
  async start(intervalMs = 1_000): Promise<void> {
    await this.#read();
    this.#timer = setInterval(() => this.#kick(), intervalMs);
    this.#timer.unref();
  }

  /** Reads the webhooks again after an admin change, here and on every other node. */
  async reload(): Promise<void> {
    await this.#read();
    this.#peers.publish({ topic: 'webhooks:changed' });
  }

  async #read(): Promise<void> {
    const next = new Map<string, Webhook[]>();
    for (const hook of await this.#repo.list()) {
      if (!hook.active) continue;
      next.set(hook.storeId, [...(next.get(hook.storeId) ?? []), hook]);
    }
    this.#hooks = next;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#pending;
    await this.#running;
  }

  /** Sends what is due unless a round is already sending (one round at a time keeps order). */
  #kick(): void {
    this.#running = this.#running.then(() => this.#round()).catch((err) => log.error({ err }, 'webhook round failed'));
  }

  async #round(): Promise<void> {
    const now = this.#now();
    // Long enough for a whole round of timed-out sends before another node may try again.
    const due = await this.#repo.due(now, BATCH, now + TIMEOUT_MS * (BATCH + 1));
    for (const { delivery, webhook } of due) {
      const sentAt = this.#now();
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const timestamp = Math.floor(sentAt / 1000);
        const res = await fetch(webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Linecast-Webhooks/1',
            'x-linecast-delivery': delivery.id,
            'x-linecast-event': delivery.eventType,
            'x-linecast-timestamp': String(timestamp),
            'x-linecast-signature': sign(webhook.secret, timestamp, delivery.body),
          },
          body: delivery.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        statusCode = res.status;
        await res.body?.cancel();
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      const delay = RETRY_DELAYS_MS[delivery.attempts];
      await this.#repo.recordAttempt(delivery.id, {
        status: error === null ? 'delivered' : delay === undefined ? 'failed' : 'pending',
        statusCode,
        error,
        at: sentAt,
        next: error !== null && delay !== undefined ? sentAt + delay : null,
      });
    }
  }
}
