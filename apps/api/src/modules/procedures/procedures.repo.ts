import type {
  DB,
  OnlineLevel,
  ProcedureCaseTable,
  ProcedureDocumentTable,
  ProcedureFeeTable,
  ProcedureFieldTable,
  ProcedureLevel,
  ProcedureTable,
} from '@chiso/db';
import { type Selectable, sql } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';
import { type AgencyRow, escapeLike } from '../agencies/agencies.repo.js';

export type ProcedureRow = Selectable<ProcedureTable>;
export type ProcedureFieldRow = Selectable<ProcedureFieldTable>;
export type ProcedureCaseRow = Selectable<ProcedureCaseTable>;
export type ProcedureDocumentRow = Selectable<ProcedureDocumentTable>;
export type ProcedureFeeRow = Selectable<ProcedureFeeTable>;
export interface ProcedureAgencyRow {
  procedureId: string;
  submissionPlace: string | null;
  agency: AgencyRow;
}

export interface ProcedureFilter {
  /** The query as typed (for the exact code match). */
  searchRaw?: string | null;
  /** The query through `normalizeSearchText`. */
  search?: string | null;
  fieldCode?: string | null;
  agencyId?: string | null;
  level?: ProcedureLevel | null;
  onlineLevel?: OnlineLevel | null;
  includeRetired: boolean;
  today: string;
}

/**
 * One page of procedures. Without a search: by code. With one, by relevance tier, then trigram score, then code:
 *   0 the code itself (case-insensitive);
 *   1 the whole normalized query as a phrase starting at a word of `search_text`;
 *   2 every word of the query starting a word of `search_text`, in any order;
 *   3 close by trigrams (`word_similarity` above pg_trgm's threshold, 0.6 by default: "khai snh" ≈ "khai sinh").
 * `search_text` is diacritic-free (normalizeSearchText on every write), so "hộ tịch" and "ho tich" are one query.
 */
export async function findProcedurePage(
  db: DB,
  filter: ProcedureFilter,
  offset: number,
  limit: number,
): Promise<{ rows: ProcedureRow[]; total: number | null }> {
  let query = db.selectFrom('procedure').selectAll('procedure');
  if (filter.fieldCode) {
    const code = filter.fieldCode;
    query = query.where('procedure.fieldId', 'in', (eb) =>
      eb.selectFrom('procedureField').select('id').where('code', '=', code),
    );
  }
  if (filter.agencyId) {
    const agencyId = filter.agencyId;
    query = query.where('procedure.id', 'in', (eb) =>
      eb.selectFrom('agencyProcedure').select('procedureId').where('agencyId', '=', agencyId),
    );
  }
  if (filter.level) query = query.where('procedure.level', '=', filter.level);
  if (filter.onlineLevel) query = query.where('procedure.onlineLevel', '=', filter.onlineLevel);
  if (!filter.includeRetired) {
    query = query.where((eb) =>
      eb.or([eb('procedure.validTo', 'is', null), eb('procedure.validTo', '>=', filter.today)]),
    );
  }
  const search = filter.search?.trim() ?? '';
  const raw = filter.searchRaw?.trim() ?? '';
  if (search === '' && raw === '') {
    const rows = await query
      .select(sql<string>`count(*) over ()`.as('totalCount'))
      .orderBy('procedure.code')
      .orderBy('procedure.id')
      .offset(offset)
      .limit(limit)
      .execute();
    return strip(rows);
  }
  const words = search.split(' ').filter(Boolean);
  const padded = sql<string>`(' ' || procedure.search_text || ' ')`;
  const phrase = sql<boolean>`${padded} like ${`% ${escapeLike(search)}%`}`;
  const allWords =
    words.length > 0
      ? sql<boolean>`(${sql.join(
          words.map((w) => sql`${padded} like ${`% ${escapeLike(w)}%`}`),
          sql` and `,
        )})`
      : sql<boolean>`false`;
  // Trigrams mean little under 3 characters; short queries rely on the word matches.
  const fuzzy = search.length >= 3 ? sql<boolean>`(${search} <% procedure.search_text)` : sql<boolean>`false`;
  const exactCode = sql<boolean>`lower(procedure.code) = lower(${raw})`;
  const tier = sql<number>`case when ${exactCode} then 0 when ${phrase} then 1 when ${allWords} then 2 else 3 end`;
  const rows = await query
    .where(sql<boolean>`(${exactCode} or ${phrase} or ${allWords} or ${fuzzy})`)
    .select(sql<string>`count(*) over ()`.as('totalCount'))
    .orderBy(tier)
    .orderBy(sql`word_similarity(${search}, procedure.search_text)`, 'desc')
    .orderBy(sql`similarity(${search}, procedure.search_text)`, 'desc')
    .orderBy('procedure.code')
    .orderBy('procedure.id')
    .offset(offset)
    .limit(limit)
    .execute();
  return strip(rows);
}

