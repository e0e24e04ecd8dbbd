import type { AdministrativeUnit, DB, RegionTable, UnitLevelTable, UnitSuccessionTable } from '@chiso/db';
import type { Selectable } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';

export type UnitRow = AdministrativeUnit;
export type SuccessionRow = Selectable<UnitSuccessionTable>;
export type RegionRow = Selectable<RegionTable>;
export type LevelRow = Selectable<UnitLevelTable>;

const unitColumns = [
  'id',
  'code',
  'levelCode',
  'parentId',
  'regionCode',
  'nameVi',
  'nameAscii',
  'nameEn',
  'fullNameVi',
  'typeVi',
  'isoCode',
  'validFrom',
  'validTo',
  'note',
  'source',
] as const;

/** Units of `levelCode` valid on `date` (validFrom ≤ date ≤ validTo, open-ended when validTo is null), by code. */
export function findUnitsValidOn(db: DB, levelCode: string, date: string): Promise<UnitRow[]> {
  return db
    .selectFrom('administrativeUnit')
    .select(unitColumns)
    .where('levelCode', '=', levelCode)
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .orderBy('code')
    .execute();
}

/** Units with `code` valid on `date`, shallowest level first (codes of different levels have different lengths). */
export function findUnitsByCodeValidOn(db: DB, code: string, date: string): Promise<UnitRow[]> {
  return db
    .selectFrom('administrativeUnit')
    .innerJoin('unitLevel', 'unitLevel.code', 'administrativeUnit.levelCode')
    .select(unitColumns.map((column) => `administrativeUnit.${column}` as const))
    .where('administrativeUnit.code', '=', code)
    .where('administrativeUnit.validFrom', '<=', date)
    .where((eb) =>
      eb.or([eb('administrativeUnit.validTo', 'is', null), eb('administrativeUnit.validTo', '>=', date)]),
    )
    .orderBy('unitLevel.depth')
    .execute();
}

/** Every version of the units that used `code`, oldest first. */
export function findUnitVersionsByCode(db: DB, code: string): Promise<UnitRow[]> {
  return db
    .selectFrom('administrativeUnit')
    .select(unitColumns)
    .where('code', '=', code)
    .orderBy('validFrom')
    .orderBy('levelCode')
    .execute();
}

/** Units by id, in one query; ids that cannot be bigint are skipped. */
export function findUnitsByIds(db: DB, ids: readonly string[]): Promise<UnitRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db.selectFrom('administrativeUnit').select(unitColumns).where('id', 'in', valid).execute();
}

/** Succession links whose predecessor is one of `ids` (what each unit became), in one query. */
export function findSuccessionsByPredecessorIds(db: DB, ids: readonly string[]): Promise<SuccessionRow[]> {
  return db
    .selectFrom('unitSuccession')
    .selectAll()
    .where('predecessorId', 'in', [...ids])
    .orderBy('effectiveOn')
    .orderBy('successorId')
    .execute();
}

/** Succession links whose successor is one of `ids` (what each unit came from), in one query. */
export function findSuccessionsBySuccessorIds(db: DB, ids: readonly string[]): Promise<SuccessionRow[]> {
  return db
    .selectFrom('unitSuccession')
    .selectAll()
    .where('successorId', 'in', [...ids])
    .orderBy('effectiveOn')
    .orderBy('predecessorId')
    .execute();
}

export function findRegionsByCodes(db: DB, codes: readonly string[]): Promise<RegionRow[]> {
  return db
    .selectFrom('region')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export function findLevels(db: DB): Promise<LevelRow[]> {
  return db.selectFrom('unitLevel').selectAll().orderBy('depth').execute();
}
