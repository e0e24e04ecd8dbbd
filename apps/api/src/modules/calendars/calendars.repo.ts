import type { CalendarDayTable, DB, WorkCalendarTable } from '@chiso/db';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';

export type CalendarRow = Selectable<WorkCalendarTable>;
export type CalendarDayRow = Selectable<CalendarDayTable>;

/** The national calendar's code (pre-filled by rule by the reference loader). */
export const NATIONAL_CALENDAR_CODE = 'VN';

export interface ChainLink {
  id: string;
  code: string;
  unitId: string | null;
  hours: [string, string][];
  origin: 'national' | 'unit' | 'agency';
}

/**
 * The calendars that apply to a unit, weakest first: the national calendar, then the calendars of the unit's
 * ancestors from the top down, then the unit's own. One query.
 */
export async function findCalendarChainOfUnit(db: DB, unitId: string): Promise<ChainLink[]> {
  if (!BIGINT_ID.test(unitId)) return [];
  const { rows } = await sql<ChainLink & { rank: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from administrative_unit where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from administrative_unit u join up on u.id = up.parent_id
      where up.depth < 10
    )
    select wc.id::text as id, wc.code, wc.unit_id::text as unit_id, wc.hours, 'unit' as origin, -up.depth as rank
      from up join work_calendar wc on wc.unit_id = up.id
    union all
    select id::text, code, null, hours, 'national', -1000 from work_calendar where code = ${NATIONAL_CALENDAR_CODE}
    order by rank
  `.execute(db);
  return rows.map(({ rank: _rank, ...link }) => link);
}

/**
 * The calendars that apply to an agency, weakest first: national, its unit's chain, then a calendar assigned to
 * the agency itself (`agency.calendar_id`), if any. One query.
 */
export async function findCalendarChainOfAgency(db: DB, agencyId: string): Promise<ChainLink[]> {
  if (!BIGINT_ID.test(agencyId)) return [];
  const { rows } = await sql<ChainLink & { rank: number }>`
    with recursive up(id, parent_id, depth) as (
      select u.id, u.parent_id, 0 from agency a join administrative_unit u on u.id = a.unit_id
      where a.id = ${agencyId}
      union all
      select u.id, u.parent_id, up.depth + 1 from administrative_unit u join up on u.id = up.parent_id
      where up.depth < 10
    )
    select wc.id::text as id, wc.code, wc.unit_id::text as unit_id, wc.hours, 'unit' as origin, -up.depth as rank
      from up join work_calendar wc on wc.unit_id = up.id
    union all
    select wc.id::text, wc.code, wc.unit_id::text, wc.hours, 'agency', 1
      from agency a join work_calendar wc on wc.id = a.calendar_id
      where a.id = ${agencyId} and wc.code <> ${NATIONAL_CALENDAR_CODE}
    union all
    select id::text, code, null, hours, 'national', -1000 from work_calendar where code = ${NATIONAL_CALENDAR_CODE}
    order by rank
  `.execute(db);
  return rows.map(({ rank: _rank, ...link }) => link);
}

/** Days of the given calendars, optionally within one year. */
export function findCalendarDays(
  db: DB,
  calendarIds: readonly string[],
  year?: number,
): Promise<CalendarDayRow[]> {
  if (calendarIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('calendarDay')
    .selectAll()
    .where('calendarId', 'in', [...calendarIds]);
  if (year !== undefined) {
    query = query.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  }
  return query.orderBy('day').execute();
}

export function findCalendarOfUnit(db: DB, unitId: string): Promise<CalendarRow | undefined> {
  return db.selectFrom('workCalendar').selectAll().where('unitId', '=', unitId).executeTakeFirst();
}