function strip(rows: (ProcedureRow & { totalCount: string })[]) {
  const total = rows[0] ? Number(rows[0].totalCount) : null;
  return { rows: rows.map(({ totalCount: _total, ...row }) => row as ProcedureRow), total };
}

export async function findProceduresByIds(db: DB, ids: readonly string[]): Promise<ProcedureRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db.selectFrom('procedure').selectAll().where('id', 'in', valid).execute();
}

export async function findProceduresByCodes(db: DB, codes: readonly string[]): Promise<ProcedureRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('procedure')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export async function findFieldsByIds(db: DB, ids: readonly string[]): Promise<ProcedureFieldRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db.selectFrom('procedureField').selectAll().where('id', 'in', valid).execute();
}

export async function findFieldsByCodes(db: DB, codes: readonly string[]): Promise<ProcedureFieldRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('procedureField')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

/**
 * The fields with at least one procedure in effect on `today` (of one agency when given), by Vietnamese name
 * then code: what a catalog filter offers.
 */
export async function findFieldsInUse(
  db: DB,
  filter: { today: string; agencyId: string | null },
): Promise<ProcedureFieldRow[]> {
  const { today, agencyId } = filter;
  return db
    .selectFrom('procedureField')
    .selectAll('procedureField')
    .where(({ exists, selectFrom }) => {
      let inUse = selectFrom('procedure')
        .select('procedure.id')
        .whereRef('procedure.fieldId', '=', 'procedureField.id')
        .where((eb) => eb.or([eb('procedure.validTo', 'is', null), eb('procedure.validTo', '>=', today)]));
      if (agencyId !== null) {
        inUse = inUse.where('procedure.id', 'in', (eb) =>
          eb.selectFrom('agencyProcedure').select('procedureId').where('agencyId', '=', agencyId),
        );
      }
      return exists(inUse);
    })
    .orderBy('procedureField.nameVi')
    .orderBy('procedureField.code')
    .execute();
}

/** Cases by their own ids (a dossier names its case). */
export async function findCasesByIds(db: DB, ids: readonly string[]): Promise<ProcedureCaseRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db.selectFrom('procedureCase').selectAll().where('id', 'in', valid).execute();
}

export async function findCasesByProcedureIds(db: DB, ids: readonly string[]): Promise<ProcedureCaseRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('procedureCase')
    .selectAll()
    .where('procedureId', 'in', [...ids])
    .orderBy('procedureId')
    .orderBy('ordinal')
    .execute();
}

export async function findDocumentsByProcedureIds(
  db: DB,
  ids: readonly string[],
): Promise<ProcedureDocumentRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('procedureDocument')
    .selectAll()
    .where('procedureId', 'in', [...ids])
    .orderBy('procedureId')
    .orderBy('ordinal')
    .orderBy('id')
    .execute();
}

export async function findFeesByProcedureIds(db: DB, ids: readonly string[]): Promise<ProcedureFeeRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('procedureFee')
    .selectAll()
    .where('procedureId', 'in', [...ids])
    .orderBy('procedureId')
    .orderBy('id')
    .execute();
}

/** The agencies handling each procedure, with the agency rows, in one query. */
export async function findAgencyLinksByProcedureIds(
  db: DB,
  ids: readonly string[],
): Promise<ProcedureAgencyRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('agencyProcedure')
    .innerJoin('agency', 'agency.id', 'agencyProcedure.agencyId')
    .selectAll('agency')
    .select(['agencyProcedure.procedureId', 'agencyProcedure.submissionPlace'])
    .where('agencyProcedure.procedureId', 'in', [...ids])
    .orderBy('agencyProcedure.procedureId')
    .orderBy('agency.code')
    .execute();
  return rows.map(({ procedureId, submissionPlace, ...agency }) => ({
    procedureId,
    submissionPlace,
    agency: agency as AgencyRow,
  }));
}
