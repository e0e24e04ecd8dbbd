import { describe, expect, it } from 'vitest';
import { CalendarInputError } from './errors.js';
import { CALENDAR_METRIC_DEFINITIONS, classifyTimeliness, onTimeRate } from './timeliness.js';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('classifyTimeliness', () => {
  const dueAt = vn('2025-03-10T10:00');
  const asOf = vn('2025-03-31T17:00');

  it('compares date parts in Vietnam time, not UTC', () => {
    expect(classifyTimeliness({ dueAt, finishedAt: vn('2025-03-10T16:59'), asOf })).toBe('on_time');
    // 2025-03-10T17:30Z: same UTC date as the due time, but 11 Mar in Vietnam.
    expect(classifyTimeliness({ dueAt, finishedAt: vn('2025-03-11T00:30'), asOf })).toBe('late');
    // 2025-03-09T23:30Z: the UTC date is earlier, but it is 10 Mar in Vietnam.
    expect(classifyTimeliness({ dueAt, finishedAt: vn('2025-03-10T06:30'), asOf })).toBe('on_time');
    expect(classifyTimeliness({ dueAt, finishedAt: vn('2025-03-09T23:59'), asOf })).toBe('early');
    // A due time just after Vietnam midnight (UTC date the day before).
    const dueEarly = vn('2025-03-10T00:30');
    expect(classifyTimeliness({ dueAt: dueEarly, finishedAt: vn('2025-03-10T16:00'), asOf })).toBe('on_time');
  });

  it('classifies open dossiers by the date of asOf', () => {
    expect(classifyTimeliness({ dueAt, asOf: vn('2025-03-10T23:59') })).toBe('open');
    expect(classifyTimeliness({ dueAt, asOf: vn('2025-03-11T00:00') })).toBe('open_late');
    expect(classifyTimeliness({ dueAt, finishedAt: null, asOf: vn('2025-03-01T08:00') })).toBe('open');
    // Finished after the reporting instant: still open at that instant.
    expect(
      classifyTimeliness({ dueAt, finishedAt: vn('2025-03-12T08:00'), asOf: vn('2025-03-11T08:00') }),
    ).toBe('open_late');
  });

  it('honours another time zone', () => {
    const input = { dueAt, finishedAt: vn('2025-03-11T00:30'), asOf };
    expect(classifyTimeliness({ ...input, timeZone: 'UTC' })).toBe('on_time');
  });

  it('rejects invalid instants', () => {
    expect(() => classifyTimeliness({ dueAt: new Date(Number.NaN), asOf })).toThrow(CalendarInputError);
  });
});

describe('onTimeRate', () => {
  it('is (early + on_time) / finished', () => {
    expect(onTimeRate({ early: 30, on_time: 60, late: 10, open: 5, open_late: 7 })).toBe(0.9);
    expect(onTimeRate({ on_time: 1 })).toBe(1);
    expect(onTimeRate({ open: 3 })).toBeNull();
    expect(() => onTimeRate({ early: -1 })).toThrow(/non-negative/);
  });

  it('ships its definitions in Vietnamese and English', () => {
    expect(Object.keys(CALENDAR_METRIC_DEFINITIONS)).toContain('on-time-rate');
    for (const d of Object.values(CALENDAR_METRIC_DEFINITIONS)) {
      expect(d.name.vi && d.name.en && d.definition.vi && d.definition.en).toBeTruthy();
    }
  });
});
