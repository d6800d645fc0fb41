import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialectOf } from '../../server/store/dialect.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const LIMIT = 3;

describe('a store whose command queue is full', () => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer({ commandQueueLimit: LIMIT });
  });
  afterAll(() => s.close());

  const issue = () =>
    fetch(`${s.url}/api/stores/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'pickup' }),
    });

  it('answers 503 with Retry-After and changes nothing, then serves again once it drains', async () => {
    const { lines } = s.server.deps;
    const { db } = s.server.storage;
    const before = await s.api('GET', '/api/stores/demo/queue');
    // Holding the database connection keeps the store's first command from committing; on
    // PostgreSQL (a pool) a lock on the store's row, which every commit updates, does.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding =
      dialectOf(db) === 'postgres'
        ? db.transaction().execute(async (trx) => {
            await trx.selectFrom('stores').select('id').where('id', '=', 'demo').forUpdate().execute();
            await held;
          })
        : db.connection().execute(() => held);
    const accepted = Array.from({ length: LIMIT }, () => issue());
    await vi.waitFor(() => expect(lines.pendingCommands('demo')).toBe(LIMIT), { timeout: 10_000 });

    const refused = await issue();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('line_busy');
    expect(body.error.message).not.toBe('');

    release();
    await holding;
    const answers = await Promise.all(accepted);
    expect(answers.map((a) => a.status)).toEqual(Array(LIMIT).fill(201));
    const after = await s.api('GET', '/api/stores/demo/queue');
    // Exactly the accepted tickets joined: the refused one left no trace.
    expect(after.body.seq).toBe(before.body.seq + LIMIT);
    expect(after.body.waiting.length).toBe(before.body.waiting.length + LIMIT);
    expect((await issue()).status).toBe(201);
  });
});
