import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisBuckets } from './redis-buckets.ts';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('rate-limit budgets in Redis', () => {
  const clients = [createClient({ url }), createClient({ url })];
  const prefix = `lc-test-${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    await Promise.all(clients.map((c) => c.connect()));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.quit()));
  });

  it('is one budget for two nodes, refills over its window, and keeps other callers apart', async () => {
    const [a, b] = clients.map((c) => new RedisBuckets(c, prefix)) as [RedisBuckets, RedisBuckets];
    const budget = { max: 3, windowSec: 60 };
    const now = 1_700_000_000_000;
    const takes = [];
    for (const node of [a, b, a, b]) takes.push(await node.take([['join:10.0.0.1', budget]], now));
    expect(takes.slice(0, 3)).toEqual([0, 0, 0]);
    // Empty: one token comes back in 60 s / 3 = 20 s.
    expect(takes[3]).toBe(20);
    expect(await a.take([['join:10.0.0.2', budget]], now)).toBe(0);
    expect(await b.take([['join:10.0.0.1', budget]], now + 20_000)).toBe(0);
    // Both budgets must have a token, or neither is spent.
    expect(
      await a.take(
        [
          ['join:10.0.0.2', budget],
          ['join:10.0.0.1', budget],
        ],
        now + 20_000,
      ),
    ).toBeGreaterThan(0);
    expect(await a.take([['join:10.0.0.2', budget]], now + 20_000)).toBe(0);
  });
});
