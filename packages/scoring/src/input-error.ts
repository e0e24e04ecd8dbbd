import type { FieldError } from './instruments/types.js';

/** One input problem: a path, a code and a Vietnamese and English message. */
export function fieldError(path: string, code: string, vi: string, en: string): FieldError {
  return { path, code, message: { vi, en } };
}

/** Joins problems into one readable error message: per problem its path, the Vietnamese, then the English text. */
export function describeIssues(issues: readonly FieldError[]): string {
  return issues.map((i) => `${i.path}: ${i.message.vi} / ${i.message.en}`).join('; ');
}

/**
 * Base of every error this package throws for invalid input (`CalendarInputError`, `ScorecardError`,
 * `ServiceIndexError`, `InstrumentValidationError`). `issues` lists every problem found, each with a field path
 * (such as `hours[0][1]` or `dimensions[1].items[0].code`), a code and a Vietnamese and English message a person
 * can act on; the message joins them. The API maps any `ScoringInputError` to a ValidationError carrying those
 * field paths, so callers need not know the subclasses.
 */
export class ScoringInputError extends Error {
  override readonly name: string = 'ScoringInputError';
  readonly issues: readonly FieldError[];

  constructor(issues: readonly FieldError[]) {
    super(describeIssues(issues));
    this.issues = issues;
  }
}
