import type { DB } from '@chiso/db';
import { DEFAULT_OPENING_HOURS, type OpeningWindow, WorkCalendar } from '@chiso/scoring';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type CalendarDayRow,
  type ChainLink,
  findCalendarChainOfAgency,
  findCalendarChainOfUnit,
  findCalendarDays,
  findCalendarOfUnit,
} from './calendars.repo.js';

export type DayKind = CalendarDayRow['kind'];
export type DaySource = CalendarDayRow['source'];
export type CalendarOrigin = 'national' | 'unit' | 'agency';

/** One day of an effective calendar: the strongest calendar's entry, and what it replaced, if anything. */
export interface EffectiveDay {
  day: string;
  kind: DayKind;
  nameVi: string;
  nameEn: string;
  source: DaySource;
  origin: CalendarOrigin;
  /** The kind of the weaker calendar's entry for the same day that this one replaces. */
  overrides: DayKind | null;
}

export interface EffectiveCalendar {
  hours: readonly OpeningWindow[];
  weeklyRestDays: readonly number[];
  days: EffectiveDay[];
}

/** Weekly rest days of one-stop desks: Saturday and Sunday (the scoring package's default). */
export const WEEKLY_REST_DAYS = Object.freeze([6, 0]);

/**
 * Overlays the days of a chain of calendars, weakest first: a later calendar's entry for a day replaces an
 * earlier one (a unit may declare a national holiday a working day, or add its own holiday). The opening hours
 * are those of the strongest calendar.
 */
export function overlayCalendars(
  chain: readonly ChainLink[],
  days: readonly CalendarDayRow[],
): EffectiveCalendar {
  const rank = new Map(chain.map((link, i) => [link.id, i]));
  const sorted = [...days].sort((a, b) => (rank.get(a.calendarId) ?? 0) - (rank.get(b.calendarId) ?? 0));
  const byDay = new Map<string, EffectiveDay>();
  for (const row of sorted) {
    const index = rank.get(row.calendarId) ?? 0;
    const previous = byDay.get(row.day);
    byDay.set(row.day, {
      day: row.day,
      kind: row.kind,
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      source: row.source,
      origin: chain[index]?.origin ?? 'national',
      overrides: previous ? previous.kind : null,
    });
  }
  const strongest = chain[chain.length - 1];
  const hours = strongest?.hours?.length ? strongest.hours : DEFAULT_OPENING_HOURS;
  return {
    hours: hours.map(([from, to]) => [from, to] as const),
    weeklyRestDays: WEEKLY_REST_DAYS,
    days: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
  };
}

/** The `WorkCalendar` of an effective calendar (scoring package: deadlines, working hours). */
export function toWorkCalendar(effective: EffectiveCalendar): WorkCalendar {
  return new WorkCalendar({
    holidays: effective.days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workingSaturdays: effective.days.filter((d) => d.kind === 'working_day').map((d) => d.day),
    hours: effective.hours,
    weekendDays: effective.weeklyRestDays,
  });
}

/**
 * The working calendar of an agency: the national days, overlaid by the calendars of its unit and that unit's
 * ancestors, and by a calendar assigned to the agency itself. Two queries; per-request callers go through the
 * `calendars.forAgency` loader, which caches it.
 */
export async function calendarForAgency(db: DB, agencyId: string): Promise<WorkCalendar> {
  const chain = await findCalendarChainOfAgency(db, agencyId);
  const days = await findCalendarDays(
    db,
    chain.map((link) => link.id),
  );
  return toWorkCalendar(overlayCalendars(chain, days));
}

/** The working calendar of a unit: the national days overlaid by the calendars of the unit and its ancestors. */
export async function calendarForUnit(db: DB, unitId: string): Promise<WorkCalendar> {
  const chain = await findCalendarChainOfUnit(db, unitId);
  const days = await findCalendarDays(
    db,
    chain.map((link) => link.id),
  );
  return toWorkCalendar(overlayCalendars(chain, days));
}

