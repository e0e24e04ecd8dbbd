import { fieldError, ScoringInputError } from '../input-error.js';

/**
 * Thrown for an invalid date, calendar configuration or deadline input. `issues` lists every problem with a
 * path and a Vietnamese and English message a person can act on.
 */
export class CalendarInputError extends ScoringInputError {
  override readonly name = 'CalendarInputError';

  /** Shorthand for a single issue. */
  static of(path: string, code: string, vi: string, en: string): CalendarInputError {
    return new CalendarInputError([fieldError(path, code, vi, en)]);
  }
}
