import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WaitsPayload } from '../../shared/protocol.ts';
import { PublicWaitsThrottle } from './public-waits.ts';

const waits = (storeId: string, seq: number): WaitsPayload => ({ seq, storeId, waits: {}, tickets: {}, next: [] });

describe('PublicWaitsThrottle', () => {
  let sent: WaitsPayload[];
  let throttle: PublicWaitsThrottle;
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    throttle = new PublicWaitsThrottle((_storeId, payload) => sent.push(payload), 2_000);
  });
  afterEach(() => {
    throttle.close();
    vi.useRealTimers();
  });

  it('sends the first prediction at once, then only the latest of each interval', () => {
    throttle.offer('s1', waits('s1', 1));
    vi.advanceTimersByTime(0);
    expect(sent.map((p) => p.seq)).toEqual([1]);
    for (let seq = 2; seq <= 6; seq++) {
      vi.advanceTimersByTime(300);
      throttle.offer('s1', waits('s1', seq));
    }
    expect(sent.map((p) => p.seq)).toEqual([1]);
    vi.advanceTimersByTime(2_000);
    // The room ends on the newest prediction, never on one the line has moved past.
    expect(sent.map((p) => p.seq)).toEqual([1, 6]);
    vi.advanceTimersByTime(10_000);
    expect(sent.map((p) => p.seq)).toEqual([1, 6]);
  });

  it('paces each store on its own', () => {
    throttle.offer('s1', waits('s1', 1));
    throttle.offer('s2', waits('s2', 1));
    // Two in one turn: only the newer goes.
    throttle.offer('s1', waits('s1', 2));
    vi.advanceTimersByTime(0);
    expect(sent.map((p) => `${p.storeId}:${p.seq}`)).toEqual(['s1:2', 's2:1']);
    throttle.offer('s1', waits('s1', 3));
    vi.advanceTimersByTime(1_000);
    expect(sent.map((p) => `${p.storeId}:${p.seq}`)).toEqual(['s1:2', 's2:1']);
    vi.advanceTimersByTime(1_000);
    expect(sent.map((p) => `${p.storeId}:${p.seq}`)).toEqual(['s1:2', 's2:1', 's1:3']);
  });

  it('sends at once again after a quiet interval', () => {
    throttle.offer('s1', waits('s1', 1));
    vi.advanceTimersByTime(5_000);
    throttle.offer('s1', waits('s1', 2));
    vi.advanceTimersByTime(0);
    expect(sent.map((p) => p.seq)).toEqual([1, 2]);
  });
});
