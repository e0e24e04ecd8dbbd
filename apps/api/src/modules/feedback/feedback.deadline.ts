import type { Database, FeedbackDeadlineCategory } from '@chiso/db';
import type { Kysely } from 'kysely';
import { calendarForAgency, calendarForUnit } from '../calendars/calendars.service.js';
import { findDeadlines } from './feedback.repo.js';

/**
 * When feedback received at `receivedAt` is due: the category's working days (data: `feedback_deadline`) counted
 * from receipt on the owner's work calendar (the agency's, else the province's: national days overlaid by local
 * ones), so weekends and holidays do not count and receipt after hours starts at the next opening. The clock runs from receipt whatever the category, so classifying late does not buy time.
 */
export async function feedbackDueAt(
  db: Kysely<Database>,
  input: {
    category: FeedbackDeadlineCategory;
    receivedAt: Date;
    agencyId: string | null;
    provinceUnitId: string;
  },
): Promise<Date> {
  const deadlines = await findDeadlines(db);
  const days = deadlines.get(input.category);
  if (days === undefined) throw new Error(`No feedback deadline for ${input.category}`);
  const calendar = input.agencyId
    ? await calendarForAgency(db, input.agencyId)
    : await calendarForUnit(db, input.provinceUnitId);
  return calendar.addWorkingDays(input.receivedAt, days);
}
