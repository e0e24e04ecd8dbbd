import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarInputError } from './errors.js';
import { vietnamHolidays } from './holidays.js';
import { WorkCalendar } from './work-calendar.js';

/** An instant written in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);
/** Formats an instant in Vietnam time as `YYYY-MM-DDTHH:MM`. */
const show = (d: Date | null) =>
  d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16) : null;

/** The 2025 calendar as announced for public servants: Tết 25 Jan – 2 Feb, 27 Jan swapped with Sat 8 Feb. */
const announced2025 = new WorkCalendar({
  holidays: [
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  workingSaturdays: ['2025-02-08', '2025-04-26'],
});
const byRule2025 = new WorkCalendar({ holidays: vietnamHolidays(2025).map((h) => h.date) });

describe('WorkCalendar', () => {
  it('knows working days, holidays and swapped Saturdays', () => {
    expect(announced2025.hoursPerDay).toBe(8);
    expect(announced2025.isWorkingDay('2025-01-24')).toBe(true);
    expect(announced2025.isWorkingDay('2025-01-27')).toBe(false);
    expect(announced2025.isWorkingDay('2025-02-08')).toBe(true);
    expect(announced2025.isWorkingDay('2025-02-09')).toBe(false);
    // 2025-01-26T18:00Z is Monday 27 Jan 01:00 in Vietnam: a holiday.
    expect(announced2025.isWorkingDay(new Date('2025-01-26T18:00:00Z'))).toBe(false);
    expect(announced2025.isWorkingDay(new Date('2025-01-26T16:00:00Z'))).toBe(false);
    expect(announced2025.nextWorkingDay('2025-01-25')).toBe('2025-02-03');
  });

  it('lands a deadline that crosses Tết after the holidays at the right time', () => {
    const received = vn('2025-01-24T15:00');
    // 2 h on Friday, then 3, 4, 5, 6 Feb (32 h), then 6 h on Friday 7 Feb: 07:00–11:30 and 13:30–15:00.
    expect(show(announced2025.addWorkingDays(received, 5))).toBe('2025-02-07T15:00');
    expect(show(announced2025.dueAt({ receivedAt: received, hours: 40 }))).toBe('2025-02-07T15:00');
    // By rule: Monday 27 Jan is worked but 3 Feb compensates Saturday 1 Feb; same due time.
    expect(show(byRule2025.addWorkingDays(received, 5))).toBe('2025-02-07T15:00');
    expect(show(announced2025.addWorkingDays(received, 3))).toBe('2025-02-05T15:00');
    expect(announced2025.workingHoursBetween(received, vn('2025-02-07T15:00'))).toBe(40);
  });

  it('counts a swapped working Saturday', () => {
    expect(show(announced2025.addWorkingHours(vn('2025-02-07T16:00'), 8))).toBe('2025-02-08T16:00');
  });

  it('starts the clock of an intake after hours at the next opening', () => {
    expect(show(announced2025.addWorkingHours(vn('2025-03-10T18:30'), 8))).toBe('2025-03-11T17:00');
    expect(show(announced2025.addWorkingHours(vn('2025-03-10T12:00'), 1))).toBe('2025-03-10T14:30');
    expect(show(announced2025.addWorkingHours(vn('2025-03-08T09:00'), 4))).toBe('2025-03-10T11:00');
    expect(show(announced2025.nextOpening(vn('2025-03-10T06:15')))).toBe('2025-03-10T07:00');
    expect(show(announced2025.nextOpening(vn('2025-03-10T09:15')))).toBe('2025-03-10T09:15');
    // Time running out at a window's end stays there.
    expect(show(announced2025.addWorkingHours(vn('2025-03-10T07:00'), 8))).toBe('2025-03-10T17:00');
    expect(show(announced2025.addWorkingHours(vn('2025-03-10T07:00'), 4.5))).toBe('2025-03-10T11:30');
  });

  it('measures working hours between instants, excluding lunch, nights and weekends', () => {
    expect(announced2025.workingHoursBetween(vn('2025-03-10T07:00'), vn('2025-03-11T17:00'))).toBe(16);
    expect(announced2025.workingHoursBetween(vn('2025-03-10T11:00'), vn('2025-03-10T14:00'))).toBe(1);
    expect(announced2025.workingHoursBetween(vn('2025-03-07T16:00'), vn('2025-03-10T08:00'))).toBe(2);
    expect(announced2025.workingHoursBetween(vn('2025-03-10T08:00'), vn('2025-03-07T16:00'))).toBe(-2);
  });

  it('inverts addWorkingHours with workingHoursBetween (property)', () => {
    const from = vn('2025-01-01T00:00').getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 * 24 * 60 }),
        fc.integer({ min: 0, max: 4 * 200 }),
        (minutes, quarters) => {
          const start = new Date(from + minutes * 60_000);
          const hours = quarters / 4;
          const due = announced2025.addWorkingHours(start, hours);
          expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(announced2025.workingHoursBetween(start, due)).toBeCloseTo(hours, 9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops the clock during a pause and moves the due time by the paused working time', () => {
    const receivedAt = vn('2025-03-03T08:00');
    expect(show(announced2025.dueAt({ receivedAt, hours: 24 }))).toBe('2025-03-06T08:00');
    const pause = { from: vn('2025-03-04T10:00'), to: vn('2025-03-06T14:00') };
    // 10 h before the pause; 14 h left from Thursday 14:00: 3 h Thu, 8 h Fri, 3 h Mon.
    const due = announced2025.dueAt({ receivedAt, hours: 24, pauses: [pause] });
    expect(show(due)).toBe('2025-03-10T10:00');
    const paused = announced2025.workingHoursBetween(pause.from, pause.to);
    expect(paused).toBe(18);
    expect(due).toEqual(announced2025.addWorkingHours(vn('2025-03-06T08:00'), paused));
    // Overlapping pauses count once.
    const overlapping = [pause, { from: vn('2025-03-05T09:00'), to: vn('2025-03-05T10:00') }];
    expect(announced2025.dueAt({ receivedAt, hours: 24, pauses: overlapping })).toEqual(due);
    // A pause after the due time changes nothing.
    const late = { from: vn('2025-03-07T09:00'), to: vn('2025-03-12T09:00') };
    expect(show(announced2025.dueAt({ receivedAt, hours: 24, pauses: [late] }))).toBe('2025-03-06T08:00');
    // An unfinished pause: unknown, or provisional as of a given instant.
    const open = { from: vn('2025-03-04T10:00') };
    expect(announced2025.dueAt({ receivedAt, hours: 24, pauses: [open] })).toBeNull();
    expect(
      show(announced2025.dueAt({ receivedAt, hours: 24, pauses: [open], asOf: vn('2025-03-06T14:00') })),
    ).toBe('2025-03-10T10:00');
    expect(() =>
      announced2025.dueAt({ receivedAt, hours: 24, pauses: [{ from: pause.to, to: pause.from }] }),
    ).toThrow(/pause ends before it starts/);
  });

  it('never lets a calendar-day procedure fall due on a non-working day', () => {
    // Monday + 5 calendar days = Saturday: rolls to Monday's closing time.
    expect(show(announced2025.addCalendarDays(vn('2025-03-03T09:00'), 5))).toBe('2025-03-10T17:00');
    expect(show(announced2025.addCalendarDays(vn('2025-03-03T09:00'), 3))).toBe('2025-03-06T17:00');
    // After hours on Friday: counting starts at Monday's opening.
    expect(show(announced2025.addCalendarDays(vn('2025-03-07T18:00'), 1))).toBe('2025-03-11T17:00');
    // Falling on Tết: rolls past the holidays.
    expect(show(announced2025.addCalendarDays(vn('2025-01-20T09:00'), 7))).toBe('2025-02-03T17:00');
  });

  it('works in another time zone through Intl offsets, across a DST change', () => {
    const berlin = new WorkCalendar({ holidays: [], timeZone: 'Europe/Berlin', hours: [['08:00', '16:00']] });
    // Friday 28 Mar 2025 15:00 CET + 2 h: 1 h on Friday, 1 h on Monday 31 Mar (CEST, UTC+2).
    expect(berlin.addWorkingHours(new Date('2025-03-28T14:00:00Z'), 2).toISOString()).toBe(
      '2025-03-31T07:00:00.000Z',
    );
    expect(
      berlin.workingHoursBetween(new Date('2025-03-28T14:00:00Z'), new Date('2025-03-31T07:00:00Z')),
    ).toBe(2);
  });

  it('rejects bad configuration with a path', () => {
    const fails = (options: ConstructorParameters<typeof WorkCalendar>[0], path: string) => {
      try {
        new WorkCalendar(options);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarInputError);
        expect((error as CalendarInputError).issues[0]!.path).toBe(path);
      }
    };
    fails({ holidays: ['2025-01-01', '2025-02-30'] }, 'holidays[1]');
    fails(
      {
        holidays: [],
        hours: [
          ['07:00', '12:00'],
          ['11:00', '17:00'],
        ],
      },
      'hours[1]',
    );
    fails({ holidays: [], hours: [['7h', '12:00']] }, 'hours[0][0]');
    fails({ holidays: [], timeZone: 'Mars/Olympus' }, 'timeZone');
    fails({ holidays: ['2025-02-08'], workingSaturdays: ['2025-02-08'] }, 'workingSaturdays[0]');
    expect(() => announced2025.addWorkingHours(vn('2025-03-10T07:00'), -1)).toThrow(CalendarInputError);
    expect(() => announced2025.addWorkingHours(new Date('nope'), 1)).toThrow(/Invalid date-time/);
    const halfDays = new WorkCalendar({ holidays: [], hours: [['08:00', '12:00']] });
    expect(halfDays.hoursPerDay).toBe(4);
    expect(show(halfDays.addWorkingDays(vn('2025-03-10T08:00'), 2))).toBe('2025-03-11T12:00');
  });
});
