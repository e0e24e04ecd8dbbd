import {
  classifyTimeliness,
  computeServiceIndex,
  onTimeRate,
  SERVICE_INDEX_766,
  SERVICE_INDEX_766_INPUTS,
  type ServiceIndexGroupResult,
  type Timeliness,
} from '@chiso/scoring';
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import type { DossierRow } from './dossiers.repo.js';
import { allowedHoursOf, vietnamDate } from './dossiers.service.js';

export type TimelinessGroupBy = 'agency' | 'procedure' | 'month';

export interface TimelinessCountsRow {
  key: string;
  agencyId: string | null;
  procedureId: string | null;
  month: string | null;
  received: number;
  early: number;
  onTime: number;
  late: number;
  open: number;
  openLate: number;
  /** Refused at intake, withdrawn or stopped: no result, so outside the timeliness counts. */
  closedWithoutResult: number;
  onTimeRate: number | null;
  /** Group 2 of the 766 index ("processing progress") from these dossiers. */
  processingProgress: ServiceIndexGroupResult;
}

export interface TimelinessReport {
  from: string;
  to: string;
  asOf: Date;
  groupBy: TimelinessGroupBy;
  groups: TimelinessCountsRow[];
  total: TimelinessCountsRow;
}

type ReportDossier = Pick<
  DossierRow,
  | 'agencyId'
  | 'procedureId'
  | 'receivedAt'
  | 'dueAt'
  | 'finishedAt'
  | 'status'
  | 'pausedHours'
  | 'allowedHours'
>;

const NO_RESULT_STATUSES = new Set([3, 7, 8]);
const RESULT_STATUSES = new Set([9, 10]);

interface Tally {
  counts: Record<Timeliness, number>;
  received: number;
  closedWithoutResult: number;
  hoursActual: number;
  hoursAllowed: number;
}

function emptyTally(): Tally {
  return {
    counts: { early: 0, on_time: 0, late: 0, open: 0, open_late: 0 },
    received: 0,
    closedWithoutResult: 0,
    hoursActual: 0,
    hoursAllowed: 0,
  };
}

function toRow(
  key: string,
  parts: Pick<TimelinessCountsRow, 'agencyId' | 'procedureId' | 'month'>,
  tally: Tally,
): TimelinessCountsRow {
  const { counts } = tally;
  const finished = counts.early + counts.on_time + counts.late;
  const inputs = Object.fromEntries(Object.keys(SERVICE_INDEX_766_INPUTS).map((k) => [k, 0]));
  Object.assign(inputs, {
    dossiersFinished: finished,
    dossiersFinishedEarlyOrOnTime: counts.early + counts.on_time,
    processingHoursActual: tally.hoursActual,
    processingHoursAllowed: tally.hoursAllowed,
  });
  const index = computeServiceIndex(SERVICE_INDEX_766, inputs);
  return {
    key,
    ...parts,
    received: tally.received,
    early: counts.early,
    onTime: counts.on_time,
    late: counts.late,
    open: counts.open,
    openLate: counts.open_late,
    closedWithoutResult: tally.closedWithoutResult,
    onTimeRate: onTimeRate(counts),
    processingProgress: index.groups.find((g) => g.code === '2')!,
  };
}

