/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for the meridian of UTC+7.
 *
 * Method: the algorithm published by Hồ Ngọc Đức ("Thuật toán tính âm lịch"): new moons and the sun's longitude
 * from the truncated series in Jean Meeus, "Astronomical Algorithms"; a lunar month starts on the local day of a
 * new moon; month 11 is the month containing the winter solstice; a year with 13 months between two months 11 has
 * a leap month: the first month after month 11 that contains no major solar term (trung khí).
 *
 * Computed at UTC+7 the calendar differs from the Chinese one (UTC+8) when a new moon or a solar term falls
 * between 16:00 and 17:00 UTC, e.g. Tết 1985 (Vietnam 1985-01-21, China 1985-02-20) and Tết 2007
 * (Vietnam 2007-02-17, China 2007-02-18). Before 1968 Vietnam officially followed the UTC+8 calendar; pass
 * `{ timeZoneOffsetHours: 8 }` to reproduce that. Supported range: solar dates 1900-01-01 to 2100-12-31.
 */
import {
  formatIsoDate,
  fromJulianDayNumber,
  isValidSolarDate,
  julianDayNumber,
  type SolarDate,
} from './civil-date.js';
import { CalendarInputError } from './errors.js';

/** A date of the Vietnamese lunar calendar. `leap` is true inside a leap (intercalary, "nhuận") month. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Input to {@link lunarToSolar}: `leap` defaults to false. */
export interface LunarDateInput {
  year: number;
  month: number;
  day: number;
  leap?: boolean;
}

/** Options of the lunar conversions. */
export interface LunarCalendarOptions {
  /** Offset of the reference meridian from UTC, in hours. Vietnam: 7 (default). */
  timeZoneOffsetHours?: number;
}

/** First and last solar dates the conversions accept. */
export const LUNAR_SUPPORTED_RANGE = { from: '1900-01-01', to: '2100-12-31' } as const;

const MIN_JD = julianDayNumber({ year: 1900, month: 1, day: 1 });
const MAX_JD = julianDayNumber({ year: 2100, month: 12, day: 31 });
/** Julian day of the new moon of 1900-01-01 13:52 UTC, the epoch of the lunation count `k`. */
const EPOCH_NEW_MOON = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;

