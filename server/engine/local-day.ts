import { isTimeZone, localParts } from '../../shared/time.ts';
import type { Millis } from './state.ts';

/**
 * The store's local date (YYYY-MM-DD) at `now` in the IANA `timeZone`.
 * @example localDay(Date.UTC(2025, 0, 1, 23, 30), 'Asia/Shanghai') // '2025-01-02'
 */
export function localDay(now: Millis, timeZone: string): string {
  return localParts(now, timeZone).day;
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows.
 * @example isValidTimeZone('Europe/Paris') // true
 */
export const isValidTimeZone = isTimeZone;
