import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import {
  type DossierEventRow,
  type DossierRow,
  dossierKeyString,
  findDossiersByKeys,
  findEventsOfDossiers,
  findLastEventsOfDossiers,
  parseDossierKey,
} from './dossiers.repo.js';

function keysOf(texts: readonly string[]) {
  return texts.map(parseDossierKey).filter((k) => k !== null);
}

/**
 * Per-request loaders of the dossiers domain: a page of dossiers costs one query per related table. Agencies,
 * procedures and cases come from the catalog's loaders (`loaders.agencies`, `loaders.procedures`).
 */
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
  };
}

export type DossierLoaders = ReturnType<typeof createDossierLoaders>;
