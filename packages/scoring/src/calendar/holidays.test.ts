import { describe, expect, it } from 'vitest';
import { CalendarInputError } from './errors.js';
import { VIETNAM_HOLIDAY_RULES, vietnamHolidayRules, vietnamHolidays } from './holidays.js';

const dates = (year: number, options?: Parameters<typeof vietnamHolidays>[1]) =>
  vietnamHolidays(year, options).map((h) => `${h.date} ${h.kind}`);

describe('vietnamHolidays', () => {
  it('lists the 2025 holidays by rule, with a compensatory day for Tết falling on Saturday', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01 fixed',
      '2025-01-28 lunar',
      '2025-01-29 lunar',
      '2025-01-30 lunar',
      '2025-01-31 lunar',
      '2025-02-01 lunar',
      '2025-02-03 compensatory',
      '2025-04-07 lunar',
      '2025-04-30 fixed',
      '2025-05-01 fixed',
      '2025-09-01 fixed',
      '2025-09-02 fixed',
    ]);
    const tet = vietnamHolidays(2025).find((h) => h.date === '2025-01-29')!;
    expect(tet.name).toEqual({ vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' });
    const compensatory = vietnamHolidays(2025).find((h) => h.kind === 'compensatory')!;
    expect(compensatory).toMatchObject({ rule: 'tet', name: { vi: 'Nghỉ bù Tết Nguyên đán' } });
  });

  it('gives one compensatory day per weekend holiday, skipping other holidays (2024)', () => {
    const list = dates(2024);
    // Tết 2024-02-10 is a Saturday: 9–13 Feb, with the weekend days compensated on 14 and 15 Feb.
    expect(list).toContain('2024-02-09 lunar');
    expect(list).toContain('2024-02-13 lunar');
    expect(list).toContain('2024-02-14 compensatory');
    expect(list).toContain('2024-02-15 compensatory');
    expect(list).toContain('2024-04-18 lunar');
    // 1 Sep 2024 is a Sunday and 2 Sep a holiday: the compensatory day is 3 Sep.
    expect(list).toContain('2024-09-03 compensatory');
    expect(list.filter((d) => d.endsWith('compensatory'))).toHaveLength(3);
  });

  it('makes the National Day adjacent day an option', () => {
    expect(dates(2020, { nationalDayAdjacent: 'after' })).toContain('2020-09-03 fixed');
    expect(dates(2020, { nationalDayAdjacent: 'after' })).not.toContain('2020-09-01 fixed');
    expect(dates(2020)).toContain('2020-09-01 fixed');
  });

  it('treats the rule as data that can be replaced', () => {
    const withoutHungKings = VIETNAM_HOLIDAY_RULES.filter((r) => r.key !== 'hung_kings');
    expect(dates(2025, { rules: withoutHungKings })).not.toContain('2025-04-07 lunar');
    const sixDayTet = vietnamHolidayRules().map((r) => (r.key === 'tet' ? { ...r, lengthDays: 6 } : r));
    expect(dates(2025, { rules: sixDayTet, compensatory: false })).toContain('2025-02-02 lunar');
    expect(dates(2025, { compensatory: false })).not.toContain('2025-02-03 compensatory');
  });

  it('places Tết in the right solar year for 1985 and 2007 (Vietnamese, not Chinese, dates)', () => {
    expect(dates(1985)).toContain('1985-01-20 lunar');
    expect(dates(1985)).toContain('1985-01-21 lunar');
    expect(dates(2007)).toContain('2007-02-16 lunar');
  });

  it('rejects a bad year or rule', () => {
    expect(() => vietnamHolidays(1800)).toThrow(CalendarInputError);
    expect(() => vietnamHolidays(2025, { rules: [{ ...VIETNAM_HOLIDAY_RULES[0]!, lengthDays: 0 }] })).toThrow(
      /invalid length/,
    );
    expect(() => vietnamHolidays(2025, { weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(CalendarInputError);
  });
});
