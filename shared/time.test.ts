import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, isTimeZone, localDateTime, localParts, parseClockTime, zonedTime } from './time.ts';

describe('local time in a store time zone', () => {
  it('gives the local date, hour and ISO weekday of an instant', () => {
    expect(localParts(Date.parse('2025-01-06T01:30:00Z'), 'Asia/Shanghai')).toEqual({
      day: '2025-01-06',
      hour: 9,
      minute: 30,
      second: 0,
      weekday: 1,
    });
    expect(localParts(Date.parse('2025-01-05T23:59:00Z'), 'UTC')).toMatchObject({ weekday: 7, hour: 23, minute: 59 });
    expect(localParts(Date.parse('2025-01-05T16:00:00Z'), 'Asia/Shanghai')).toMatchObject({
      day: '2025-01-06',
      hour: 0,
    });
  });

  it('reads the same parts as the zone formatter around daylight saving changes and odd offsets', () => {
    const formatter = (timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    const cases: Array<[string, string]> = [
      ['Europe/Paris', '2026-03-29T01:00:00Z'],
      ['Europe/Paris', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-05T15:00:00Z'],
      ['Asia/Kathmandu', '2026-01-01T00:00:00Z'],
      ['Pacific/Chatham', '2026-04-05T14:00:00Z'],
    ];
    for (const [zone, around] of cases) {
      const f = formatter(zone);
      // Every 7 minutes 13 seconds over the two hours either side of the change.
      for (let at = Date.parse(around) - 2 * 3_600_000; at <= Date.parse(around) + 2 * 3_600_000; at += 433_000) {
        const p = localParts(at, zone);
        const two = (n: number) => String(n).padStart(2, '0');
        expect(
          `${p.day}, ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`,
          `${zone} ${new Date(at).toISOString()}`,
        ).toBe(f.format(at));
      }
    }
  });

  it('writes wall-clock time as spreadsheets read it', () => {
    expect(localDateTime(Date.UTC(2026, 0, 1, 16, 30, 5), 'Asia/Shanghai')).toBe('2026-01-02 00:30:05');
  });

  it('finds the instant of a local time, across daylight saving changes', () => {
    expect(zonedTime('2026-01-02', '00:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 0, 1, 16));
    expect(zonedTime('2026-03-29', '12:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 10));
    expect(zonedTime('2026-03-28', '12:00', 'Europe/Paris')).toBe(Date.UTC(2026, 2, 28, 11));
  });

  it('does calendar arithmetic on local dates', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads "HH:MM" clock times', () => {
    expect(parseClockTime('09:30')).toBe(570);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('9:5')).toBeNull();
    expect(parseClockTime('10:75')).toBeNull();
  });
});
