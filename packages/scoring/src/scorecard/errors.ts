import { describeIssues, type InputIssue } from '../calendar/text.js';

/** Thrown for an invalid scorecard definition or invalid scores; `issues` lists each problem with its path. */
export class ScorecardError extends Error {
  override readonly name = 'ScorecardError';
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(describeIssues(issues));
    this.issues = issues;
  }
}
