import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { log } from '../ops/logger.ts';
import type { PeerMessage, Peers } from './peers.ts';
import { RedisBuckets } from './redis-buckets.ts';

/** What several nodes share through Redis: the socket.io adapter, the peer channel, rate limits. */
export interface RedisCluster {
  adapter: ReturnType<typeof createAdapter>;
  peers: Peers;
  /** Rate-limit budgets every node spends from. */
  buckets: RedisBuckets;
  close(): Promise<void>;
}

/**
 * Connects to Redis at `url`: one client publishes, one listens (Redis wants a connection of
 * its own for subscriptions). `prefix` keeps installations (and test runs) sharing one Redis apart.
 */
export async function connectRedis(url: string, prefix: string): Promise<RedisCluster> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err) => log.error({ err }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  const node = randomUUID();
  const channel = `${prefix}:peers`;
  const handlers: Array<(m: PeerMessage) => void> = [];
  await sub.subscribe(channel, (raw) => {
    try {
      const { from, message } = JSON.parse(raw) as { from: string; message: PeerMessage };
      if (from === node) return;
      for (const h of handlers) h(message);
    } catch (err) {
      log.warn({ err }, 'unreadable peer message');
    }
  });
  const peers: Peers = {
    publish(message) {
      pub.publish(channel, JSON.stringify({ from: node, message })).catch((err) => {
        // A lost hint only delays another node: it catches up on its next command or resync.
        log.warn({ err, topic: message.topic }, 'peer message not sent');
      });
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    close: async () => {},
  };
  return {
    adapter: createAdapter(pub, sub, { key: `${prefix}:socket.io` }),
    peers,
    buckets: new RedisBuckets(pub, prefix),
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
