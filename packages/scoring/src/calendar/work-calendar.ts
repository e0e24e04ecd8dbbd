/**
 * Working time of one-stop desks (bộ phận một cửa): working days, opening windows, deadlines and pauses.
 *
 * Rules [P]: processing time is counted in working hours (1 working day = the sum of the windows, 8 h with the
 * default 07:00–11:30 and 13:30–17:00); intake after hours starts the clock at the next opening; weekly rest days
 * and public holidays are skipped, swapped working days (usually Saturdays) count; the clock stops while waiting
 * for a supplement or a payment; calendar-day procedures never fall due on a non-working day.
 */
import { addDaysIso, dayOfWeekIso, parseIsoDate } from './civil-date.js';
import { CalendarInputError } from './errors.js';
import { assertInstant, assertTimeZone, localDateOf, VIETNAM_TIME_ZONE, zonedInstant } from './time-zone.js';

/** An opening window as local wall-clock times `['HH:MM', 'HH:MM']` (start inclusive, end exclusive). */
export type OpeningWindow = readonly [string, string];

/** Options of {@link WorkCalendar}. */
export interface WorkCalendarOptions {
  /** Non-working dates (`YYYY-MM-DD`): public holidays, compensatory days and days off swapped away. */
  holidays: readonly string[];
  /** Dates on a weekly rest day that are working days (swapped working days, "làm bù"). */
  workingSaturdays?: readonly string[];
  /** Opening windows of a working day, in order. Default `[['07:00','11:30'], ['13:30','17:00']]` (8 h). */
  hours?: readonly OpeningWindow[];
  /** IANA time zone of the wall-clock times (default `Asia/Ho_Chi_Minh`). */
  timeZone?: string;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday (default Saturday and Sunday). */
  weekendDays?: readonly number[];
}

/** A period during which the processing clock is stopped (supplement request, waiting for a fee). */
export interface ClockPause {
  from: Date;
  /** Omitted while the wait is still going on. */
  to?: Date;
}

/** Input of {@link WorkCalendar.dueAt}. */
export interface DueAtInput {
  receivedAt: Date;
  /** Processing time in working hours. */
  hours: number;
  pauses?: readonly ClockPause[];
  /**
   * For an unfinished pause: treat it as ending at `asOf` and return a provisional due time. Without `asOf`,
   * a due time under an unfinished pause is unknown and `dueAt` returns null.
   */
  asOf?: Date;
}

/** The default opening windows of one-stop desks [P]. */
export const DEFAULT_OPENING_HOURS: readonly OpeningWindow[] = Object.freeze([
  ['07:00', '11:30'],
  ['13:30', '17:00'],
] as const);

const HOUR_MS = 3_600_000;
const MAX_SCAN_DAYS = 3660;
const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parseClock(text: string, path: string): number {
  const match = CLOCK.exec(text);
  const ms = match ? (Number(match[1]) * 60 + Number(match[2])) * 60_000 : Number.NaN;
  if (!match || ms > 86_400_000) {
    throw CalendarInputError.of(
      path,
      'invalid_clock_time',
      `Giờ không hợp lệ: "${text}" (cần dạng HH:MM)`,
      `Invalid time: "${text}" (expected HH:MM)`,
    );
  }
  return ms;
}

function invalidDays(days: number): CalendarInputError {
  return CalendarInputError.of(
    'days',
    'invalid_duration',
    `Số ngày không hợp lệ: ${days}`,
    `Invalid number of days: ${days}`,
  );
}

/**
 * A working-time calendar. All wall-clock reasoning happens in the configured time zone; inputs and outputs are
 * instants (`Date`).
 */
export class WorkCalendar {
  /** IANA time zone of the calendar. */
  readonly timeZone: string;
  /** Working hours in one full working day (sum of the windows). */
  readonly hoursPerDay: number;
  readonly #holidays: ReadonlySet<string>;
  readonly #workingDays: ReadonlySet<string>;
  readonly #weekend: ReadonlySet<number>;
  /** Windows as [start, end) milliseconds after local midnight. */
  readonly #windows: readonly (readonly [number, number])[];
  readonly #windowCache = new Map<string, readonly (readonly [number, number])[]>();

