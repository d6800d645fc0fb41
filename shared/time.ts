/** Calendar helpers in a store's IANA time zone (pure: no clock is read). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  /** YYYY-MM-DD */
  day: string;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * Local calendar parts of an instant in a time zone.
 * @example localParts(Date.UTC(2026, 0, 1, 16, 30), 'Asia/Shanghai') // { day: '2026-01-02', hour: 0, minute: 30, weekday: 5 }
 */
export function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a local wall-clock time happens in a time zone (first match on DST overlaps).
 * @example zonedTimeToUtc('2026-01-02', 0, 0, 'Asia/Shanghai') // Date.UTC(2026, 0, 1, 16)
 */
export function zonedTimeToUtc(day: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let guess = Date.UTC(y, m - 1, d, hour, minute);
  // Two corrections converge for every real zone offset (including DST edges).
  for (let i = 0; i < 2; i++) {
    const p = localParts(guess, timeZone);
    const [py, pm, pd] = p.day.split('-').map(Number) as [number, number, number];
    const shown = Date.UTC(py, pm - 1, pd, p.hour, p.minute);
    guess += Date.UTC(y, m - 1, d, hour, minute) - shown;
  }
  return guess;
}
