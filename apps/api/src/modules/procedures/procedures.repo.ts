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
 * One page of procedures. Without a search: by code. With one, by relevance tier, then trigram score, then the
 * shorter text (more of it is the query; cheaper than a second trigram score), then code:
 *   0 the code itself (case-insensitive);
 *   1 the whole normalized query as a phrase starting at a word of `search_text`;
 *   2 every word of the query starting a word of `search_text`, in any order;
 *   3 close by trigrams (`word_similarity` above pg_trgm's threshold, 0.6 by default: "khai snh" ≈ "khai sinh"),
 *     only when no procedure matches in tiers 0–2: a typo gets suggestions, a real match is not drowned in
 *     look-alikes (and the costly trigram comparison runs on the rare typo, not on every search).
 * `search_text` is diacritic-free (normalizeSearchText on every write), so "hộ tịch" and "ho tich" are one query.
 * Every word condition is paired with a plain `search_text like '%…%'`, which the trigram index
 * (`procedure_search`) answers, so a national catalog is searched through the index, not scanned.
 * One statement for a match; a search that matches nothing by words costs one or two more.
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
  /** `text` starts a word of search_text: the indexable containment, then the word-start check. */
  const startsWord = (text: string) =>
    sql<boolean>`(procedure.search_text like ${`%${escapeLike(text)}%`} and ${padded} like ${`% ${escapeLike(text)}%`})`;
  const phrase = search !== '' ? startsWord(search) : sql<boolean>`false`;
  const allWords =
    words.length > 0 ? sql<boolean>`(${sql.join(words.map(startsWord), sql` and `)})` : sql<boolean>`false`;
  const exactCode = sql<boolean>`lower(procedure.code) = lower(${raw})`;
  const wordMatch = sql<boolean>`(${exactCode} or ${phrase} or ${allWords})`;
  const tier = sql<number>`case when ${exactCode} then 0 when ${phrase} then 1 when ${allWords} then 2 else 3 end`;
  const page = (match: typeof wordMatch) =>
    query
      .where(match)
      .select(sql<string>`count(*) over ()`.as('totalCount'))
      .orderBy(tier)
      .orderBy(sql`word_similarity(${search}, procedure.search_text)`, 'desc')
      .orderBy(sql`length(procedure.search_text)`)
      .orderBy('procedure.code')
      .orderBy('procedure.id')
      .offset(offset)
      .limit(limit)
      .execute();
  const matched = await page(wordMatch);
  if (matched.length > 0) return strip(matched);
  // Trigrams mean little under 3 characters; short queries rely on the word matches.
  if (search.length < 3) return strip(matched);
  if (offset > 0) {
    // An empty page past the end of real matches stays empty (no switch to suggestions mid-list).
    const any = await query
      .clearSelect()
      .select(sql<number>`1`.as('one'))
      .where(wordMatch)
      .limit(1)
      .execute();
    if (any.length > 0) return strip(matched);
  }
  return strip(await page(sql<boolean>`(${search} <% procedure.search_text)`));
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

/** A procedure with everything its page shows: field, cases, documents, fees and the agencies handling it. */
export interface ProcedurePage {
  procedure: ProcedureRow;
  field: ProcedureFieldRow | null;
  cases: ProcedureCaseRow[];
  documents: ProcedureDocumentRow[];
  fees: ProcedureFeeRow[];
  agencies: ProcedureAgencyRow[];
}

// Related rows travel as JSON with their ids (bigint) and numerics as text, as `pg` returns them; timestamps are
// turned back into Date below (a bigint, numeric or timestamp column added to these tables needs its cast here
// too). Each list has the order of its loader (procedures.loaders.ts).
type AgencyJson = Omit<AgencyRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/**
 * The procedure page in one statement (the procedure, then its related rows aggregated as JSON), the same rows
 * the per-kind loaders read; undefined when no procedure has the code.
 */
export async function findProcedurePageByCode(db: DB, code: string): Promise<ProcedurePage | undefined> {
  const row = await db
    .selectFrom('procedure')
    .selectAll('procedure')
    .select([
      sql<ProcedureFieldRow | null>`(select to_jsonb(f) || jsonb_build_object('id', f.id::text)
        from procedure_field f where f.id = procedure.field_id)`.as('fieldJson'),
      sql<ProcedureCaseRow[]>`(select coalesce(jsonb_agg(to_jsonb(c) || jsonb_build_object('id', c.id::text,
          'procedure_id', c.procedure_id::text, 'processing_hours', c.processing_hours::text,
          'processing_hours_online', c.processing_hours_online::text) order by c.ordinal), '[]')
        from procedure_case c where c.procedure_id = procedure.id)`.as('casesJson'),
      sql<
        ProcedureDocumentRow[]
      >`(select coalesce(jsonb_agg(to_jsonb(d) || jsonb_build_object('id', d.id::text,
          'procedure_id', d.procedure_id::text, 'case_id', d.case_id::text) order by d.ordinal, d.id), '[]')
        from procedure_document d where d.procedure_id = procedure.id)`.as('documentsJson'),
      sql<ProcedureFeeRow[]>`(select coalesce(jsonb_agg(to_jsonb(e) || jsonb_build_object('id', e.id::text,
          'procedure_id', e.procedure_id::text, 'case_id', e.case_id::text, 'amount_vnd', e.amount_vnd::text)
          order by e.id), '[]')
        from procedure_fee e where e.procedure_id = procedure.id)`.as('feesJson'),
      sql<
        { submissionPlace: string | null; agency: AgencyJson }[]
      >`(select coalesce(jsonb_agg(jsonb_build_object(
          'submission_place', ap.submission_place,
          'agency', to_jsonb(a) || jsonb_build_object('id', a.id::text, 'parent_id', a.parent_id::text,
            'unit_id', a.unit_id::text, 'calendar_id', a.calendar_id::text)) order by a.code), '[]')
        from agency_procedure ap join agency a on a.id = ap.agency_id where ap.procedure_id = procedure.id)`.as(
        'agenciesJson',
      ),
    ])
    .where('procedure.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const { fieldJson, casesJson, documentsJson, feesJson, agenciesJson, ...procedure } = row;
  return {
    procedure,
    field: fieldJson,
    cases: casesJson,
    documents: documentsJson,
    fees: feesJson,
    agencies: agenciesJson.map(({ submissionPlace, agency }) => ({
      procedureId: procedure.id,
      submissionPlace,
      agency: { ...agency, createdAt: new Date(agency.createdAt), updatedAt: new Date(agency.updatedAt) },
    })),
  };
}
