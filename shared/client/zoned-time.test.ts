import { describe, expect, it } from 'vitest';
import { parseClockTime, zonedParts } from './zoned-time.ts';

describe('zonedParts', () => {
  it('reads weekday and time in the store time zone, not the machine one', () => {
    expect(zonedParts(new Date('2025-01-06T01:30:00Z'), 'Asia/Shanghai')).toEqual({
      weekday: 1,
      hour: 9,
      minutes: 570,
    });
    expect(zonedParts(new Date('2025-01-05T23:59:00Z'), 'UTC')).toEqual({ weekday: 7, hour: 23, minutes: 1439 });
    expect(zonedParts(new Date('2025-01-05T16:00:00Z'), 'Asia/Shanghai').minutes).toBe(0);
  });
});

describe('parseClockTime', () => {
  it('parses HH:MM and rejects nonsense', () => {
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('9:5')).toBeNull();
    expect(parseClockTime('10:75')).toBeNull();
  });
});
