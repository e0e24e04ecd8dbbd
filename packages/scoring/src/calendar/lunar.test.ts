import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, fromJulianDayNumber, julianDayNumber } from './civil-date.js';
import { CalendarInputError } from './errors.js';
import { leapMonthOfLunarYear, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

const iso = (d: { year: number; month: number; day: number }) => formatIsoDate(d);
const FIRST = julianDayNumber({ year: 1900, month: 1, day: 31 });
const LAST = julianDayNumber({ year: 2100, month: 12, day: 31 });

describe('solarToLunar / lunarToSolar', () => {
  it('round-trips every day from 1900-01-31 to 2100-12-31, with consecutive lunar days', () => {
    const failures: string[] = [];
    let previous = solarToLunar(fromJulianDayNumber(FIRST - 1));
    let monthLength = 0;
    let months = 0;
    for (let jd = FIRST; jd <= LAST; jd++) {
      const solar = fromJulianDayNumber(jd);
      const lunar = solarToLunar(solar);
      const back = lunarToSolar(lunar);
      if (iso(back) !== iso(solar))
        failures.push(`${iso(solar)} -> ${JSON.stringify(lunar)} -> ${iso(back)}`);
      if (lunar.day === 1) {
        // A new month starts: the month that ended had 29 or 30 days.
        if (months > 0 && previous.day !== 29 && previous.day !== 30)
          failures.push(`${iso(solar)}: month of ${previous.day} days`);
        months++;
        monthLength = 1;
      } else {
        const same =
          lunar.year === previous.year && lunar.month === previous.month && lunar.leap === previous.leap;
        if (!same || lunar.day !== previous.day + 1)
          failures.push(`${iso(solar)}: not the day after ${JSON.stringify(previous)}`);
        monthLength++;
      }
      if (monthLength > 30) failures.push(`${iso(solar)}: month longer than 30 days`);
      previous = lunar;
    }
    expect(failures).toEqual([]);
    expect(solarToLunar(fromJulianDayNumber(FIRST))).toEqual({ year: 1900, month: 1, day: 1, leap: false });
    // 201 years hold about 2486 lunations.
    expect(months).toBeGreaterThan(2480);
  }, 60_000);

  it('gives lunar months of 29 or 30 days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect([29, 30]).toContain(lunarMonthLength(year, month));
      }),
    );
  });

  it.each([
    [1985, '1985-01-21'], // Chinese calendar: 1985-02-20
    [2007, '2007-02-17'], // Chinese calendar: 2007-02-18
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ])('places Tết (1/1) of %i on %s', (year, expected) => {
    expect(iso(lunarToSolar({ year, month: 1, day: 1 }))).toBe(expected);
    expect(solarToLunar(lunarToSolar({ year, month: 1, day: 1 }))).toEqual({
      year,
      month: 1,
      day: 1,
      leap: false,
    });
  });

  it.each([
    [2019, '2019-04-14'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
  ])("places the Hùng Kings' day (10/3) of %i on %s", (year, expected) => {
    expect(iso(lunarToSolar({ year, month: 3, day: 10 }))).toBe(expected);
  });

  it('knows leap months: 2020 leap 4th, 2023 leap 2nd, 2025 leap 6th, 2024 none', () => {
    expect(leapMonthOfLunarYear(2020)).toBe(4);
    expect(leapMonthOfLunarYear(2023)).toBe(2);
    expect(leapMonthOfLunarYear(2025)).toBe(6);
    expect(leapMonthOfLunarYear(2024)).toBeNull();
    expect(iso(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true }))).toBe('2023-03-22');
    expect(iso(lunarToSolar({ year: 2023, month: 2, day: 1 }))).toBe('2023-02-20');
    expect(solarToLunar({ year: 2020, month: 5, day: 23 })).toEqual({
      year: 2020,
      month: 4,
      day: 1,
      leap: true,
    });
    expect(solarToLunar({ year: 2020, month: 4, day: 23 })).toEqual({
      year: 2020,
      month: 4,
      day: 1,
      leap: false,
    });
  });

  it('assigns the last month of the lunar year to the previous year', () => {
    expect(solarToLunar({ year: 2025, month: 1, day: 28 })).toEqual({
      year: 2024,
      month: 12,
      day: 29,
      leap: false,
    });
    expect(solarToLunar({ year: 2024, month: 2, day: 9 })).toEqual({
      year: 2023,
      month: 12,
      day: 30,
      leap: false,
    });
  });

  it('reproduces the UTC+8 calendar on request', () => {
    expect(iso(lunarToSolar({ year: 1985, month: 1, day: 1 }, { timeZoneOffsetHours: 8 }))).toBe(
      '1985-02-20',
    );
    expect(iso(lunarToSolar({ year: 2007, month: 1, day: 1 }, { timeZoneOffsetHours: 8 }))).toBe(
      '2007-02-18',
    );
  });

  it('rejects dates that do not exist with a bilingual error', () => {
    expect(() => solarToLunar({ year: 2023, month: 2, day: 29 })).toThrow(CalendarInputError);
    expect(() => solarToLunar({ year: 1899, month: 12, day: 31 })).toThrow(/outside the supported range/);
    expect(() => lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toThrow(/has no leap month 2/);
    expect(() => lunarToSolar({ year: 2024, month: 13, day: 1 })).toThrow(/Ngày âm lịch không hợp lệ/);
    expect(() => lunarToSolar({ year: 2024, month: 1, day: 31 })).toThrow(CalendarInputError);
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(2024, m) === 29)!;
    try {
      lunarToSolar({ year: 2024, month: short, day: 30 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarInputError);
      expect((error as CalendarInputError).issues[0]).toMatchObject({
        path: 'date',
        code: 'invalid_lunar_date',
      });
      expect((error as CalendarInputError).issues[0]!.message.en).toContain('only 29 days');
    }
  });
});
