import { describe, expect, it } from 'vitest';
import type { StoreState } from './state.ts';
import { callSequence, counter, demoState, issue, run } from './testing/store-fixture.ts';
import { ticketsAhead, waitingOrder, waitingPositions } from './waiting-order.ts';

const ids = (state: StoreState, counterId?: string) => waitingOrder(state, counterId).map((t) => t.id);

/** Only the given counters, all open. */
function withCounters(state: StoreState, ...counters: ReturnType<typeof counter>[]): StoreState {
  return { ...state, counters: Object.fromEntries(counters.map((c) => [c.id, c])) };
}

describe('waitingOrder for a counter', () => {
  it('is the order call_next would follow at that counter', () => {
    const state = run(demoState({ priorityRatio: 2 }), [
      issue('n1'),
      issue('b1', 'sb'),
      issue('p1', 'sa', true),
      issue('p2', 'sa', true),
      issue('p3', 'sa', true),
      issue('n2'),
    ]);
    expect(ids(state, 'c3')).toEqual(['p1', 'p2', 'n1', 'p3', 'n2']);
    expect(callSequence(state, 'c3', 5).called).toEqual(ids(state, 'c3'));
    expect(ids(state, 'c1')).toEqual(['p1', 'p2', 'n1', 'p3', 'b1', 'n2']);
    expect(callSequence(state, 'c1', 6).called).toEqual(ids(state, 'c1'));
  });

  it('is empty for an unknown counter', () => {
    expect(ids(run(demoState(), [issue('a1')]), 'c9')).toEqual([]);
  });
});

describe('ticketsAhead', () => {
  it('counts who joined earlier when one counter serves everyone', () => {
    const state = withCounters(run(demoState(), [issue('a1'), issue('a2'), issue('a3')]), counter('c3', ['sa']));
    expect(['a1', 'a2', 'a3'].map((id) => ticketsAhead(state, id))).toEqual([0, 1, 2]);
  });

  it('counts priority tickets the class rule puts first', () => {
    const state = withCounters(
      run(demoState({ priorityRatio: 1 }), [
        issue('n1'),
        issue('n2'),
        issue('p1', 'sa', true),
        issue('p2', 'sa', true),
      ]),
      counter('c3', ['sa']),
    );
    // Calling order at c3: p1, n1, p2, n2.
    expect(['n1', 'n2', 'p1', 'p2'].map((id) => ticketsAhead(state, id))).toEqual([1, 3, 0, 2]);
  });

  it('counts tickets of other services that a counter able to serve this one would call first', () => {
    const state = withCounters(
      run(demoState(), [issue('b1', 'sb'), issue('c1', 'sc'), issue('a1')]),
      counter('c1', ['sa', 'sb']),
      counter('c3', ['sa']),
      counter('c5', ['sc']),
    );
    // c1 could call b1 before a1; c1 does not serve C, and c5 serves nobody else.
    expect(ticketsAhead(state, 'a1')).toBe(1);
    expect(ticketsAhead(state, 'c1')).toBe(0);
    expect(ticketsAhead(state, 'b1')).toBe(0);
  });

  it('uses the counters that could open when none serving the service is open', () => {
    const state = withCounters(
      run(demoState(), [issue('b1', 'sb'), issue('a1')]),
      counter('c1', ['sa', 'sb'], 'closed'),
      counter('c4', ['sb']),
    );
    expect(ticketsAhead(state, 'a1')).toBe(1);
  });

  it("falls back to the service's own line when no counter serves it", () => {
    const state = withCounters(run(demoState(), [issue('b1', 'sb'), issue('a1'), issue('a2')]), counter('c4', ['sb']));
    expect(ticketsAhead(state, 'a2')).toBe(1);
  });

  it('is 0 for tickets that are no longer waiting or unknown', () => {
    const state = run(demoState(), [issue('a1'), issue('a2'), { type: 'call_next', counterId: 'c3' }]);
    expect(ticketsAhead(state, 'a1')).toBe(0);
    expect(ticketsAhead(state, 'zz')).toBe(0);
  });
});

describe('waitingPositions and the whole line', () => {
  it('agree with ticketsAhead and order the line by it', () => {
    const state = run(demoState({ priorityRatio: 1 }), [
      issue('b1', 'sb'),
      issue('a1'),
      issue('c1', 'sc', true),
      issue('a2', 'sa', true),
      issue('b2', 'sb', true),
      issue('a3'),
    ]);
    const positions = waitingPositions(state);
    for (const [id, ahead] of positions) expect(ahead).toBe(ticketsAhead(state, id));
    const line = ids(state);
    const aheads = line.map((id) => positions.get(id) ?? -1);
    expect([...aheads].sort((x, y) => x - y)).toEqual(aheads);
    expect(line).toHaveLength(6);
  });
});
