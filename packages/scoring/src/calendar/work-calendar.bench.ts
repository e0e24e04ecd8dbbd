import { bench } from 'vitest';
import { vietnamHolidays } from './holidays.js';
import { WorkCalendar } from './work-calendar.js';

const calendar = new WorkCalendar({ holidays: vietnamHolidays(2025).map((h) => h.date) });
const start = new Date('2025-01-02T08:00:00+07:00').getTime();

bench('dueAt + workingHoursBetween for 1 000 dossiers of 10 working days', () => {
  for (let i = 0; i < 1000; i++) {
    const receivedAt = new Date(start + i * 7_919_000);
    const due = calendar.dueAt({ receivedAt, hours: 80 })!;
    calendar.workingHoursBetween(receivedAt, due);
  }
});