async function assertUnitExists(db: DB, unitId: string) {
  const unit = /^[1-9]\d{0,18}$/.test(unitId)
    ? await db
        .selectFrom('administrativeUnit')
        .select(['id', 'code', 'nameVi'])
        .where('id', '=', unitId)
        .executeTakeFirst()
    : undefined;
  if (!unit) {
    throw new NotFoundError('Không tìm thấy đơn vị hành chính.', 'No such administrative unit.');
  }
  return unit;
}

export interface WorkCalendarYear extends EffectiveCalendar {
  unitId: string;
  year: number;
}

/** The effective calendar of a unit for one year (national days overlaid by the unit chain's calendars). */
export async function getWorkCalendarYear(
  deps: Pick<Context, 'db'>,
  unitId: string,
  year: number,
): Promise<WorkCalendarYear> {
  await assertUnitExists(deps.db, unitId);
  const chain = await findCalendarChainOfUnit(deps.db, unitId);
  const days = await findCalendarDays(
    deps.db,
    chain.map((link) => link.id),
    year,
  );
  return { unitId, year, ...overlayCalendars(chain, days) };
}

export interface SetCalendarDayInput {
  unitId: string;
  date: string;
  kind: DayKind;
  nameVi: string;
  nameEn: string;
  source: Exclude<DaySource, 'rule'>;
}

/** Unit admins of the unit (or above it) and system admins edit a unit's calendar. */
async function assertMayEditUnitCalendar(context: Context, unitId: string) {
  await assertUnitExists(context.db, unitId);
  await context.access.assertCoversUnit(unitId, ['unit_admin']);
}

/**
 * Adds or replaces a day of the unit's own calendar (created on first use): a holiday, or a working day (a
 * swapped working Saturday, or a national holiday the unit works). One transaction, audited.
 */
export async function setCalendarDay(
  context: Context,
  input: SetCalendarDayInput,
): Promise<WorkCalendarYear> {
  await assertMayEditUnitCalendar(context, input.unitId);
  await context.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('workCalendar')
      .values({
        code: `UNIT-${input.unitId}`,
        nameVi: 'Lịch làm việc của đơn vị',
        nameEn: 'Unit work calendar',
        unitId: input.unitId,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const calendar = await trx
      .selectFrom('workCalendar')
      .select('id')
      .where('code', '=', `UNIT-${input.unitId}`)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('calendarDay')
      .values({
        calendarId: calendar.id,
        day: input.date,
        kind: input.kind,
        nameVi: input.nameVi,
        nameEn: input.nameEn,
        source: input.source,
      })
      .onConflict((oc) =>
        oc.columns(['calendarId', 'day']).doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          nameVi: eb.ref('excluded.nameVi'),
          nameEn: eb.ref('excluded.nameEn'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
    await recordAudit(trx, context, {
      action: 'calendar.set_day',
      entity: 'work_calendar',
      entityId: calendar.id,
      unitId: input.unitId,
      data: { day: input.date, kind: input.kind, source: input.source, name: input.nameVi },
      ip: context.http.ip,
    });
  });
  return getWorkCalendarYear(context, input.unitId, Number(input.date.slice(0, 4)));
}

/** Removes a day from the unit's own calendar (the weaker calendars' entry, if any, applies again). */
export async function removeCalendarDay(
  context: Context,
  unitId: string,
  date: string,
): Promise<WorkCalendarYear> {
  await assertMayEditUnitCalendar(context, unitId);
  const calendar = await findCalendarOfUnit(context.db, unitId);
  const removed = calendar
    ? await context.db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('calendarDay')
          .where('calendarId', '=', calendar.id)
          .where('day', '=', date)
          .executeTakeFirst();
        if (result.numDeletedRows > 0n) {
          await recordAudit(trx, context, {
            action: 'calendar.remove_day',
            entity: 'work_calendar',
            entityId: calendar.id,
            unitId,
            data: { day: date },
            ip: context.http.ip,
          });
        }
        return result.numDeletedRows > 0n;
      })
    : false;
  if (!removed) {
    throw new NotFoundError(
      `Lịch của đơn vị không có ngày ${date}.`,
      `The unit's own calendar has no entry for ${date}.`,
    );
  }
  return getWorkCalendarYear(context, unitId, Number(date.slice(0, 4)));
}
