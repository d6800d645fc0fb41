import { describe, expect, it } from 'vitest';
import { averageWait, erlangB, erlangC, serviceLevel, smallestServers } from './erlang.ts';

const perSecond = (perHour: number) => perHour / 3600;

describe('Erlang C', () => {
  // Source: callcentrehelper.com, "Erlang C Formula – Made Simple With an Easy Worked Example" (the
  // same case as issue 6): 10 Erlangs offered (200 calls/h × 180 s), 20 s answer target.
  const cases = [
    { servers: 13, pWait: 0.2853, sl: 0.7956 },
    { servers: 14, pWait: 0.1741, sl: 0.8884 },
    { servers: 15, pWait: 0.102, sl: 0.9415 },
  ];
  for (const { servers, pWait, sl } of cases) {
    it(`reproduces the published P(wait) and service level for 10 Erlangs on ${servers} counters`, () => {
      const input = { arrivalRate: perSecond(200), meanServiceSec: 180, servers };
      expect(erlangC(10, servers)).toBeCloseTo(pWait, 4);
      expect(serviceLevel(input, 20)).toBeCloseTo(sl, 4);
    });
  }

  it('reproduces the pyworkforce test case: 100 calls per 30 min, 3 min AHT, 80% in 20 s → 14 agents', () => {
    // Source: pyworkforce (github.com/rodrigo-arenas/pyworkforce), tests/test_erlang.py:
    // transactions=100, aht=3, interval=30, asa=20/60, service level 0.8 → raw_positions 14,
    // service_level 0.888, waiting_probability 0.174.
    const r = smallestServers({ arrivalRate: 100 / 1800, meanServiceSec: 180 }, 20, 0.8);
    expect(r.servers).toBe(14);
    expect(r.serviceLevel).toBeCloseTo(0.888, 3);
    expect(r.pWait).toBeCloseTo(0.174, 3);
  });

  it('keeps Erlang B finite and in [0,1] for very large systems where A^c/c! overflows', () => {
    const b = erlangB(900, 1000);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
  });

  it('says everyone waits forever when the load reaches the number of counters', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(averageWait({ arrivalRate: perSecond(200), meanServiceSec: 180, servers: 10 })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('gives the mean wait C/(cμ−λ) for 10 Erlangs on 14 counters', () => {
    // 0.1741 / (14/180 − 200/3600) = 0.1741 / 0.02222 ≈ 7.83 s
    expect(averageWait({ arrivalRate: perSecond(200), meanServiceSec: 180, servers: 14 })).toBeCloseTo(7.83, 1);
  });
});
