import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { LineEvent, LineEventsPayload, WaitsPayload } from '../../shared/protocol.ts';
import { PublicBatches, WAITS_RIDE_MS } from './public-batches.ts';

const event = (seq: number, storeId = 's1'): LineEvent => ({
  name: 'ticket:feedback',
  payload: { seq, storeId, at: new Date(0).toISOString(), ticketId: `t${seq}` },
});
const seqs = (sent: LineEventsPayload[]) => sent.map((p) => p.events.map((e) => e.payload.seq));

describe('PublicBatches', () => {
  it('sends the events of one commit as one message, in order, and the next commit as another', async () => {
    const sent: LineEventsPayload[] = [];
    const batches = new PublicBatches((_storeId, p) => sent.push(p));
    batches.add('s1', event(1));
    batches.add('s1', event(2));
    batches.add('s1', event(3));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(seqs(sent)).toEqual([[1, 2, 3]]);
    batches.add('s1', event(4));
    await nextTurn();
    expect(seqs(sent)).toEqual([[1, 2, 3], [4]]);
    batches.close();
  });

  it('keeps stores apart, and flushes one store at once when asked (before a snapshot)', async () => {
    const sent: LineEventsPayload[] = [];
    const batches = new PublicBatches((_storeId, p) => sent.push(p));
    batches.add('s1', event(1));
    batches.add('s2', event(1, 's2'));
    batches.flush('s1');
    expect(sent.map((p) => p.storeId)).toEqual(['s1']);
    batches.add('s1', event(2));
    await nextTurn();
    expect(sent.map((p) => [p.storeId, p.events.length])).toEqual([
      ['s1', 1],
      ['s2', 1],
      ['s1', 1],
    ]);
    batches.close();
  });

  it('sends waits with the next events, or alone when none come', async () => {
    vi.useFakeTimers();
    try {
      const sent: LineEventsPayload[] = [];
      const batches = new PublicBatches((_storeId, p) => sent.push(p));
      const waits = (seq: number): WaitsPayload => ({ seq, storeId: 's1', waits: {}, tickets: {}, next: [] });
      batches.addWaits('s1', waits(1));
      batches.add('s1', event(2));
      // Events leave right after the task that committed them.
      await Promise.resolve();
      expect(sent.map((p) => [p.events.length, p.waits?.seq])).toEqual([[1, 1]]);

      batches.addWaits('s1', waits(2));
      // A newer prediction replaces one not sent yet.
      batches.addWaits('s1', waits(3));
      vi.advanceTimersByTime(WAITS_RIDE_MS);
      expect(sent.map((p) => [p.events.length, p.waits?.seq])).toEqual([
        [1, 1],
        [0, 3],
      ]);
      vi.advanceTimersByTime(10 * WAITS_RIDE_MS);
      expect(sent).toHaveLength(2);
      batches.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
