import type { Database, DB, FeedbackDeadlineCategory, FeedbackStatus, FeedbackTable } from '@chiso/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';

/**
 * A feedback row as officers and services see it: everything but the sealed contact, its blind index and the
 * payload fingerprint.
 */
export type FeedbackRow = Omit<
  Selectable<FeedbackTable>,
  'contactEnc' | 'payloadFingerprint' | 'contactLookup'
>;

export type FeedbackEventRow = {
  provinceUnitId: string;
  feedbackId: string;
  id: string;
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actorName: string | null;
};

export interface AgencyRef {
  id: string;
  code: string;
  unitId: string;
  calendarId: string | null;
  nameVi: string;
  nameEn: string;
}

/** Statuses in which a feedback item still waits for an answer (the ones that can be overdue). */
export const OPEN_STATUSES: readonly FeedbackStatus[] = ['received', 'classified', 'transferred'];

export const feedbackColumns = [
  'provinceUnitId',
  'id',
  'code',
  'subjectKind',
  'procedureId',
  'agencyId',
  'dossierId',
  'category',
  'status',
  'channel',
  'title',
  'body',
  'anonymous',
  'contactKeyId',
  'contactConsentAt',
  'dueAt',
  'answerText',
  'answeredAt',
  'publishAllowed',
  'publishedAt',
  'citizenRating',
  'ratedAt',
  'ratingIdempotencyKey',
  'idempotencyKey',
  'isDemo',
  'createdAt',
  'searchText',
  'contactErasedAt',
] as const;

const agencyColumns = ['id', 'code', 'unitId', 'calendarId', 'nameVi', 'nameEn'] as const;

/** The agencies that carry out a procedure. */
export function findAgenciesOfProcedure(db: DB, procedureId: string): Promise<AgencyRef[]> {
  return db
    .selectFrom('agencyProcedure')
    .innerJoin('agency', 'agency.id', 'agencyProcedure.agencyId')
    .select(agencyColumns.map((column) => `agency.${column}` as const))
    .where('agencyProcedure.procedureId', '=', procedureId)
    .orderBy('agency.id')
    .execute();
}

export function findDossiersByReceiptCode(db: DB, receiptCode: string) {
  return db
    .selectFrom('dossier')
    .select(['provinceUnitId', 'id', 'agencyId', 'procedureId', 'pinHash'])
    .where('receiptCode', '=', receiptCode)
    .execute();
}

/** The province-level ancestor (or self) of each unit, in one query. */
export async function findProvincesOfUnits(db: DB, unitIds: readonly string[]): Promise<Map<string, string>> {
  const valid = [...new Set(unitIds)].filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return new Map();
  const { rows } = await sql<{ unitId: string; provinceId: string }>`
    with recursive up(start_id, id, parent_id, depth) as (
      select u.id, u.id, u.parent_id, 0 from administrative_unit u where u.id = any(${valid}::bigint[])
      union all
      select up.start_id, p.id, p.parent_id, up.depth + 1
      from administrative_unit p join up on p.id = up.parent_id
      where up.depth < 10
    )
    select up.start_id::text as unit_id, up.id::text as province_id
    from up
    join administrative_unit u on u.id = up.id
    join unit_level l on l.code = u.level_code
    where l.depth = 1
  `.execute(db);
  return new Map(rows.map((row) => [row.unitId, row.provinceId]));
}

/** Province units with this code valid on `date`. */
export function findProvinceByCode(db: DB, code: string, date: string) {
  return db
    .selectFrom('administrativeUnit')
    .select(['id'])
    .where('code', '=', code)
    .where('levelCode', '=', 'PROVINCE')
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .executeTakeFirst();
}

