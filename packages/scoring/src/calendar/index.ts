export {
  addDaysIso,
  dayOfWeekIso,
  daysInSolarMonth,
  formatIsoDate,
  fromJulianDayNumber,
  isValidSolarDate,
  julianDayNumber,
  parseIsoDate,
  type SolarDate,
} from './civil-date.js';
export { CalendarInputError } from './errors.js';
export {
  type Holiday,
  type HolidayKind,
  type HolidayRule,
  type LunarHolidayRule,
  type NationalDayAdjacent,
  type SolarHolidayRule,
  VIETNAM_HOLIDAY_RULES,
  type VietnamHolidayOptions,
  vietnamHolidayRules,
  vietnamHolidays,
} from './holidays.js';
export {
  LUNAR_SUPPORTED_RANGE,
  type LunarCalendarOptions,
  type LunarDate,
  type LunarDateInput,
  leapMonthOfLunarYear,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
export {
  localDateOf,
  localTimeOfDayMs,
  timeZoneOffsetMs,
  VIETNAM_TIME_ZONE,
  zonedInstant,
} from './time-zone.js';
export {
  CALENDAR_METRIC_DEFINITIONS,
  type CalendarMetricDefinition,
  classifyTimeliness,
  onTimeRate,
  TIMELINESS_NAMES,
  type Timeliness,
  type TimelinessCounts,
  type TimelinessInput,
} from './timeliness.js';
export {
  type ClockPause,
  DEFAULT_OPENING_HOURS,
  type DueAtInput,
  type OpeningWindow,
  WorkCalendar,
  type WorkCalendarOptions,
} from './work-calendar.js';
