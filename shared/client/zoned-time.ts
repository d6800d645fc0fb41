/** Wall-clock facts about an instant in a store's time zone. */
export interface ZonedParts {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
  hour: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Weekday and time of day of `date` in the IANA `timeZone`.
 *
 * @example
 * zonedParts(new Date('2025-01-06T01:30:00Z'), 'Asia/Shanghai') // { weekday: 1, hour: 9, minutes: 570 }
 */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour) % 24;
  return { weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1, hour, minutes: hour * 60 + Number(parts.minute) };
}

/** "HH:MM" → minutes since midnight; `null` when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 24 && minutes < 60 ? hours * 60 + minutes : null;
}