export function findFeedbackByIdempotencyKey(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('feedback')
    .select([...feedbackColumns, 'payloadFingerprint'])
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export function findFeedbackByCode(db: Kysely<Database>, code: string): Promise<FeedbackRow | undefined> {
  return db.selectFrom('feedback').select(feedbackColumns).where('code', '=', code).executeTakeFirst();
}

export function findFeedback(db: Kysely<Database>, provinceUnitId: string, id: string) {
  return db
    .selectFrom('feedback')
    .select(feedbackColumns)
    .where('provinceUnitId', '=', provinceUnitId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The row, locked until the transaction ends (one writer per feedback item at a time). */
export function lockFeedback(trx: Kysely<Database>, provinceUnitId: string, id: string) {
  return trx
    .selectFrom('feedback')
    .select(feedbackColumns)
    .where('provinceUnitId', '=', provinceUnitId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findSealedContact(db: Kysely<Database>, provinceUnitId: string, id: string) {
  return db
    .selectFrom('feedback')
    .select(['contactEnc', 'contactKeyId', 'code'])
    .where('provinceUnitId', '=', provinceUnitId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findDeadlines(db: Kysely<Database>): Promise<Map<FeedbackDeadlineCategory, number>> {
  const rows = await db.selectFrom('feedbackDeadline').select(['category', 'workingDays']).execute();
  return new Map(rows.map((row) => [row.category, row.workingDays]));
}

/** Events of many feedback items (keys `province:id`), oldest first, with the acting officer's name. */
export async function findEventsOf(db: DB, keys: readonly { provinceUnitId: string; id: string }[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('feedbackEvent as e')
    .leftJoin('appUser as u', 'u.id', 'e.actorUserId')
    .select([
      'e.provinceUnitId',
      'e.feedbackId',
      'e.id',
      'e.at',
      'e.action',
      'e.fromStatus',
      'e.toStatus',
      'e.note',
      'u.displayName as actorName',
    ])
    .where((eb) =>
      eb(
        eb.refTuple('e.provinceUnitId', 'e.feedbackId'),
        'in',
        keys.map((key) => eb.tuple(key.provinceUnitId, key.id)),
      ),
    )
    .orderBy('e.at')
    .orderBy('e.id')
    .execute() as Promise<FeedbackEventRow[]>;
}

/** A position in a list ordered by (`at`, province, id); `at` is the due time or the publication time. */
export interface KeysetCursor {
  at: Date;
  provinceUnitId: string;
  id: string;
}

export interface InboxFilter {
  agencyId?: string;
  /** Every feedback item of agencies in this unit's subtree, and those without agency in it. */
  unitId?: string;
  statuses?: readonly FeedbackStatus[];
  overdueOnly?: boolean;
  now: Date;
}

/** An officer's inbox, earliest due first, keyset-paginated. */
export function listInbox(
  db: DB,
  filter: InboxFilter,
  page: { after?: KeysetCursor; before?: KeysetCursor; limit: number; inverted: boolean },
): Promise<FeedbackRow[]> {
  let query = db.selectFrom('feedback as f').select(feedbackColumns.map((column) => `f.${column}` as const));
  if (filter.agencyId) query = query.where('f.agencyId', '=', filter.agencyId);
  if (filter.unitId) {
    const subtree = sql<string>`(
      with recursive down(id, depth) as (
        select id, 0 from administrative_unit where id = ${filter.unitId}
        union all
        select c.id, down.depth + 1 from administrative_unit c join down on c.parent_id = down.id
        where down.depth < 10
      ) select id from down)`;
    query = query.where((eb) =>
      eb.or([
        eb(
          'f.agencyId',
          'in',
          eb.selectFrom('agency').select('agency.id').where('agency.unitId', 'in', subtree),
        ),
        eb.and([eb('f.agencyId', 'is', null), eb('f.provinceUnitId', 'in', subtree)]),
      ]),
    );
  }
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where('f.status', 'in', [...filter.statuses]);
  if (filter.overdueOnly) {
    query = query.where('f.dueAt', '<', filter.now).where('f.status', 'in', [...OPEN_STATUSES]);
  }
  const tuple = sql`(f.due_at, f.province_unit_id, f.id)`;
  if (page.after) {
    query = query.where(
      sql<boolean>`${tuple} > (${page.after.at}, ${page.after.provinceUnitId}::bigint, ${page.after.id}::bigint)`,
    );
  }
  if (page.before) {
    query = query.where(
      sql<boolean>`${tuple} < (${page.before.at}, ${page.before.provinceUnitId}::bigint, ${page.before.id}::bigint)`,
    );
  }
  const direction = page.inverted ? 'desc' : 'asc';
  return query
    .orderBy('f.dueAt', direction)
    .orderBy('f.provinceUnitId', direction)
    .orderBy('f.id', direction)
    .limit(page.limit)
    .execute();
}

export interface PublishedFilter {
  /** Normalized words, each of which must occur in the search text. */
  words: readonly string[];
  agencyId?: string;
  procedureId?: string;
}

/** Published answers, newest first, keyset-paginated. */
export function listPublished(
  db: DB,
  filter: PublishedFilter,
  page: { after?: KeysetCursor; before?: KeysetCursor; limit: number; inverted: boolean },
): Promise<FeedbackRow[]> {
  let query = db
    .selectFrom('feedback as f')
    .select(feedbackColumns.map((column) => `f.${column}` as const))
    .where('f.status', '=', 'published');
  for (const word of filter.words) {
    query = query.where('f.searchText', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.agencyId) query = query.where('f.agencyId', '=', filter.agencyId);
  if (filter.procedureId) query = query.where('f.procedureId', '=', filter.procedureId);
  const tuple = sql`(f.published_at, f.province_unit_id, f.id)`;
  if (page.after) {
    query = query.where(
      sql<boolean>`${tuple} < (${page.after.at}, ${page.after.provinceUnitId}::bigint, ${page.after.id}::bigint)`,
    );
  }
  if (page.before) {
    query = query.where(
      sql<boolean>`${tuple} > (${page.before.at}, ${page.before.provinceUnitId}::bigint, ${page.before.id}::bigint)`,
    );
  }
  const direction = page.inverted ? 'asc' : 'desc';
  return query
    .orderBy('f.publishedAt', direction)
    .orderBy('f.provinceUnitId', direction)
    .orderBy('f.id', direction)
    .limit(page.limit)
    .execute();
}
