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

describe('DATABASE_URL', () => {
  it('selects PostgreSQL; unset or empty keeps the SQLite file in DATA_DIR', () => {
    const url = 'postgres://linecast@db.example:5432/linecast';
    expect(configFromEnv({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(configFromEnv({}).databaseUrl).toBeUndefined();
    expect(configFromEnv({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('stops the start with a clear message when it is not a PostgreSQL address', () => {
    for (const bad of ['db.example:5432', 'mysql://db.example/linecast', 'sqlite:./data']) {
      expect(() => configFromEnv({ DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL must be a PostgreSQL address/);
    }
  });
});
