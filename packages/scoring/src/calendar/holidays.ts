/**
 * Public holidays of Vietnam by rule (Labour Code 2019 / Bộ luật Lao động 2019, art. 112). [M] The rule is a
 * default: the database calendar overrides it every year with the government's announcement (the exact Tết days,
 * swapped working days, the second National Day day). The rule itself is data (`VIETNAM_HOLIDAY_RULES`) so it can
 * be changed without touching code.
 */

import type { LocalizedText } from '../instruments/types.js';
import { addDaysIso, dayOfWeekIso, formatIsoDate } from './civil-date.js';
import { CalendarInputError } from './errors.js';
import { type LunarCalendarOptions, lunarToSolar } from './lunar.js';

/** How a holiday entered the list: a fixed solar date, a lunar date, or a day off in lieu of one on a weekend. */
export type HolidayKind = 'fixed' | 'lunar' | 'compensatory';

/** One public holiday. */
export interface Holiday {
  /** `YYYY-MM-DD` (solar calendar). */
  date: string;
  name: LocalizedText;
  kind: HolidayKind;
  /** Key of the rule that produced the day (compensatory days carry the key of the holiday they replace). */
  rule: string;
}

/** A holiday rule on the solar calendar: `lengthDays` days starting `offsetDays` from `month`/`day`. */
export interface SolarHolidayRule {
  key: string;
  calendar: 'solar';
  month: number;
  day: number;
  /** Shift from the anchor date, in days (default 0). */
  offsetDays?: number;
  /** Number of consecutive days (default 1). */
  lengthDays?: number;
  name: LocalizedText;
}

/**
 * A holiday rule on the lunar calendar: `lengthDays` days starting `offsetDays` from lunar `month`/`day` of the
 * lunar year that begins in the requested solar year (lunar dates of months 1–10 always fall in that solar year).
 */
export interface LunarHolidayRule {
  key: string;
  calendar: 'lunar';
  month: number;
  day: number;
  offsetDays?: number;
  lengthDays?: number;
  name: LocalizedText;
}

/** One entry of a holiday rule set. */
export type HolidayRule = SolarHolidayRule | LunarHolidayRule;

/** Which day accompanies National Day (2 Sep): 1 Sep (`'before'`) or 3 Sep (`'after'`). */
export type NationalDayAdjacent = 'before' | 'after';

/**
 * The Labour Code 2019 rule set as data: 1 Jan; Tết = last day of the lunar year + lunar 1/1 to 4/1 (5 days);
 * Hùng Kings' Commemoration = lunar 10/3; 30 Apr; 1 May; 2 Sep and one adjacent day. [M] The adjacent day is
 * "the day before or after" at the government's choice; recent years used 1 Sep, the default here.
 */
export function vietnamHolidayRules(nationalDayAdjacent: NationalDayAdjacent = 'before'): HolidayRule[] {
  return [
    {
      key: 'new_year',
      calendar: 'solar',
      month: 1,
      day: 1,
      name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
    },
    {
      key: 'tet',
      calendar: 'lunar',
      month: 1,
      day: 1,
      offsetDays: -1,
      lengthDays: 5,
      name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
    },
    {
      key: 'hung_kings',
      calendar: 'lunar',
      month: 3,
      day: 10,
      name: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
    },
    {
      key: 'reunification',
      calendar: 'solar',
      month: 4,
      day: 30,
      name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
    },
    {
      key: 'labour_day',
      calendar: 'solar',
      month: 5,
      day: 1,
      name: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
    },
    {
      key: 'national_day',
      calendar: 'solar',
      month: 9,
      day: 2,
      name: { vi: 'Quốc khánh', en: 'National Day' },
    },
    {
      key: 'national_day_adjacent',
      calendar: 'solar',
      month: 9,
      day: 2,
      offsetDays: nationalDayAdjacent === 'before' ? -1 : 1,
      name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
    },
  ];
}

/** The default rule set (National Day adjacent day = 1 Sep). */
export const VIETNAM_HOLIDAY_RULES: readonly HolidayRule[] = Object.freeze(vietnamHolidayRules('before'));

