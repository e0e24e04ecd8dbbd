import { describeIssues, type InputIssue } from '../calendar/text.js';

/** Thrown for an invalid index definition or invalid input counts; `issues` lists each problem with its path. */
export class ServiceIndexError extends Error {
  override readonly name = 'ServiceIndexError';
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(describeIssues(issues));
    this.issues = issues;
  }
}
