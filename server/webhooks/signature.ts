import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed delivery may be when it arrives; older ones are refused as replays. */
export const SIGNATURE_TOLERANCE_SEC = 300;

/**
 * The signature of one delivery: HMAC-SHA256 over `<timestamp>.<body>` with the webhook's
 * secret, hex, sent as `X-Linecast-Signature: v1=<hex>` beside `X-Linecast-Timestamp`.
 * @example sign('whsec_…', 1764489600, '{"type":"ticket:called",…}') // 'v1=3f1c…'
 */
export function sign(secret: string, timestampSec: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSec}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (the documented recipe, also used by our tests): recompute the
 * signature, compare in constant time, and refuse timestamps outside the tolerance.
 */
export function verify(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSec: number,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSec - timestamp) > SIGNATURE_TOLERANCE_SEC) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
