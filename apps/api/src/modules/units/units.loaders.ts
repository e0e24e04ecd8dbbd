import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { groupBy } from '../../rows.js';
import {
  findRegionsByCodes,
  findSuccessionsByPredecessorIds,
  findSuccessionsBySuccessorIds,
  findUnitsByIds,
  type RegionRow,
  type SuccessionRow,
  type UnitRow,
} from './units.repo.js';

/**
 * Per-request loaders of the units domain: every per-parent field batches its keys into one query
 * (63 provinces with their successors cost one query for the links, one for the successor units).
 */
export function createUnitLoaders(db: DB) {
  return {
    unitById: new DataLoader<string, UnitRow | null>(async (ids) => {
      const byId = new Map((await findUnitsByIds(db, ids)).map((unit) => [unit.id, unit]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Links to what each unit became. */
    successionsOf: new DataLoader<string, SuccessionRow[]>(async (ids) => {
      const groups = groupBy(await findSuccessionsByPredecessorIds(db, ids), (row) => row.predecessorId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    /** Links to what each unit came from. */
    predecessionsOf: new DataLoader<string, SuccessionRow[]>(async (ids) => {
      const groups = groupBy(await findSuccessionsBySuccessorIds(db, ids), (row) => row.successorId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    regionByCode: new DataLoader<string, RegionRow | null>(async (codes) => {
      const byCode = new Map((await findRegionsByCodes(db, codes)).map((region) => [region.code, region]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}

export type UnitLoaders = ReturnType<typeof createUnitLoaders>;
