import type { DB } from '@chiso/db';
import { todayInVietnam } from '../../civil-date.js';
import { NotFoundError } from '../../errors.js';
import type { UnitLoaders } from './units.loaders.js';
import {
  findUnitsByCodeValidOn,
  findUnitsValidOn,
  findUnitVersionsByCode,
  type UnitRow,
} from './units.repo.js';

export interface UnitsDeps {
  db: DB;
  loaders: { units: UnitLoaders };
}

/** The date a query is about: the one given, else today in Vietnam. */
export function resolveAsOf(asOf: string | null | undefined, now?: Date): string {
  return asOf ?? todayInVietnam(now);
}

/** A unit version is valid from `validFrom` to `validTo`, both days included; no `validTo` means still valid. */
export function isValidOn(unit: Pick<UnitRow, 'validFrom' | 'validTo'>, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

function primeUnits(deps: UnitsDeps, units: UnitRow[]): UnitRow[] {
  for (const unit of units) deps.loaders.units.unitById.prime(unit.id, unit);
  return units;
}

/** The units of one level as they stood on `asOf` (default today): 63 provinces in 2019, 34 since 2025-07-01. */
export async function listUnitsValidOn(deps: UnitsDeps, levelCode: string, asOf?: string | null) {
  return primeUnits(deps, await findUnitsValidOn(deps.db, levelCode, resolveAsOf(asOf)));
}

export async function getUnitByCode(deps: UnitsDeps, code: string, asOf?: string | null): Promise<UnitRow> {
  const date = resolveAsOf(asOf);
  const [unit] = primeUnits(deps, await findUnitsByCodeValidOn(deps.db, code, date));
  if (!unit) {
    throw new NotFoundError(
      `Không có đơn vị hành chính mã ${code} vào ngày ${date}.`,
      `No administrative unit has code ${code} on ${date}.`,
    );
  }
  return unit;
}

/** Every version of the unit(s) that used `code`, oldest first. */
export async function getUnitHistory(deps: UnitsDeps, code: string): Promise<UnitRow[]> {
  const versions = primeUnits(deps, await findUnitVersionsByCode(deps.db, code));
  if (versions.length === 0) {
    throw new NotFoundError(
      `Không có đơn vị hành chính nào từng mang mã ${code}.`,
      `No administrative unit has ever had code ${code}.`,
    );
  }
  return versions;
}
