import type { AgencyKind, AgencyServicePointTable, AgencyTable, DB } from '@chiso/db';
import { type Selectable, sql } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';

export type AgencyRow = Selectable<AgencyTable>;
export type ServicePointRow = Selectable<AgencyServicePointTable>;

export interface AgencyFilter {
  unitId?: string | null;
  unitCode?: string | null;
  kind?: AgencyKind | null;
  parentId?: string | null;
  /** Only agencies without a parent. */
  topLevel?: boolean;
  includeRetired: boolean;
  /** Today, 'YYYY-MM-DD' (an agency whose validTo is before it is retired). */
  today: string;
  /** Already normalized (`normalizeSearchText`). */
  search?: string | null;
}

export async function findAgenciesByIds(db: DB, ids: readonly string[]): Promise<AgencyRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db.selectFrom('agency').selectAll().where('id', 'in', valid).execute();
}

export async function findAgenciesByCodes(db: DB, codes: readonly string[]): Promise<AgencyRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('agency')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

/** One page of agencies, by code; `total` counts every match (window function, same statement). */
export async function findAgencyPage(
  db: DB,
  filter: AgencyFilter,
  offset: number,
  limit: number,
): Promise<{ rows: AgencyRow[]; total: number | null }> {
  let query = db.selectFrom('agency').selectAll('agency');
  if (filter.unitId) query = query.where('agency.unitId', '=', filter.unitId);
  if (filter.unitCode) {
    const code = filter.unitCode;
    query = query.where('agency.unitId', 'in', (eb) =>
      eb.selectFrom('administrativeUnit').select('id').where('code', '=', code),
    );
  }
  if (filter.kind) query = query.where('agency.kind', '=', filter.kind);
  if (filter.parentId) query = query.where('agency.parentId', '=', filter.parentId);
  if (filter.topLevel) query = query.where('agency.parentId', 'is', null);
  if (!filter.includeRetired) {
    query = query.where((eb) =>
      eb.or([eb('agency.validTo', 'is', null), eb('agency.validTo', '>=', filter.today)]),
    );
  }
  const folded = sql<string>`lower(immutable_unaccent(agency.code || ' ' || agency.name_vi || ' ' || agency.name_en || ' ' || coalesce(agency.short_name, '')))`;
  if (filter.search) {
    const search = filter.search;
    query = query.where((eb) =>
      eb.or([
        eb(folded, 'like', `%${escapeLike(search)}%`),
        eb(sql<boolean>`${search} <% ${folded}`, '=', true),
      ]),
    );
  }
  const rows = await query
    .select(sql<string>`count(*) over ()`.as('totalCount'))
    .$if(Boolean(filter.search), (q) =>
      q
        .orderBy(sql`(${folded} like ${`%${escapeLike(filter.search ?? '')}%`})`, 'desc')
        .orderBy(sql`word_similarity(${filter.search ?? ''}, ${folded})`, 'desc'),
    )
    .orderBy('agency.code')
    .offset(offset)
    .limit(limit)
    .execute();
  const total = rows[0] ? Number(rows[0].totalCount) : null;
  return { rows: rows.map(({ totalCount: _total, ...row }) => row as AgencyRow), total };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export async function findChildrenByParentIds(db: DB, ids: readonly string[]): Promise<AgencyRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db.selectFrom('agency').selectAll().where('parentId', 'in', valid).orderBy('code').execute();
}

export async function findServicePointsByAgencyIds(
  db: DB,
  ids: readonly string[],
): Promise<ServicePointRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db
    .selectFrom('agencyServicePoint')
    .selectAll()
    .where('agencyId', 'in', valid)
    .orderBy('agencyId')
    .orderBy('ordinal')
    .orderBy('id')
    .execute();
}

export async function findServicePointsByIds(db: DB, ids: readonly string[]): Promise<ServicePointRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return [];
  return db.selectFrom('agencyServicePoint').selectAll().where('id', 'in', valid).execute();
}

/** The agency and every agency below it (ids), following parent links. */
export async function findSubtreeIds(db: DB, agencyId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive down(id, depth) as (
      select id, 0 from agency where id = ${agencyId}
      union all
      select a.id, down.depth + 1 from agency a join down on a.parent_id = down.id where down.depth < 50
    )
    select id::text as id from down
  `.execute(db);
  return rows.map((r) => r.id);
}
