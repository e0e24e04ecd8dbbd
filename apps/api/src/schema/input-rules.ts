import { z } from 'zod';
import { isCivilDate } from '../civil-date.js';

/**
 * A string rule with a Vietnamese message and its English translation. The issue it raises is turned into a
 * `FieldError` by `issueToFieldError` (builder.ts), path included.
 */
export function stringRule(test: (value: string) => boolean, message: string, messageEn: string) {
  return z.string().superRefine((value, ctx) => {
    if (!test(value)) ctx.addIssue({ code: 'custom', message, params: { messageEn } });
  });
}

/** Every `Date` argument carries this rule (a schema test checks it): a bad date is a ValidationError (a typed result or a BAD_USER_INPUT error, by field). */
export const civilDateInput = stringRule(
  isCivilDate,
  'Ngày không hợp lệ: cần một ngày có thật theo dạng YYYY-MM-DD, ví dụ 2025-07-01.',
  'Invalid date: expected a real calendar date written YYYY-MM-DD, e.g. 2025-07-01.',
);
