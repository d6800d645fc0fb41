import { describe, expect, it } from 'vitest';
import { inWeeklyWindows } from './weekly-windows.ts';

const TZ = 'Asia/Shanghai';
/** Monday 6 January 2025 at a Shanghai local time. */
const monday = (hhmm: string) => new Date(`2025-01-06T${hhmm}:00+08:00`);

describe('inWeeklyWindows', () => {
  it('is always open without windows', () => {
    expect(inWeeklyWindows([], monday('03:00'), TZ)).toBe(true);
    expect(inWeeklyWindows(undefined, monday('03:00'), TZ)).toBe(true);
  });

  it('matches weekday and local time, `to` exclusive', () => {
    const mornings = [{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' }];
    expect(inWeeklyWindows(mornings, monday('09:00'), TZ)).toBe(true);
    expect(inWeeklyWindows(mornings, monday('11:59'), TZ)).toBe(true);
    expect(inWeeklyWindows(mornings, monday('12:00'), TZ)).toBe(false);
    expect(inWeeklyWindows([{ weekdays: [6, 7], from: '09:00', to: '12:00' }], monday('10:00'), TZ)).toBe(false);
  });

  it('uses the store time zone, not the machine one', () => {
    const mornings = [{ weekdays: [1], from: '09:00', to: '12:00' }];
    // 10:00 in Shanghai is 02:00 UTC: outside the same window read in UTC.
    expect(inWeeklyWindows(mornings, monday('10:00'), TZ)).toBe(true);
    expect(inWeeklyWindows(mornings, monday('10:00'), 'UTC')).toBe(false);
  });

  it('runs a window past midnight into the next day', () => {
    const lateSunday = [{ weekdays: [7], from: '22:00', to: '02:00' }];
    expect(inWeeklyWindows(lateSunday, monday('01:30'), TZ)).toBe(true);
    expect(inWeeklyWindows(lateSunday, monday('02:30'), TZ)).toBe(false);
    expect(inWeeklyWindows(lateSunday, monday('23:00'), TZ)).toBe(false);
  });

  it('ignores malformed windows', () => {
    expect(inWeeklyWindows([{ weekdays: [1], from: 'nine', to: '12:00' }], monday('10:00'), TZ)).toBe(false);
  });
});
