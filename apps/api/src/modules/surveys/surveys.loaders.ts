import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { type InstrumentRecord, toInstrumentRecord } from './instruments.service.js';
import {
  type CampaignRow,
  type CampaignScopeRow,
  findCampaignsByIds,
  findInstrumentsByIds,
  findScopesByCampaignIds,
} from './surveys.repo.js';

function byKey<T>(rows: T[], key: (row: T) => string): Map<string, T> {
  return new Map(rows.map((row) => [key(row), row]));
}

/**
 * Per-request loaders of the surveys domain: instruments, campaigns and their scopes (the agencies, procedures and
 * units scopes name come from the catalog loaders).
 */
export function createSurveyLoaders(db: DB) {
  return {
    instrumentById: new DataLoader<string, InstrumentRecord | null>(async (ids) => {
      const rows = byKey(await findInstrumentsByIds(db, ids), (row) => row.id);
      return ids.map((id) => {
        const row = rows.get(id);
        return row ? toInstrumentRecord(row) : null;
      });
    }),
    campaignById: new DataLoader<string, CampaignRow | null>(async (ids) => {
      const rows = byKey(await findCampaignsByIds(db, ids), (row) => row.id);
      return ids.map((id) => rows.get(id) ?? null);
    }),
    scopesOf: new DataLoader<string, CampaignScopeRow[]>(async (ids) => {
      const groups = new Map<string, CampaignScopeRow[]>();
      for (const row of await findScopesByCampaignIds(db, ids)) {
        const group = groups.get(row.campaignId) ?? [];
        group.push(row);
        groups.set(row.campaignId, group);
      }
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type SurveyLoaders = ReturnType<typeof createSurveyLoaders>;
