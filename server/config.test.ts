import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';

describe('PUBLIC_URL', () => {
  it('is the address phones are given, without a trailing slash', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://queue.shop.example/' }).publicUrl).toBe('https://queue.shop.example');
    expect(configFromEnv({ PUBLIC_URL: 'http://10.0.0.5:3000/queue' }).publicUrl).toBe('http://10.0.0.5:3000/queue');
  });

  it('is left to the kiosk page when unset', () => {
    expect(configFromEnv({}).publicUrl).toBeUndefined();
  });

  it('stops the start with a clear message when a phone could not open it', () => {
    for (const bad of ['queue.shop.example', 'ftp://shop.example', 'https://shop.example/?x=1']) {
      expect(() => configFromEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL must be a full http\(s\) address/);
    }
  });
});
