import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import { demoState, issue, T0 } from '../engine/testing/store-fixture.ts';
import { LineService } from '../line/line-service.ts';
import type { Storage } from './storage.ts';
import { openTestStorage } from './testing/test-storage.ts';

// Group commit runs where this process is the only writer (SQLite); elsewhere each command
// commits alone and these tests have nothing to check.
describe('commands sharing a commit (SQLite)', () => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let lines: LineService;
  let commits: number;
  let heard: EngineEvent[][];

  beforeEach(async () => {
    ({ storage, dispose } = await openTestStorage());
    const repo = storage.lines;
    const commit = repo.commit.bind(repo);
    commits = 0;
    repo.commit = (...args) => {
      commits++;
      return commit(...args);
    };
    lines = new LineService(repo, () => T0);
    heard = [];
    lines.onCommit((_store, events) => heard.push(events));
    await lines.createStore(demoState());
    commits = 0;
  });
  afterEach(() => dispose());

  const storedSeqs = async () =>
    (await storage.db.selectFrom('events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));

  it('decides each command on the ones before it and answers each with its own events', async ({ skip }) => {
    if (!storage.lines.soleWriter) skip();
    const issued = await Promise.all(['t1', 't2', 't3'].map((id) => lines.dispatch('store-1', issue(id))));
    expect(issued.every((r) => r.ok)).toBe(true);
    // Sent together: call, complete and call again at one counter, and a call at another.
    const [call1, done1, call2, other] = await Promise.all([
      lines.dispatch('store-1', { type: 'call_next', counterId: 'c1' }),
      lines.dispatch('store-1', { type: 'complete', counterId: 'c1' }),
      lines.dispatch('store-1', { type: 'call_next', counterId: 'c1' }),
      lines.dispatch('store-1', { type: 'call_next', counterId: 'c2' }),
    ]);
    const called = (r: typeof call1) => (r.ok ? r.events.find((e) => e.type === 'ticket:called') : undefined);
    expect(called(call1)).toMatchObject({ ticketId: 't1' });
    expect(done1.ok && done1.events.map((e) => e.type)).toEqual(['ticket:done']);
    expect(called(call2)).toMatchObject({ ticketId: 't2' });
    expect(called(other)).toMatchObject({ ticketId: 't3' });
    // One transaction for the four (and fewer than one per command for the three issues).
    expect(commits).toBeLessThanOrEqual(3);
    expect(heard.at(-1)?.length).toBeGreaterThanOrEqual(4);
    const seqs = await storedSeqs();
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(lines.lastSeq('store-1')).toBe(seqs.length);
    expect(lines.state('store-1')?.counters.c1?.currentTicketId).toBe('t2');
  });

  it('a transaction that fails fails every command in it and leaves the line as it was', async ({ skip }) => {
    if (!storage.lines.soleWriter) skip();
    await lines.dispatch('store-1', issue('t1'));
    const before = lines.lastSeq('store-1');
    // A real failure inside the transaction: the database refuses one of the tickets.
    await sql`create trigger refuse_t3 before insert on tickets when new.id = 't3'
      begin select raise(abort, 'refused by the test'); end`.execute(storage.db);
    const results = await Promise.allSettled([
      lines.dispatch('store-1', issue('t2')),
      lines.dispatch('store-1', issue('t3')),
      lines.dispatch('store-1', { type: 'call_next', counterId: 'c1' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(lines.lastSeq('store-1')).toBe(before);
    expect(Object.keys(lines.state('store-1')?.tickets ?? {})).toEqual(['t1']);
    expect(await storedSeqs()).toEqual([1]);
    // The line goes on: the same commands succeed once the database accepts them.
    await sql`drop trigger refuse_t3`.execute(storage.db);
    const again = await lines.dispatch('store-1', { type: 'call_next', counterId: 'c1' });
    expect(again.ok && again.events.find((e) => e.type === 'ticket:called')).toMatchObject({ ticketId: 't1' });
    expect(await storedSeqs()).toEqual([1, 2]);
  });

  it('an idempotent issue repeated before its first commit gets the same ticket', async ({ skip }) => {
    if (!storage.lines.soleWriter) skip();
    const keyed = (id: string) => ({ ...issue(id), idempotencyKey: 'tap-1' });
    const [first, second] = await Promise.all([
      lines.issueTicket('store-1', keyed('t1')),
      lines.issueTicket('store-1', keyed('t2')),
    ]);
    expect(first).toMatchObject({ ok: true, created: true, ticket: { id: 't1' } });
    expect(second).toMatchObject({ ok: true, created: false, ticket: { id: 't1' } });
    expect(Object.keys(lines.state('store-1')?.tickets ?? {})).toEqual(['t1']);
  });
});
