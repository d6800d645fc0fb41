import { describe, expect, it } from 'vitest';
import { simulateQuarters } from './reliability.ts';
import { adviseCounters } from './staffing.ts';

const goal = { targetSec: 300, goal: 0.8 };
const steady = (perHour: number) => ({
  arrivalRate: perHour / 3600,
  meanServiceSec: 240,
  serviceCv: 0.8,
  abandonPerSec: 1 / 1800,
});

describe('simulateQuarters', () => {
  it('gives the same share for the same inputs', () => {
    expect(simulateQuarters(steady(44), 4, goal)).toBe(simulateQuarters(steady(44), 4, goal));
  });

  it('never meets the goal less often with a counter more', () => {
    const shares = [2, 3, 4, 5, 6].map((s) => simulateQuarters(steady(44), s, goal));
    for (let i = 1; i < shares.length; i++) expect(shares[i]!).toBeGreaterThanOrEqual(shares[i - 1]!);
    expect(shares[0]!).toBeLessThan(0.2);
    expect(shares[4]!).toBe(1);
  });

  it('meets the goal less often as more customers arrive for the same counters', () => {
    expect(simulateQuarters(steady(36), 4, goal)).toBeGreaterThan(simulateQuarters(steady(52), 4, goal));
  });

  it('counts a line nobody joins as meeting the goal and no counter as missing it', () => {
    expect(simulateQuarters(steady(0), 3, goal)).toBe(1);
    expect(simulateQuarters(steady(44), 0, goal)).toBe(0);
  });
});

describe('adviseCounters', () => {
  const line = { meanServiceSec: 240, serviceCv: 0.8, abandonPerSec: 1 / 1800 };

  it("gives Erlang C's minimum and how often it and one counter more meet the goal per quarter hour", () => {
    // 44 arrivals/h × 240 s: Erlang C's 4 counters give a long-run service level of 0.80 exactly,
    // so many quarter hours fall short; a fifth counter makes nearly every one meet it.
    const a = adviseCounters(44, line, goal);
    expect(a.servers).toBe(4);
    expect(a.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(a.quartersMeetingGoal).toBeLessThan(0.95);
    expect(a.quartersWithOneMore).toBeGreaterThan(a.quartersMeetingGoal!);
    expect(a.quartersWithOneMore).toBeGreaterThanOrEqual(0.95);
  });

  it('advises no counter when nobody comes', () => {
    expect(adviseCounters(0, line, goal)).toMatchObject({ servers: 0, quartersMeetingGoal: 1 });
  });

  it('leaves the quarter figures out for a contact-centre-sized line', () => {
    const a = adviseCounters(3600, line, goal);
    expect(a.servers).toBeGreaterThan(240);
    expect(a.quartersMeetingGoal).toBeNull();
  });
});
