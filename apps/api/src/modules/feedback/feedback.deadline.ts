import type { Database, FeedbackDeadlineCategory } from '@chiso/db';
import { WorkCalendar } from '@chiso/scoring';
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../civil-date.js';
import { findCalendar, findDeadlines } from './feedback.repo.js';

/** Days of calendar loaded after the receipt date: more than any handling deadline can span. */
const CALENDAR_SPAN_DAYS = 400;

/**
 * The work calendar that counts an agency's deadlines: the agency's own when it has one, else the national 'VN'
 * calendar (public holidays, swapped working days, opening hours), loaded for the span a deadline can reach.
 */
export async function loadWorkCalendar(
  db: Kysely<Database>,
  calendarId: string | null,
  from: Date,
): Promise<WorkCalendar> {
  const calendar = await findCalendar(db, calendarId, todayInVietnam(from), CALENDAR_SPAN_DAYS);
  if (!calendar) throw new Error(`Work calendar ${calendarId ?? 'VN'} is missing`);
  return new WorkCalendar({
    holidays: calendar.days.filter((day) => day.kind === 'holiday').map((day) => day.day),
    workingSaturdays: calendar.days.filter((day) => day.kind === 'working_day').map((day) => day.day),
    hours: calendar.hours,
    timeZone: calendar.timeZone,
  });
}

/**
 * When feedback received at `receivedAt` is due: the category's working days (data: `feedback_deadline`) counted
 * from receipt on the work calendar, so weekends and holidays do not count and receipt after hours starts at the
 * next opening. The clock runs from receipt whatever the category, so classifying late does not buy time.
 */
export async function feedbackDueAt(
  db: Kysely<Database>,
  input: { category: FeedbackDeadlineCategory; receivedAt: Date; calendarId: string | null },
): Promise<Date> {
  const deadlines = await findDeadlines(db);
  const days = deadlines.get(input.category);
  if (days === undefined) throw new Error(`No feedback deadline for ${input.category}`);
  const calendar = await loadWorkCalendar(db, input.calendarId, input.receivedAt);
  return calendar.addWorkingDays(input.receivedAt, days);
}
