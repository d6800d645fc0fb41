import type { Millis } from './state.ts';

// Building a DateTimeFormat costs far more than using one; the simulator asks on every ticket.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The store's local date (YYYY-MM-DD) at `now` in the IANA `timeZone`.
 * @example localDay(Date.UTC(2025, 0, 1, 23, 30), 'Asia/Shanghai') // '2025-01-02'
 */
export function localDay(now: Millis, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows.
 * @example isValidTimeZone('Europe/Paris') // true
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
