import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './deps.ts';

/**
 * The caller's IP address, for throttles and rate limits. By default the socket's peer: a header
 * is the caller's to choose. Behind proxies (`TRUST_PROXY=<n>`, the number of them in front of
 * Linecast), it is the address the outermost trusted proxy saw, taken `n` entries from the right
 * of `X-Forwarded-For` — entries further left were written by the client and are ignored.
 *
 * @example clientAddress(c, 1) // 'X-Forwarded-For: 6.6.6.6, 203.0.113.9' from nginx → '203.0.113.9'
 */
export function clientAddress(c: Context<AppEnv>, trustProxy = 0): string {
  const peer = plain(getConnInfo(c).remote.address ?? 'unknown');
  if (trustProxy <= 0) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // Fewer entries than proxies: a request that did not come through all of them (or a client's own).
  return hops.length >= trustProxy ? plain(hops[hops.length - trustProxy]!) : peer;
}

/** `::ffff:203.0.113.9` (an IPv4 client on a dual-stack socket) is `203.0.113.9`. */
function plain(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}
