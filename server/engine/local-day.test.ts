import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localDay } from './local-day.ts';

describe('localDay', () => {
  it('gives the date in the store time zone', () => {
    const instant = Date.UTC(2025, 0, 1, 23, 30);
    expect(localDay(instant, 'UTC')).toBe('2025-01-01');
    expect(localDay(instant, 'Asia/Shanghai')).toBe('2025-01-02');
    expect(localDay(Date.UTC(2025, 0, 1, 3, 0), 'America/New_York')).toBe('2024-12-31');
  });

  it('follows daylight saving changes', () => {
    // Paris switches to summer time on 2025-03-30: midnight local is 23:00 UTC before, 22:00 after.
    expect(localDay(Date.UTC(2025, 2, 29, 23, 0), 'Europe/Paris')).toBe('2025-03-30');
    expect(localDay(Date.UTC(2025, 2, 30, 21, 59), 'Europe/Paris')).toBe('2025-03-30');
    expect(localDay(Date.UTC(2025, 2, 30, 22, 0), 'Europe/Paris')).toBe('2025-03-31');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
