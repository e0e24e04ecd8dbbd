/** Calendar dates ('YYYY-MM-DD', no time zone), as the database's `date` columns hold them. */

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (so '2019-02-29' is false, '2020-02-29' true). */
export function isCivilDate(value: string): boolean {
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year); // years below 100 would otherwise be read as 19xx
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vietnamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam (UTC+7), whatever the server's own time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate.format(now);
}
