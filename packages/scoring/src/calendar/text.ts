/** A text in Vietnamese (first) and English; structurally the same as the package's localized text. */
export interface ViEnText {
  vi: string;
  en: string;
}

/** One problem with an input, located by a path (same shape as the package's field errors). */
export interface InputIssue {
  path: string;
  code: string;
  message: ViEnText;
}

/** Joins issues into one readable error message: Vietnamese, then English. */
export function describeIssues(issues: readonly InputIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message.vi} / ${i.message.en}`).join('; ');
}