/** The instant ending a Vietnam date (the next day's 00:00 at UTC+7). */
export function endOfVietnamDay(date: string): Date {
  const next = new Date(`${date}T00:00:00+07:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Where a report looks: an agency and the agencies under it, or every agency of a unit subtree. */
export type ReportScope = { agencyId: string } | { unitId: string };

/** The ids of the agencies a scope covers, as a SQL subquery (`agency_id in (…)`). */
export function agenciesInScope(scope: ReportScope) {
  return 'agencyId' in scope
    ? sql`with recursive scope(id, depth) as (
            select id, 0 from agency where id = ${scope.agencyId}
            union all
            select a.id, s.depth + 1 from agency a join scope s on a.parent_id = s.id where s.depth < 20
          ) select id from scope`
    : sql`with recursive units(id, depth) as (
            select id, 0 from administrative_unit where id = ${scope.unitId}
            union all
            select u.id, d.depth + 1 from administrative_unit u join units d on u.parent_id = d.id
            where d.depth < 10
          ) select a.id from agency a join units on a.unit_id = units.id`;
}

/** The instant starting a Vietnam date. */
export function startOfVietnamDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The instant a report over a period is taken at: the end of the period, or now if earlier. */
export function reportAsOf(now: Date, to: string): Date {
  return new Date(Math.min(now.getTime(), endOfVietnamDay(to).getTime() - 1));
}

/**
 * Timeliness of the dossiers received from `from` to `to` (Vietnam dates, inclusive) at an agency (and the
 * agencies under it) or at every agency of a unit subtree, as of the end of the period (or now, if earlier).
 * Each dossier is classified by `classifyTimeliness` on its real due and finish times; "finished" means a result
 * was ready (status 9 or 10). The 766 "processing progress" group is computed from the same dossiers: the
 * on-time rate, and actual against allowed working hours (paused time excluded) on each agency's calendar.
 * For viewers who read reports at the agency, or analysts, leaders and admins of the unit; for API keys with the
 * `read:dossiers` scope whose owner is one of them.
 */
export async function timelinessReport(
  context: Context,
  scope: ReportScope,
  period: { from: string; to: string },
  groupBy: TimelinessGroupBy,
): Promise<TimelinessReport> {
  if (period.to < period.from) {
    throw new ValidationError([
      {
        path: ['to'],
        message: 'Ngày kết thúc phải sau ngày bắt đầu.',
        messageEn: 'The end date is before the start.',
      },
    ]);
  }
  const allowed =
    context.access.grantsApplyTo('read:dossiers') &&
    ('agencyId' in scope
      ? await context.access.canAtAgency(scope.agencyId, 'read_reports')
      : await context.access.coversUnit(scope.unitId, ['unit_admin', 'analyst', 'leader']));
  if (!allowed) throw new ForbiddenError();
  return timelinessCounts(context, scope, period, groupBy);
}

/**
 * The counts of `timelinessReport` without its access check, for computations that publish only aggregates
 * (the 766 service index). The caller checks access.
 */
export async function timelinessCounts(
  context: Context,
  scope: ReportScope,
  period: { from: string; to: string },
  groupBy: TimelinessGroupBy,
): Promise<TimelinessReport> {
  const start = startOfVietnamDay(period.from);
  const end = endOfVietnamDay(period.to);
  const asOf = reportAsOf(context.now(), period.to);
  const agencies = agenciesInScope(scope);
  const { rows } = await sql<ReportDossier>`
    select agency_id::text as agency_id, procedure_id::text as procedure_id, received_at, due_at, finished_at,
           status, paused_hours, allowed_hours
    from dossier
    where agency_id in (${agencies}) and received_at >= ${start} and received_at < ${end}
  `.execute(context.db);

  const groups = new Map<
    string,
    { parts: Pick<TimelinessCountsRow, 'agencyId' | 'procedureId' | 'month'>; tally: Tally }
  >();
  const total = emptyTally();
  // Every agency's calendar at once (built in parallel, cached for the loop), not one agency after another.
  await context.loaders.calendars.forAgency.loadMany([...new Set(rows.map((row) => row.agencyId))]);
  for (const row of rows) {
    const month = vietnamDate(row.receivedAt).slice(0, 7);
    const key = groupBy === 'agency' ? row.agencyId : groupBy === 'procedure' ? row.procedureId : month;
    let group = groups.get(key);
    if (!group) {
      group = {
        parts: {
          agencyId: groupBy === 'agency' ? row.agencyId : null,
          procedureId: groupBy === 'procedure' ? row.procedureId : null,
          month: groupBy === 'month' ? month : null,
        },
        tally: emptyTally(),
      };
      groups.set(key, group);
    }
    for (const tally of [group.tally, total]) tally.received++;
    if (NO_RESULT_STATUSES.has(row.status)) {
      for (const tally of [group.tally, total]) tally.closedWithoutResult++;
      continue;
    }
    const finishedAt = RESULT_STATUSES.has(row.status) ? row.finishedAt : null;
    const timeliness: Timeliness = row.dueAt
      ? classifyTimeliness({ dueAt: row.dueAt, finishedAt, asOf })
      : 'open';
    for (const tally of [group.tally, total]) tally.counts[timeliness]++;
    if (finishedAt && finishedAt.getTime() <= asOf.getTime() && row.dueAt) {
      const calendar = await context.loaders.calendars.forAgency.load(row.agencyId);
      const actual = Math.max(
        0,
        calendar.workingHoursBetween(row.receivedAt, finishedAt) - Number(row.pausedHours),
      );
      const granted = allowedHoursOf(row as DossierRow, calendar) ?? 0;
      for (const tally of [group.tally, total]) {
        tally.hoursActual += actual;
        tally.hoursAllowed += granted;
      }
    }
  }
  return {
    from: period.from,
    to: period.to,
    asOf,
    groupBy,
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, { parts, tally }]) => toRow(key, parts, tally)),
    total: toRow('total', { agencyId: null, procedureId: null, month: null }, total),
  };
}
