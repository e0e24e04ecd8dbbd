/**
 * Wall-clock arithmetic in an IANA time zone through `Intl.DateTimeFormat` (no date library). Vietnam
 * (Asia/Ho_Chi_Minh) is UTC+7 without daylight saving time, but every computation asks the zone for its offset
 * at the instant concerned, so other zones work too.
 */
import { parseIsoDate } from './civil-date.js';
import { CalendarInputError } from './errors.js';

/** The default zone of every computation in the package. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw CalendarInputError.of(
        'timeZone',
        'invalid_time_zone',
        `Múi giờ không hợp lệ: "${timeZone}"`,
        `Unknown time zone: "${timeZone}"`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a {@link CalendarInputError} unless `timeZone` is a zone the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Throws a {@link CalendarInputError} unless `value` is a valid `Date`. */
export function assertInstant(value: Date, path: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw CalendarInputError.of(path, 'invalid_instant', 'Thời điểm không hợp lệ', 'Invalid date-time');
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timeZone` from UTC at an instant, in milliseconds (Asia/Ho_Chi_Minh: +25 200 000). */
export function timeZoneOffsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const w = wallClock(wholeSecond, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string = VIETNAM_TIME_ZONE): string {
  const local = new Date(instant.getTime() + timeZoneOffsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 10);
}

/** Milliseconds since local midnight of an instant in `timeZone`. */
export function localTimeOfDayMs(instant: Date, timeZone: string = VIETNAM_TIME_ZONE): number {
  const local = instant.getTime() + timeZoneOffsetMs(instant.getTime(), timeZone);
  return ((local % 86_400_000) + 86_400_000) % 86_400_000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `isoDate` at `msOfDay` after midnight.
 * (In a zone with daylight saving time, a wall time inside the spring gap maps to the instant one offset later.)
 */
export function zonedInstant(isoDate: string, msOfDay: number, timeZone: string = VIETNAM_TIME_ZONE): Date {
  const { year, month, day } = parseIsoDate(isoDate);
  const wall = Date.UTC(year, month - 1, day) + msOfDay;
  const guess = wall - timeZoneOffsetMs(wall, timeZone);
  return new Date(wall - timeZoneOffsetMs(guess, timeZone));
}
