import type { DB } from '@chiso/db';
import { type RawBuilder, sql } from 'kysely';

/** Counts of the dossiers received by the scope's agencies in a period, one statement. */
export interface DossierCounts {
  received: number;
  synced: number;
  progressPublic: number;
  digitised: number;
  results: number;
  resultsElectronic: number;
  reusing: number;
  online: number;
  payable: number;
  paidOnline: number;
}

/**
 * Flags of the dossiers received in [start, end) by the agencies of `agencies`, counted in SQL. A result counts
 * when it was ready (status 9 or 10) by `asOf`. "Progress public": the dossier has a tracking PIN and a recorded
 * status history (what `dossierStatus` shows its applicant). "Reusing": digitised, and its procedure (or its
 * case) lists a document marked reusable from the national document store. "Payable": its procedure (or case)
 * has a fee above zero.
 */
export async function countDossiers(
  db: DB,
  agencies: RawBuilder<unknown>,
  window: { start: Date; end: Date; asOf: Date },
): Promise<DossierCounts> {
  const { rows } = await sql<Record<keyof DossierCounts, string>>`
    with d as (
      select d.*,
        exists (select 1 from procedure_fee f
                where f.procedure_id = d.procedure_id and (f.case_id is null or f.case_id = d.case_id)
                  and f.amount_vnd > 0) as payable,
        exists (select 1 from procedure_document pd
                where pd.procedure_id = d.procedure_id and (pd.case_id is null or pd.case_id = d.case_id)
                  and pd.reusable) as has_reusable
      from dossier d
      where d.agency_id in (${agencies}) and d.received_at >= ${window.start} and d.received_at < ${window.end}
    )
    select
      count(*) as received,
      count(*) filter (where synced_national) as synced,
      count(*) filter (where pin_hash is not null and exists (
        select 1 from dossier_event e
        where e.province_unit_id = d.province_unit_id and e.dossier_id = d.id and e.at <= ${window.asOf}
      )) as progress_public,
      count(*) filter (where digitised) as digitised,
      count(*) filter (where status in (9, 10) and finished_at <= ${window.asOf}) as results,
      count(*) filter (where status in (9, 10) and finished_at <= ${window.asOf} and electronic_result)
        as results_electronic,
      count(*) filter (where digitised and has_reusable) as reusing,
      count(*) filter (where channel = 'online') as online,
      count(*) filter (where payable) as payable,
      count(*) filter (where payable and paid_online) as paid_online
    from d
  `.execute(db);
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as DossierCounts;
}

/**
 * Procedures carried out by the scope's agencies and in effect at some time in [from, to] (dates), and those of
 * them offered online fully or partly.
 */
export async function countProcedures(
  db: DB,
  agencies: RawBuilder<unknown>,
  period: { from: string; to: string },
): Promise<{ inEffect: number; offeredOnline: number }> {
  const { rows } = await sql<{ inEffect: string; offeredOnline: string }>`
    select count(*) as in_effect,
      count(*) filter (where p.online_level in ('full', 'partial')) as offered_online
    from procedure p
    where p.id in (select ap.procedure_id from agency_procedure ap where ap.agency_id in (${agencies}))
      and p.valid_from <= ${period.to} and (p.valid_to is null or p.valid_to >= ${period.from})
  `.execute(db);
  return { inEffect: Number(rows[0]!.inEffect), offeredOnline: Number(rows[0]!.offeredOnline) };
}

/**
 * The announcing and publication days of the procedures the scope's agencies carry out whose announcing decision
 * was signed in [fromAnnounced, to] (the caller widens the start so every deadline falling in the period is seen).
 */
export async function listProcedureAnnouncements(
  db: DB,
  agencies: RawBuilder<unknown>,
  window: { fromAnnounced: string; to: string },
): Promise<{ announcedOn: string; publishedOn: string | null }[]> {
  const { rows } = await sql<{ announcedOn: string; publishedOn: string | null }>`
    select p.announced_on, p.published_on
    from procedure p
    where p.id in (select ap.procedure_id from agency_procedure ap where ap.agency_id in (${agencies}))
      and p.announced_on between ${window.fromAnnounced} and ${window.to}
  `.execute(db);
  return rows;
}

