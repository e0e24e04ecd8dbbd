import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { groupBy } from '../../rows.js';
import {
  type AgencyRow,
  findAgenciesByCodes,
  findAgenciesByIds,
  findChildrenByParentIds,
  findServicePointsByAgencyIds,
  findServicePointsByIds,
  type ServicePointRow,
} from './agencies.repo.js';

/** Per-request loaders of the agencies domain; a loaded agency primes both the by-id and the by-code cache. */
export function createAgencyLoaders(db: DB) {
  const agencyById: DataLoader<string, AgencyRow | null> = new DataLoader(async (ids) => {
    const rows = await findAgenciesByIds(db, ids);
    for (const row of rows) agencyByCode.prime(row.code, row);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const agencyByCode: DataLoader<string, AgencyRow | null> = new DataLoader(async (codes) => {
    const rows = await findAgenciesByCodes(db, codes);
    for (const row of rows) agencyById.prime(row.id, row);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
  return {
    agencyById,
    agencyByCode,
    childrenOf: new DataLoader<string, AgencyRow[]>(async (ids) => {
      const rows = await findChildrenByParentIds(db, ids);
      for (const row of rows) agencyById.prime(row.id, row);
      const groups = groupBy(rows, (row) => row.parentId!);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    servicePointsOf: new DataLoader<string, ServicePointRow[]>(async (ids) => {
      const groups = groupBy(await findServicePointsByAgencyIds(db, ids), (row) => row.agencyId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    servicePointById: new DataLoader<string, ServicePointRow | null>(async (ids) => {
      const byId = new Map((await findServicePointsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type AgencyLoaders = ReturnType<typeof createAgencyLoaders>;
