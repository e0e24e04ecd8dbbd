import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import {
  type DossierEventRow,
  type DossierRow,
  dossierKeyString,
  findAgenciesByIds,
  findCasesByIds,
  findDossiersByKeys,
  findEventsOfDossiers,
  findLastEventsOfDossiers,
  findProceduresByIds,
  parseDossierKey,
} from './dossiers.repo.js';

function keysOf(texts: readonly string[]) {
  return texts.map(parseDossierKey).filter((k) => k !== null);
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** Per-request loaders of the dossiers domain: a page of dossiers costs one query per related table. */
export function createDossierLoaders(db: DB) {
  return {
    /** By `province-id` key. */
    dossierByKey: new DataLoader<string, DossierRow | null>(async (texts) => {
      const rows = await findDossiersByKeys(db, keysOf(texts));
      const found = new Map(rows.map((row) => [dossierKeyString(row), row]));
      return texts.map((text) => found.get(text) ?? null);
    }),
    eventsOf: new DataLoader<string, DossierEventRow[]>(async (texts) => {
      const groups = new Map<string, DossierEventRow[]>();
      for (const event of await findEventsOfDossiers(db, keysOf(texts))) {
        const key = dossierKeyString({ provinceUnitId: event.provinceUnitId, id: event.dossierId });
        const group = groups.get(key);
        if (group) group.push(event);
        else groups.set(key, [event]);
      }
      return texts.map((text) => groups.get(text) ?? []);
    }),
    lastEventOf: new DataLoader<string, DossierEventRow | null>(async (texts) => {
      const found = new Map(
        (await findLastEventsOfDossiers(db, keysOf(texts))).map((event) => [
          dossierKeyString({ provinceUnitId: event.provinceUnitId, id: event.dossierId }),
          event,
        ]),
      );
      return texts.map((text) => found.get(text) ?? null);
    }),
    procedureById: new DataLoader(async (ids: readonly string[]) => {
      const found = byId(await findProceduresByIds(db, ids));
      return ids.map((id) => found.get(id) ?? null);
    }),
    caseById: new DataLoader(async (ids: readonly string[]) => {
      const found = byId(await findCasesByIds(db, ids));
      return ids.map((id) => found.get(id) ?? null);
    }),
    agencyById: new DataLoader(async (ids: readonly string[]) => {
      const found = byId(await findAgenciesByIds(db, ids));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export type DossierLoaders = ReturnType<typeof createDossierLoaders>;
