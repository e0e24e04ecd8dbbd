import type { Database, DB, IndexSnapshotTable, InstrumentTable, PublishedIndexResultTable } from '@chiso/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';

export type InstrumentRow = Pick<Selectable<InstrumentTable>, 'id' | 'code' | 'version'>;
export type PublishedResultRow = Selectable<PublishedIndexResultTable>;
export type SnapshotRow = Selectable<IndexSnapshotTable>;
export type PublishedIndexCode = PublishedResultRow['indexCode'];

export function findInstrumentRow(db: DB, code: string, version: string): Promise<InstrumentRow | undefined> {
  return db
    .selectFrom('instrument')
    .select(['id', 'code', 'version'])
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findInstrumentRowsByIds(db: DB, ids: readonly string[]): Promise<InstrumentRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db.selectFrom('instrument').select(['id', 'code', 'version']).where('id', 'in', valid).execute();
}

/** Ids of the campaigns that use an instrument (the rollups of one instrument can be summed together). */
export async function findCampaignIdsOfInstrument(db: DB, instrumentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('campaign')
    .select('id')
    .where('instrumentId', '=', instrumentId)
    .execute();
  return rows.map((r) => r.id);
}

export function findProcedureFieldsByIds(db: DB, ids: readonly string[]) {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('procedureField')
    .select(['id', 'nameVi', 'nameEn'])
    .where('id', 'in', valid)
    .execute();
}

export function findCampaignByIdOrCode(db: DB, ref: { id?: string; code?: string }) {
  let query = db.selectFrom('campaign').select(['id', 'code', 'instrumentId', 'ownerUnitId']);
  if (ref.id !== undefined) query = query.where('id', '=', ref.id);
  else query = query.where('code', '=', ref.code!);
  return query.executeTakeFirst();
}

/** The unit and every unit under it (districts, communes), in one recursive query. */
export async function findUnitSubtreeIds(db: DB, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive down(id, depth) as (
      select id, 0 from administrative_unit where id = ${unitId}
      union all
      select u.id, down.depth + 1 from administrative_unit u join down on u.parent_id = down.id
      where down.depth < 5
    )
    select id::text as id from down
  `.execute(db);
  return rows.map((r) => r.id);
}

/** The agency and every agency under it, in one recursive query. */
export async function findAgencySubtreeIds(db: DB, agencyId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive down(id, depth) as (
      select id, 0 from agency where id = ${agencyId}
      union all
      select a.id, down.depth + 1 from agency a join down on a.parent_id = down.id
      where down.depth < 20
    )
    select id::text as id from down
  `.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Predecessor links of `successorIds` whose predecessor was still valid on or after `validOnOrAfter`
 * (so its cells of that period count towards the successor), in one query.
 */
export function findPredecessorLinks(db: DB, successorIds: readonly string[], validOnOrAfter?: string) {
  if (successorIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('unitSuccession as s')
    .innerJoin('administrativeUnit as p', 'p.id', 's.predecessorId')
    .select(['s.successorId', 's.predecessorId', 's.kind', 's.effectiveOn'])
    .where('s.successorId', 'in', [...successorIds])
    .where((eb) => eb('s.predecessorId', '<>', eb.ref('s.successorId')));
  if (validOnOrAfter) {
    query = query.where((eb) => eb.or([eb('p.validTo', 'is', null), eb('p.validTo', '>=', validOnOrAfter)]));
  }
  return query.orderBy('s.successorId').orderBy('p.code').execute();
}

export interface PublishedResultFilter {
  indexCode: PublishedIndexCode;
  year?: number | null;
  unitIds?: string[];
  unitCode?: string;
}

export function findPublishedResults(db: DB, filter: PublishedResultFilter): Promise<PublishedResultRow[]> {
  let query = db.selectFrom('publishedIndexResult').selectAll().where('indexCode', '=', filter.indexCode);
  if (filter.year !== undefined && filter.year !== null) query = query.where('year', '=', filter.year);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return Promise.resolve([]);
    query = query.where('unitId', 'in', filter.unitIds);
  }
  if (filter.unitCode !== undefined) query = query.where('unitCode', '=', filter.unitCode);
  return query
    .orderBy('year', 'desc')
    .orderBy('scope')
    .orderBy(sql`rank nulls last`)
    .orderBy('unitCode')
    .execute();
}

export type NewPublishedResult = Omit<PublishedResultRow, 'id' | 'valuePct'> & { valuePct: string | null };

/**
 * Inserts or updates published results by (index, year, scope, unit code). A row whose values are already
 * stored is left alone, so importing the same file twice changes nothing; returns the ids of rows written and
 * whether each was inserted.
 */
export async function upsertPublishedResults(
  db: Kysely<Database>,
  rows: readonly NewPublishedResult[],
): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insertInto('publishedIndexResult')
    .values(rows.map((row) => ({ ...row })))
    .onConflict((oc) =>
      oc
        .columns(['indexCode', 'year', 'scope', 'unitCode'])
        .doUpdateSet({
          unitId: (eb) => eb.ref('excluded.unitId'),
          unitName: (eb) => eb.ref('excluded.unitName'),
          valuePct: (eb) => eb.ref('excluded.valuePct'),
          rank: (eb) => eb.ref('excluded.rank'),
          ofUnits: (eb) => eb.ref('excluded.ofUnits'),
          source: (eb) => eb.ref('excluded.source'),
          status: (eb) => eb.ref('excluded.status'),
        })
        .where(
          sql<boolean>`(published_index_result.unit_id, published_index_result.unit_name, published_index_result.value_pct,
            published_index_result.rank, published_index_result.of_units, published_index_result.source,
            published_index_result.status)
            is distinct from (excluded.unit_id, excluded.unit_name, excluded.value_pct, excluded.rank,
            excluded.of_units, excluded.source, excluded.status)`,
        ),
    )
    .returning(['id', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  return written;
}

export function findPublishedResultsByKeys(
  db: DB,
  keys: readonly Pick<PublishedResultRow, 'indexCode' | 'year' | 'scope' | 'unitCode'>[],
): Promise<PublishedResultRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publishedIndexResult')
    .selectAll()
    .where((eb) =>
      eb.or(
        keys.map((key) =>
          eb.and([
            eb('indexCode', '=', key.indexCode),
            eb('year', '=', key.year),
            eb('scope', '=', key.scope),
            key.unitCode === null ? eb('unitCode', 'is', null) : eb('unitCode', '=', key.unitCode),
          ]),
        ),
      ),
    )
    .orderBy('year')
    .orderBy('indexCode')
    .orderBy('unitCode')
    .execute();
}

export function findSnapshotsByIds(db: DB, ids: readonly string[]): Promise<SnapshotRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db.selectFrom('indexSnapshot').selectAll().where('id', 'in', valid).execute();
}

export function findSnapshotsOfUnit(db: DB, unitId: string, includeDrafts: boolean): Promise<SnapshotRow[]> {
  let query = db.selectFrom('indexSnapshot').selectAll().where('unitId', '=', unitId);
  if (!includeDrafts) query = query.where('publishedAt', 'is not', null);
  return query.orderBy('periodStart', 'desc').orderBy('id', 'desc').execute();
}
