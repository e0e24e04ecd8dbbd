import type { DB } from '@chiso/db';
import type { WorkCalendar } from '@chiso/scoring';
import DataLoader from 'dataloader';
import { calendarForAgency } from './calendars.service.js';

/** Per-request calendars: an agency's working calendar is built once per request, however many dossiers use it. */
export function createCalendarLoaders(db: DB) {
  return {
    forAgency: new DataLoader<string, WorkCalendar>((agencyIds) =>
      Promise.all(agencyIds.map((id) => calendarForAgency(db, id))),
    ),
  };
}

export type CalendarLoaders = ReturnType<typeof createCalendarLoaders>;
