import type { WeeklyWindow } from '../api/signage-schemas.ts';
import { localParts, parseClockTime } from '../time.ts';

export type { WeeklyWindow };

/**
 * Whether `now` falls in any of `windows` in the IANA `timeZone`; no windows means always.
 * A window past midnight belongs to the weekday it starts on.
 *
 * @example
 * inWeeklyWindows([{ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' }], new Date(), 'Asia/Shanghai')
 */
export function inWeeklyWindows(windows: readonly WeeklyWindow[] | undefined, now: Date, timeZone: string): boolean {
  if (!windows?.length) return true;
  const { weekday, hour, minute } = localParts(now.getTime(), timeZone);
  const minutes = hour * 60 + minute;
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return windows.some((w) => {
    const from = parseClockTime(w.from);
    const to = parseClockTime(w.to);
    if (from === null || to === null) return false;
    if (from <= to) return w.weekdays.includes(weekday) && minutes >= from && minutes < to;
    return (w.weekdays.includes(weekday) && minutes >= from) || (w.weekdays.includes(yesterday) && minutes < to);
  });
}
