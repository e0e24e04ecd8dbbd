import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { groupBy } from '../../rows.js';
import type { AgencyLoaders } from '../agencies/agencies.loaders.js';
import {
  findAgencyLinksByProcedureIds,
  findCasesByIds,
  findCasesByProcedureIds,
  findDocumentsByProcedureIds,
  findFeesByProcedureIds,
  findFieldsByIds,
  findProceduresByCodes,
  findProceduresByIds,
  type ProcedureAgencyRow,
  type ProcedureCaseRow,
  type ProcedureDocumentRow,
  type ProcedureFeeRow,
  type ProcedureFieldRow,
  type ProcedureRow,
} from './procedures.repo.js';

/**
 * Per-request loaders of the procedure catalog. A page of procedures with field, cases, documents, fees and
 * agencies costs one query per kind, whatever the page size; agencies loaded here prime the agency loaders.
 */
export function createProcedureLoaders(db: DB, agencies: AgencyLoaders) {
  const procedureById: DataLoader<string, ProcedureRow | null> = new DataLoader(async (ids) => {
    const rows = await findProceduresByIds(db, ids);
    for (const row of rows) procedureByCode.prime(row.code, row);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const procedureByCode: DataLoader<string, ProcedureRow | null> = new DataLoader(async (codes) => {
    const rows = await findProceduresByCodes(db, codes);
    for (const row of rows) procedureById.prime(row.id, row);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
  return {
    procedureById,
    procedureByCode,
    fieldById: new DataLoader<string, ProcedureFieldRow | null>(async (ids) => {
      const byId = new Map((await findFieldsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    caseById: new DataLoader<string, ProcedureCaseRow | null>(async (ids) => {
      const byId = new Map((await findCasesByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    casesOf: new DataLoader<string, ProcedureCaseRow[]>(async (ids) => {
      const groups = groupBy(await findCasesByProcedureIds(db, ids), (row) => row.procedureId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    documentsOf: new DataLoader<string, ProcedureDocumentRow[]>(async (ids) => {
      const groups = groupBy(await findDocumentsByProcedureIds(db, ids), (row) => row.procedureId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    feesOf: new DataLoader<string, ProcedureFeeRow[]>(async (ids) => {
      const groups = groupBy(await findFeesByProcedureIds(db, ids), (row) => row.procedureId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    agenciesOf: new DataLoader<string, ProcedureAgencyRow[]>(async (ids) => {
      const rows = await findAgencyLinksByProcedureIds(db, ids);
      for (const link of rows) {
        agencies.agencyById.prime(link.agency.id, link.agency);
        agencies.agencyByCode.prime(link.agency.code, link.agency);
      }
      const groups = groupBy(rows, (row) => row.procedureId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type ProcedureLoaders = ReturnType<typeof createProcedureLoaders>;