/** Options of {@link vietnamHolidays}. */
export interface VietnamHolidayOptions {
  /** Rule set to apply (default {@link VIETNAM_HOLIDAY_RULES}, or the rules for `nationalDayAdjacent`). */
  rules?: readonly HolidayRule[];
  /** Used only when `rules` is not given. Default `'before'` (1 Sep). */
  nationalDayAdjacent?: NationalDayAdjacent;
  /** Add compensatory days for holidays on a weekend (default true). */
  compensatory?: boolean;
  /** Days of the week that are weekly rest days, 0 = Sunday … 6 = Saturday (default Saturday and Sunday). */
  weekendDays?: readonly number[];
  /** Passed to the lunar conversion (default UTC+7). */
  lunar?: LunarCalendarOptions;
}

const COMPENSATORY_NAME = (name: LocalizedText): LocalizedText => ({
  vi: `Nghỉ bù ${name.vi}`,
  en: `${name.en} (compensatory day off)`,
});

/**
 * The public holidays of a solar year by rule, sorted by date.
 *
 * Rule: each entry of the rule set yields `lengthDays` days; then, for every holiday on a weekly rest day (in date
 * order), one compensatory day is added on the next day that is neither a rest day, a holiday nor an already
 * assigned compensatory day (Labour Code 2019, art. 111(3) and 112(3)). Dates of several rules that coincide are
 * listed once (the first rule wins).
 */
export function vietnamHolidays(year: number, options: VietnamHolidayOptions = {}): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw CalendarInputError.of(
      'year',
      'invalid_year',
      `Năm không hợp lệ: ${year} (hỗ trợ 1900–2100)`,
      `Invalid year: ${year} (supported 1900–2100)`,
    );
  }
  const rules = options.rules ?? vietnamHolidayRules(options.nationalDayAdjacent ?? 'before');
  const weekend = new Set(options.weekendDays ?? [0, 6]);
  if ([...weekend].some((d) => !Number.isInteger(d) || d < 0 || d > 6) || weekend.size > 6) {
    throw CalendarInputError.of(
      'options.weekendDays',
      'invalid_weekend_days',
      'Ngày nghỉ hằng tuần phải là 0–6 (0 = Chủ nhật) và không thể là cả 7 ngày',
      'Weekly rest days must be 0–6 (0 = Sunday) and cannot be all seven days',
    );
  }
  const byDate = new Map<string, Holiday>();
  rules.forEach((rule, index) => {
    const length = rule.lengthDays ?? 1;
    if (!Number.isInteger(length) || length < 1 || !Number.isInteger(rule.offsetDays ?? 0)) {
      throw CalendarInputError.of(
        `rules[${index}]`,
        'invalid_holiday_rule',
        `Quy tắc ngày nghỉ "${rule.key}" có số ngày hoặc độ lệch không hợp lệ`,
        `Holiday rule "${rule.key}" has an invalid length or offset`,
      );
    }
    const anchor =
      rule.calendar === 'lunar'
        ? formatIsoDate(lunarToSolar({ year, month: rule.month, day: rule.day }, options.lunar))
        : formatIsoDate({ year, month: rule.month, day: rule.day });
    const first = addDaysIso(anchor, rule.offsetDays ?? 0);
    for (let i = 0; i < length; i++) {
      const date = addDaysIso(first, i);
      if (!byDate.has(date)) {
        byDate.set(date, {
          date,
          name: rule.name,
          kind: rule.calendar === 'lunar' ? 'lunar' : 'fixed',
          rule: rule.key,
        });
      }
    }
  });
  const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  if (options.compensatory ?? true) {
    const taken = new Set(byDate.keys());
    for (const holiday of holidays.slice()) {
      if (!weekend.has(dayOfWeekIso(holiday.date))) continue;
      let candidate = addDaysIso(holiday.date, 1);
      while (weekend.has(dayOfWeekIso(candidate)) || taken.has(candidate))
        candidate = addDaysIso(candidate, 1);
      taken.add(candidate);
      holidays.push({
        date: candidate,
        name: COMPENSATORY_NAME(holiday.name),
        kind: 'compensatory',
        rule: holiday.rule,
      });
    }
    holidays.sort((a, b) => a.date.localeCompare(b.date));
  }
  return holidays;
}