/** Julian day (with fraction, UT) of the k-th new moon after the epoch (Meeus, truncated). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr);
  c1 -= 0.0004 * Math.sin(DEG * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, in [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m);
  dl += (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.00029 * Math.sin(DEG * 3 * m);
  let l = (l0 + dl) * DEG;
  l -= Math.PI * 2 * Math.floor(l / (Math.PI * 2));
  return l;
}

/** Index 0..11 of the 30° sector the sun is in at the start of local day `dayNumber` (major solar terms). */
function sunSector(dayNumber: number, tz: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian day number of the local day on which the k-th new moon falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

const month11Cache = new Map<string, number>();

/** Julian day number of the first day of lunar month 11 (the month of the winter solstice) of solar year `yy`. */
function lunarMonth11(yy: number, tz: number): number {
  const key = `${tz}:${yy}`;
  const cached = month11Cache.get(key);
  if (cached !== undefined) return cached;
  const off = julianDayNumber({ year: yy, month: 12, day: 31 }) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  let nm = newMoonDay(k, tz);
  if (sunSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  month11Cache.set(key, nm);
  return nm;
}

/** Position (1..13) after month 11 `a11` of the leap month: the first month containing no major solar term. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function timeZoneOf(options: LunarCalendarOptions | undefined): number {
  const tz = options?.timeZoneOffsetHours ?? 7;
  if (!Number.isFinite(tz) || tz < -12 || tz > 14) {
    throw CalendarInputError.of(
      'options.timeZoneOffsetHours',
      'invalid_time_zone_offset',
      `Độ lệch múi giờ không hợp lệ: ${tz}`,
      `Invalid time zone offset: ${tz}`,
    );
  }
  return tz;
}

function outOfRange(path: string, vi: string, en: string): CalendarInputError {
  return CalendarInputError.of(
    path,
    'date_out_of_range',
    `${vi} nằm ngoài phạm vi hỗ trợ ${LUNAR_SUPPORTED_RANGE.from} – ${LUNAR_SUPPORTED_RANGE.to}`,
    `${en} is outside the supported range ${LUNAR_SUPPORTED_RANGE.from} – ${LUNAR_SUPPORTED_RANGE.to}`,
  );
}

/**
 * Converts a Gregorian date to the Vietnamese lunar date (Hồ Ngọc Đức's algorithm at UTC+7 by default).
 * Throws a {@link CalendarInputError} for an impossible date or one outside 1900-01-01 … 2100-12-31.
 */
export function solarToLunar(date: SolarDate, options?: LunarCalendarOptions): LunarDate {
  const tz = timeZoneOf(options);
  if (!isValidSolarDate(date)) {
    throw CalendarInputError.of(
      'date',
      'invalid_date',
      `Ngày dương lịch không hợp lệ: ${JSON.stringify(date)}`,
      `Invalid solar date: ${JSON.stringify(date)}`,
    );
  }
  const dayNumber = julianDayNumber(date);
  if (dayNumber < MIN_JD || dayNumber > MAX_JD) {
    throw outOfRange('date', `Ngày ${formatIsoDate(date)}`, `Date ${formatIsoDate(date)}`);
  }
  // The lunation containing the day; the estimate from the mean month can be one off near a new moon (the true
  // new moon drifts up to ~14 h from the mean one), so adjust it both ways.
  let k = Math.floor((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  while (newMoonDay(k, tz) > dayNumber) k--;
  while (newMoonDay(k + 1, tz) <= dayNumber) k++;
  const monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(date.year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = date.year;
    a11 = lunarMonth11(date.year - 1, tz);
  } else {
    lunarYear = date.year + 1;
    b11 = lunarMonth11(date.year + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date. Throws a {@link CalendarInputError} when the date does
 * not exist: a month outside 1–12, day 30 of a 29-day month, a leap flag on a month that is not leap that year,
 * or a result outside 1900-01-01 … 2100-12-31.
 */
export function lunarToSolar(date: LunarDateInput, options?: LunarCalendarOptions): SolarDate {
  const tz = timeZoneOf(options);
  const { year, month, day } = date;
  const leap = date.leap ?? false;
  const label = `${day}/${month}${leap ? ' (nhuận/leap)' : ''}/${year}`;
  const invalid = (vi: string, en: string) =>
    CalendarInputError.of('date', 'invalid_lunar_date', `${vi}: ${label}`, `${en}: ${label}`);
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw invalid('Ngày âm lịch không hợp lệ', 'Invalid lunar date');
  }
  if (year < 1899 || year > 2100) {
    throw outOfRange('date.year', `Năm âm lịch ${year}`, `Lunar year ${year}`);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, tz);
    b11 = lunarMonth11(year, tz);
  } else {
    a11 = lunarMonth11(year, tz);
    b11 = lunarMonth11(year + 1, tz);
  }
  const k = Math.floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  let hasLeap = false;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth <= 0) leapMonth += 12;
    hasLeap = leap && month === leapMonth;
    if (leap || off >= leapOff) off += 1;
  }
  if (leap && !hasLeap) {
    throw invalid(`Năm ${year} không có tháng ${month} nhuận`, `Year ${year} has no leap month ${month}`);
  }
  const monthStart = newMoonDay(k + off, tz);
  const nextMonthStart = newMoonDay(k + off + 1, tz);
  if (day > nextMonthStart - monthStart) {
    throw invalid(
      `Tháng này chỉ có ${nextMonthStart - monthStart} ngày`,
      `This month has only ${nextMonthStart - monthStart} days`,
    );
  }
  const jd = monthStart + day - 1;
  if (jd < MIN_JD || jd > MAX_JD) {
    throw outOfRange('date', `Ngày âm lịch ${label}`, `Lunar date ${label}`);
  }
  return fromJulianDayNumber(jd);
}

/** Number of days (29 or 30) of a lunar month; throws like {@link lunarToSolar} if the month does not exist. */
export function lunarMonthLength(
  year: number,
  month: number,
  leap = false,
  options?: LunarCalendarOptions,
): number {
  const first = julianDayNumber(lunarToSolar({ year, month, day: 1, leap }, options));
  const next = solarToLunar(fromJulianDayNumber(first + 29), options);
  return next.day === 1 ? 29 : 30;
}

/** The leap month (1–12) of a lunar year, or null when the year has 12 months. */
export function leapMonthOfLunarYear(year: number, options?: LunarCalendarOptions): number | null {
  const tz = timeZoneOf(options);
  const a11 = lunarMonth11(year - 1, tz);
  const b11 = lunarMonth11(year, tz);
  const c11 = lunarMonth11(year + 1, tz);
  // A leap month between month 11 of the previous year and month 11 of this year is leap 11 or 12 of the
  // previous lunar year or leap 1–10 of this one; one after this year's month 11 is leap 11 or 12 of this year.
  for (const [from, to] of [
    [a11, b11],
    [b11, c11],
  ] as const) {
    if (to - from > 365) {
      const leapOff = leapMonthOffset(from, tz);
      let leapMonth = leapOff - 2;
      if (leapMonth <= 0) leapMonth += 12;
      const belongsToThisYear = from === a11 ? leapMonth <= 10 : leapMonth >= 11;
      if (belongsToThisYear) return leapMonth;
    }
  }
  return null;
}
