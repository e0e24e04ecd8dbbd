import { describeIssues, type InputIssue } from './text.js';

/**
 * Thrown for an invalid date, calendar configuration or deadline input. `issues` lists every problem with a
 * path and a Vietnamese and English message a person can act on.
 */
export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(describeIssues(issues));
    this.issues = issues;
  }

  /** Shorthand for a single issue. */
  static of(path: string, code: string, vi: string, en: string): CalendarInputError {
    return new CalendarInputError([{ path, code, message: { vi, en } }]);
  }
}
