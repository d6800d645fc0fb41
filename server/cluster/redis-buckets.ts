import type { BucketTaker, Budget } from '../http/token-buckets.ts';
import { log } from '../ops/logger.ts';

/** The one Redis command the buckets need (a narrow view of a `redis` client). */
export interface ScriptRunner {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * The same token buckets as `TokenBuckets`, kept in Redis and updated by one script run (atomic),
 * so several nodes spend from one budget per address or ticket. A bucket expires once it would be
 * full again.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local wait = 0
local tokens = {}
for i, key in ipairs(KEYS) do
  local max = tonumber(ARGV[2 * i])
  local window = tonumber(ARGV[2 * i + 1])
  local saved = redis.call('HMGET', key, 't', 'a')
  local t = tonumber(saved[1])
  local at = tonumber(saved[2])
  if not t then t = max; at = now end
  t = math.min(max, t + math.max(0, now - at) / window * max)
  tokens[i] = t
  if t < 1 then wait = math.max(wait, (1 - t) * window / max) end
end
if wait > 0 then return math.ceil(wait / 1000) end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 't', tostring(tokens[i] - 1), 'a', tostring(now))
  redis.call('PEXPIRE', key, tonumber(ARGV[2 * i + 1]))
end
return 0`;

export class RedisBuckets implements BucketTaker {
  readonly #redis: ScriptRunner;
  readonly #prefix: string;

  constructor(redis: ScriptRunner, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async take(requests: readonly (readonly [key: string, budget: Budget])[], now: number): Promise<number> {
    const keys = requests.map(([key]) => `${this.#prefix}:rate:${key}`);
    const args = [String(now), ...requests.flatMap(([, b]) => [String(b.max), String(b.windowSec * 1000)])];
    try {
      return Number(await this.#redis.eval(TAKE, { keys, arguments: args }));
    } catch (err) {
      // Redis away: serving customers matters more than limiting them for the moment.
      log.warn({ err }, 'rate limit not checked (Redis unavailable)');
      return 0;
    }
  }
}