  constructor(options: WorkCalendarOptions) {
    this.timeZone = options.timeZone ?? VIETNAM_TIME_ZONE;
    assertTimeZone(this.timeZone);
    this.#holidays = new Set(options.holidays.map((d, i) => this.#checkDate(d, `holidays[${i}]`)));
    this.#workingDays = new Set(
      (options.workingSaturdays ?? []).map((d, i) => this.#checkDate(d, `workingSaturdays[${i}]`)),
    );
    for (const [i, d] of [...this.#workingDays].entries()) {
      if (this.#holidays.has(d)) {
        throw CalendarInputError.of(
          `workingSaturdays[${i}]`,
          'conflicting_day',
          `Ngày ${d} vừa là ngày nghỉ vừa là ngày làm việc bù`,
          `${d} is listed both as a holiday and as a swapped working day`,
        );
      }
    }
    const weekend = options.weekendDays ?? [0, 6];
    if (weekend.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
      throw CalendarInputError.of(
        'weekendDays',
        'invalid_weekend_days',
        'Ngày nghỉ hằng tuần phải là 0–6 (0 = Chủ nhật)',
        'Weekly rest days must be 0–6 (0 = Sunday)',
      );
    }
    this.#weekend = new Set(weekend);
    const hours = options.hours ?? DEFAULT_OPENING_HOURS;
    if (hours.length === 0) {
      throw CalendarInputError.of(
        'hours',
        'no_opening_hours',
        'Cần ít nhất một khung giờ làm việc',
        'At least one opening window is required',
      );
    }
    let previousEnd = -1;
    this.#windows = hours.map(([from, to], i) => {
      const start = parseClock(from, `hours[${i}][0]`);
      const end = parseClock(to, `hours[${i}][1]`);
      if (end <= start || start < previousEnd) {
        throw CalendarInputError.of(
          `hours[${i}]`,
          'invalid_opening_window',
          `Khung giờ ${from}–${to} phải kết thúc sau khi bắt đầu và không chồng lên khung trước`,
          `Window ${from}–${to} must end after it starts and must not overlap the previous one`,
        );
      }
      previousEnd = end;
      return [start, end] as const;
    });
    this.hoursPerDay = this.#windows.reduce((sum, [s, e]) => sum + (e - s), 0) / HOUR_MS;
  }

  #checkDate(date: string, path: string): string {
    parseIsoDate(date, path);
    return date;
  }

  #toLocalDate(date: string | Date, path: string): string {
    if (typeof date === 'string') return this.#checkDate(date, path);
    assertInstant(date, path);
    return localDateOf(date, this.timeZone);
  }

  /**
   * True for a working day: a swapped working day, or a day that is neither a weekly rest day nor a holiday.
   * A `Date` is read as its local date in the calendar's time zone.
   */
  isWorkingDay(date: string | Date): boolean {
    const iso = this.#toLocalDate(date, 'date');
    if (this.#workingDays.has(iso)) return true;
    return !this.#holidays.has(iso) && !this.#weekend.has(dayOfWeekIso(iso));
  }

  /** The first working day on or after `date` (`YYYY-MM-DD`). */
  nextWorkingDay(date: string | Date): string {
    let iso = this.#toLocalDate(date, 'date');
    for (let i = 0; i < MAX_SCAN_DAYS; i++, iso = addDaysIso(iso, 1)) {
      if (this.isWorkingDay(iso)) return iso;
    }
    throw this.#noWorkingDay();
  }

  #noWorkingDay(): CalendarInputError {
    return CalendarInputError.of(
      'holidays',
      'no_working_day',
      'Không có ngày làm việc nào trong 10 năm tới',
      'No working day within the next 10 years',
    );
  }

  /** Closing time (end of the last window) of a date, as an instant. */
  closingTime(date: string): Date {
    const last = this.#windows[this.#windows.length - 1]!;
    return zonedInstant(this.#checkDate(date, 'date'), last[1], this.timeZone);
  }

  /** The working windows of one local date as epoch-millisecond pairs (empty on a non-working day); memoised. */
  #windowsOf(iso: string): readonly (readonly [number, number])[] {
    let windows = this.#windowCache.get(iso);
    if (!windows) {
      windows = this.isWorkingDay(iso)
        ? this.#windows.map(
            ([s, e]) =>
              [
                zonedInstant(iso, s, this.timeZone).getTime(),
                zonedInstant(iso, e, this.timeZone).getTime(),
              ] as const,
          )
        : [];
      this.#windowCache.set(iso, windows);
    }
    return windows;
  }

  /** The instant the clock starts for an intake at `at`: `at` itself inside a window, else the next opening. */
  nextOpening(at: Date): Date {
    return this.addWorkingHours(at, 0);
  }

  /**
   * The instant after `hours` working hours counted from `start`. Time outside the windows and on non-working
   * days does not count, so an intake after hours starts at the next opening. When the time runs out exactly at
   * the end of a window the result is that window's end (e.g. 17:00), not the next opening.
   */
  addWorkingHours(start: Date, hours: number): Date {
    assertInstant(start, 'start');
    if (!Number.isFinite(hours) || hours < 0) {
      throw CalendarInputError.of(
        'hours',
        'invalid_duration',
        `Số giờ không hợp lệ: ${hours}`,
        `Invalid number of hours: ${hours}`,
      );
    }
    let remaining = Math.round(hours * HOUR_MS);
    const cursor = start.getTime();
    let iso = localDateOf(start, this.timeZone);
    for (let i = 0; i < MAX_SCAN_DAYS; i++, iso = addDaysIso(iso, 1)) {
      for (const [ws, we] of this.#windowsOf(iso)) {
        if (cursor >= we) continue;
        const from = Math.max(cursor, ws);
        const available = we - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    throw this.#noWorkingDay();
  }

  /** `days` working days after `start`, where one working day is {@link hoursPerDay} working hours. */
  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isFinite(days) || days < 0) {
      throw invalidDays(days);
    }
    return this.addWorkingHours(start, days * this.hoursPerDay);
  }

  /**
   * Working hours between two instants: the overlap of [a, b) with the windows of working days. Negative when
   * `b` is before `a`.
   */
  workingHoursBetween(a: Date, b: Date): number {
    assertInstant(a, 'a');
    assertInstant(b, 'b');
    if (b.getTime() < a.getTime()) return -this.workingHoursBetween(b, a);
    const from = a.getTime();
    const to = b.getTime();
    const last = localDateOf(b, this.timeZone);
    let total = 0;
    for (let iso = localDateOf(a, this.timeZone); iso <= last; iso = addDaysIso(iso, 1)) {
      for (const [ws, we] of this.#windowsOf(iso)) {
        total += Math.max(0, Math.min(we, to) - Math.max(ws, from));
      }
    }
    return total / HOUR_MS;
  }

  /**
   * The due time of a dossier: `hours` working hours from `receivedAt`, the clock stopped during `pauses`
   * (supplement requests, fee payment), so the due time moves by the working time paused.
   *
   * Rule: pauses are merged; the clock runs from `receivedAt` to the first pause that starts before the running
   * due time, stops until that pause ends and resumes with the remaining working hours; a pause that starts at or
   * after the running due time changes nothing (the dossier was already due). Returns null while a pause is
   * unfinished and no `asOf` is given.
   */
  dueAt(input: DueAtInput): Date | null {
    assertInstant(input.receivedAt, 'receivedAt');
    const pauses = (input.pauses ?? []).map((p, i) => {
      assertInstant(p.from, `pauses[${i}].from`);
      if (p.to !== undefined) assertInstant(p.to, `pauses[${i}].to`);
      if (p.to !== undefined && p.to.getTime() < p.from.getTime()) {
        throw CalendarInputError.of(
          `pauses[${i}]`,
          'invalid_pause',
          'Thời điểm kết thúc tạm dừng trước thời điểm bắt đầu',
          'A pause ends before it starts',
        );
      }
      const to = p.to ?? input.asOf;
      return {
        from: p.from.getTime(),
        to: to === undefined ? Number.POSITIVE_INFINITY : Math.max(to.getTime(), p.from.getTime()),
      };
    });
    pauses.sort((x, y) => x.from - y.from);
    let cursor = input.receivedAt;
    let remaining = input.hours;
    let due = this.addWorkingHours(cursor, remaining);
    for (const pause of pauses) {
      if (pause.to <= cursor.getTime()) continue;
      const pauseStart = new Date(Math.max(pause.from, cursor.getTime()));
      if (pauseStart.getTime() >= due.getTime()) break;
      remaining -= this.workingHoursBetween(cursor, pauseStart);
      if (pause.to === Number.POSITIVE_INFINITY) return null;
      cursor = new Date(pause.to);
      due = this.addWorkingHours(cursor, Math.max(0, remaining));
    }
    return due;
  }

  /**
   * The due time of a procedure counted in calendar days: the clock starts at the next opening at or after
   * `start` (an intake after hours counts from the next working day), the day of intake is not counted (Civil
   * Code 2015, art. 147), and the deadline is the closing time of the `days`-th calendar day after it; if that day
   * is not a working day, the closing time of the next working day.
   */
  addCalendarDays(start: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0) {
      throw invalidDays(days);
    }
    const opened = this.nextOpening(start);
    const target = addDaysIso(localDateOf(opened, this.timeZone), days);
    return this.closingTime(this.nextWorkingDay(target));
  }
}
