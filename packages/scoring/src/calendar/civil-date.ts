import { CalendarInputError } from './errors.js';

/** A date on the proleptic Gregorian calendar, without a time or a time zone. */
export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a Gregorian month (leap years: divisible by 4, except centuries not divisible by 400). */
export function daysInSolarMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the three parts form a real Gregorian date. */
export function isValidSolarDate(date: SolarDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInSolarMonth(year, month)
  );
}

/**
 * Julian day number of a Gregorian date (noon-based integer day count; 2000-01-01 is 2451545).
 * Formula: the standard Fliegel–Van Flandern conversion.
 */
export function julianDayNumber(date: SolarDate): number {
  const a = Math.floor((14 - date.month) / 12);
  const y = date.year + 4800 - a;
  const m = date.month + 12 * a - 3;
  return (
    date.day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** Inverse of {@link julianDayNumber}. */
export function fromJulianDayNumber(jd: number): SolarDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** Formats a date as `YYYY-MM-DD`. */
export function formatIsoDate(date: SolarDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Parses a `YYYY-MM-DD` string; throws a {@link CalendarInputError} for anything else or an impossible date. */
export function parseIsoDate(text: string, path = 'date'): SolarDate {
  const match = ISO_DATE.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!date || !isValidSolarDate(date)) {
    throw CalendarInputError.of(
      path,
      'invalid_date',
      `Ngày không hợp lệ: "${text}" (cần dạng YYYY-MM-DD)`,
      `Invalid date: "${text}" (expected YYYY-MM-DD)`,
    );
  }
  return date;
}

/** Adds a number of calendar days to a `YYYY-MM-DD` date. */
export function addDaysIso(iso: string, days: number): string {
  return formatIsoDate(fromJulianDayNumber(julianDayNumber(parseIsoDate(iso)) + days));
}

/** Day of the week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeekIso(iso: string): number {
  return (julianDayNumber(parseIsoDate(iso)) + 1) % 7;
}
