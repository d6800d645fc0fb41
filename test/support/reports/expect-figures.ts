import { expect } from 'vitest';

/**
 * Asserts every figure of `actual` against `expected`: the same keys (so no measure goes
 * unchecked), numbers to 6 decimals (hand arithmetic gives 1/3, SQLite gives 0.333…), the rest equal.
 */
export function expectFigures(actual: object | undefined, expected: Record<string, unknown>, label = 'figures'): void {
  expect(actual, label).toBeDefined();
  const got = actual as Record<string, unknown>;
  expect(Object.keys(got).sort(), `${label}: keys`).toEqual(Object.keys(expected).sort());
  for (const [key, want] of Object.entries(expected)) {
    const value = got[key];
    if (typeof want === 'number' && typeof value === 'number') expect(value, `${label}.${key}`).toBeCloseTo(want, 6);
    else expect(value, `${label}.${key}`).toEqual(want);
  }
}