export interface FeedbackCounts {
  due: number;
  handledOnTime: number;
  ratings: number;
  satisfied: number;
}

/**
 * Feedback of the scope: of its agencies, or (for a unit scope) addressed to a province of the unit subtree
 * without an agency. Due: its due time falls in [start, end) and it was answered or its due time has passed by
 * `asOf`; handled on time: answered (or refused with a reason) no later than its due time. Ratings: the citizens'
 * ratings of the handling given in [start, asOf]; satisfied: 4 or 5 of 5.
 */
export async function countFeedback(
  db: DB,
  agencies: RawBuilder<unknown>,
  provinceUnits: RawBuilder<unknown> | null,
  window: { start: Date; end: Date; asOf: Date },
): Promise<FeedbackCounts> {
  const { rows } = await sql<Record<keyof FeedbackCounts, string>>`
    with f as (
      select due_at, answered_at, citizen_rating, rated_at from feedback
      where agency_id in (${agencies})
      ${
        provinceUnits
          ? sql`union all
      select due_at, answered_at, citizen_rating, rated_at from feedback
      where agency_id is null and province_unit_id in (${provinceUnits})`
          : sql``
      }
    )
    select
      count(*) filter (where due_at >= ${window.start} and due_at < ${window.end}
                         and (answered_at is not null or due_at <= ${window.asOf})) as due,
      count(*) filter (where due_at >= ${window.start} and due_at < ${window.end}
                         and answered_at is not null and answered_at <= due_at) as handled_on_time,
      count(*) filter (where rated_at >= ${window.start} and rated_at <= ${window.asOf}) as ratings,
      count(*) filter (where rated_at >= ${window.start} and rated_at <= ${window.asOf}
                         and citizen_rating >= 4) as satisfied
    from f
  `.execute(db);
  const row = rows[0]!;
  return {
    due: Number(row.due),
    handledOnTime: Number(row.handledOnTime),
    ratings: Number(row.ratings),
    satisfied: Number(row.satisfied),
  };
}

export interface SurveyAnswerCounts {
  /** Respondents in the cells read. */
  respondents: number;
  /** Answers per instrument and level. */
  levels: { instrumentId: string; level: number; answers: number }[];
}

/**
 * Answers of AFTER_DOSSIER campaigns from their rollups, for the months [fromMonth, toMonth] (first days) and the
 * scope: cells of the unit subtree (`units`) or of the scope's agencies. O(cells × levels), never raw responses.
 */
export async function countDossierSurveyAnswers(
  db: DB,
  scope: { units: RawBuilder<unknown> } | { agencies: RawBuilder<unknown> },
  months: { fromMonth: string; toMonth: string },
): Promise<SurveyAnswerCounts> {
  const where = sql`c.mode = 'after_dossier'
    and cell.period_month between ${months.fromMonth}::date and ${months.toMonth}::date
    and ${'units' in scope ? sql`cell.unit_id in (${scope.units})` : sql`cell.agency_id in (${scope.agencies})`}`;
  const [respondents, levels] = await Promise.all([
    sql<{ n: string | null }>`
      select sum(cell.responded) as n
      from survey_rollup_cell cell join campaign c on c.id = cell.campaign_id
      where ${where}
    `.execute(db),
    sql<{ instrumentId: string; level: number; answers: string }>`
      select c.instrument_id::text as instrument_id, rc.level, sum(rc.count) as answers
      from survey_rollup_count rc
        join survey_rollup_cell cell on cell.province_unit_id = rc.province_unit_id and cell.id = rc.cell_id
        join campaign c on c.id = cell.campaign_id
      where ${where}
      group by 1, 2
    `.execute(db),
  ]);
  return {
    respondents: Number(respondents.rows[0]?.n ?? 0),
    levels: levels.rows.map((r) => ({
      instrumentId: r.instrumentId,
      level: Number(r.level),
      answers: Number(r.answers),
    })),
  };
}

/** The ids of the units of a subtree, as a SQL subquery. */
export function unitsInSubtree(unitId: string) {
  return sql`with recursive units(id, depth) as (
      select id, 0 from administrative_unit where id = ${unitId}
      union all
      select u.id, d.depth + 1 from administrative_unit u join units d on u.parent_id = d.id where d.depth < 10
    ) select id from units`;
}
