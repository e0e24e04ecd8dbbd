import type { DB } from '@chiso/db';
import DataLoader from 'dataloader';
import { groupBy, indexBy } from '../../rows.js';
import { type InstrumentRecord, toInstrumentRecord } from './instruments.service.js';
import {
  type CampaignRow,
  type CampaignScopeRow,
  findCampaignsByIds,
  findInstrumentsByIds,
  findScopesByCampaignIds,
} from './surveys.repo.js';

/**
 * Per-request loaders of the surveys domain: instruments, campaigns and their scopes (the agencies, procedures and
 * units scopes name come from the catalog loaders).
 */
export function createSurveyLoaders(db: DB) {
  return {
    instrumentById: new DataLoader<string, InstrumentRecord | null>(async (ids) => {
      const rows = indexBy(await findInstrumentsByIds(db, ids), (row) => row.id);
      return ids.map((id) => {
        const row = rows.get(id);
        return row ? toInstrumentRecord(row) : null;
      });
    }),
    campaignById: new DataLoader<string, CampaignRow | null>(async (ids) => {
      const rows = indexBy(await findCampaignsByIds(db, ids), (row) => row.id);
      return ids.map((id) => rows.get(id) ?? null);
    }),
    scopesOf: new DataLoader<string, CampaignScopeRow[]>(async (ids) => {
      const groups = groupBy(await findScopesByCampaignIds(db, ids), (row) => row.campaignId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type SurveyLoaders = ReturnType<typeof createSurveyLoaders>;
