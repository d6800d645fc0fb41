import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS } from '../insight/prediction/predict.ts';
import { runsFor } from './wait-models.ts';

describe('runsFor', () => {
  it('keeps the default runs for a store-sized line and bounds runs × waiting beyond it', () => {
    expect(runsFor(0)).toBe(DEFAULT_RUNS);
    expect(runsFor(100)).toBe(DEFAULT_RUNS);
    expect(runsFor(200)).toBe(100);
    expect(runsFor(400) * 400).toBeLessThanOrEqual(20_000);
    // Never so few that a p90 rests on a handful of samples.
    expect(runsFor(10_000)).toBe(50);
  });
});
