import { describe, expect, test } from 'vitest';
import { CalendarInputError } from './calendar/errors.js';
import { ScoringInputError } from './input-error.js';
import { InstrumentValidationError } from './instruments/validation.js';
import { ScorecardError } from './scorecard/errors.js';
import { ServiceIndexError } from './service-index/errors.js';

describe('ScoringInputError', () => {
  const issues = [
    { path: 'a[0]', code: 'required', message: { vi: 'Bắt buộc nhập.', en: 'Required.' } },
    { path: 'b', code: 'invalid', message: { vi: 'Không hợp lệ.', en: 'Invalid.' } },
  ];

  test.each([
    ['CalendarInputError', CalendarInputError],
    ['ScorecardError', ScorecardError],
    ['ServiceIndexError', ServiceIndexError],
    ['InstrumentValidationError', InstrumentValidationError],
  ] as const)('%s carries the issues and a Vietnamese-then-English message', (name, ErrorClass) => {
    const error = new ErrorClass(issues);
    expect(error).toBeInstanceOf(ScoringInputError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe('a[0]: Bắt buộc nhập. / Required.; b: Không hợp lệ. / Invalid.');
  });

  test('CalendarInputError.of builds one issue; InstrumentValidationError.errors is the issue list', () => {
    expect(CalendarInputError.of('days', 'invalid_duration', 'Sai', 'Wrong').issues).toEqual([
      { path: 'days', code: 'invalid_duration', message: { vi: 'Sai', en: 'Wrong' } },
    ]);
    const error = new InstrumentValidationError(issues);
    expect(error.errors).toBe(error.issues);
  });
});
