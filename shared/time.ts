/** Calendar helpers in a store's IANA time zone (pure: no clock is read). */

// Building a DateTimeFormat costs far more than using one; the simulator asks on every ticket.
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
      second: '2-digit',
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
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * Local calendar parts of an instant in a time zone.
 * @example localParts(Date.UTC(2026, 0, 1, 16, 30), 'Asia/Shanghai') // { day: '2026-01-02', hour: 0, minute: 30, second: 0, weekday: 5 }
 */
export function localParts(at: number, timeZone: string): LocalParts {
  const offset = offsetIn(at, timeZone);
  if (offset === null) return formattedParts(at, timeZone);
  const local = new Date(at + offset);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const year = local.getUTCFullYear();
  return {
    day: `${year < 1000 ? String(year).padStart(4, '0') : year}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay() || 7,
  };
}

function formattedParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

// Formatting is the slow part (a few µs per call, and the store writes call it per event), while a
// zone's UTC offset changes a few times a year: it is looked up once per quarter hour of UTC and
// kept when the offset is the same at both ends of that quarter (no transition inside it).
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number | null>>();

function offsetIn(at: number, timeZone: string): number | null {
  if (!Number.isFinite(at)) return null;
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(at / QUARTER_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const first = formattedOffset(start, timeZone);
    offset = first === formattedOffset(start + QUARTER_MS - 1000, timeZone) ? first : null;
    if (zone.size > 50_000) zone.clear();
    zone.set(quarter, offset);
  }
  return offset;
}

/** Local wall time minus UTC at `at` (whole seconds), as the formatter reads it. */
function formattedOffset(at: number, timeZone: string): number {
  const p = formattedParts(at, timeZone);
  const [y, m, d] = p.day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, p.hour, p.minute, p.second);
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * Wall-clock time of an instant, as spreadsheets read it.
 * @example localDateTime(Date.UTC(2026, 0, 1, 16, 30, 5), 'Asia/Shanghai') // '2026-01-02 00:30:05'
 */
export function localDateTime(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.day} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a local wall-clock time ("HH:MM") happens on a local date in a time zone.
 * @example zonedTime('2026-01-02', '00:00', 'Asia/Shanghai') // Date.UTC(2026, 0, 1, 16)
 */
export function zonedTime(day: string, time: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  let guess = wanted;
  // Two corrections converge for every real zone offset (including DST edges).
  for (let i = 0; i < 2; i++) {
    const p = localParts(guess, timeZone);
    const [py, pm, pd] = p.day.split('-').map(Number) as [number, number, number];
    guess += wanted - Date.UTC(py, pm - 1, pd, p.hour, p.minute, p.second);
  }
  return guess;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date "YYYY-MM-DD". */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local date `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "HH:MM" → minutes since midnight (up to 24:00); `null` when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 24 && minutes < 60 ? hours * 60 + minutes : null;
}
