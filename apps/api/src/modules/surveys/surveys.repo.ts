import type { CampaignScopeTable, CampaignTable, DB, InstrumentTable, SurveyTokenTable } from '@chiso/db';
import type { Selectable } from 'kysely';
import { BIGINT_ID } from '../../schema/global-id.js';

export type InstrumentRow = Selectable<InstrumentTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type CampaignScopeRow = Selectable<CampaignScopeTable>;
export type SurveyTokenRow = Selectable<SurveyTokenTable>;

export function findInstrumentsByIds(db: DB, ids: readonly string[]): Promise<InstrumentRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db.selectFrom('instrument').selectAll().where('id', 'in', valid).execute();
}

export function findInstrument(db: DB, code: string, version: string): Promise<InstrumentRow | undefined> {
  return db
    .selectFrom('instrument')
    .selectAll()
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findInstrumentVersions(db: DB, code: string): Promise<InstrumentRow[]> {
  return db.selectFrom('instrument').selectAll().where('code', '=', code).orderBy('id').execute();
}

export function listInstrumentRows(
  db: DB,
  filter: { origin?: InstrumentRow['origin'] | null; status?: InstrumentRow['status'] | null },
): Promise<InstrumentRow[]> {
  let query = db.selectFrom('instrument').selectAll();
  if (filter.origin) query = query.where('origin', '=', filter.origin);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('code').orderBy('version').execute();
}

export function findCampaignsByIds(db: DB, ids: readonly string[]): Promise<CampaignRow[]> {
  const valid = ids.filter((id) => BIGINT_ID.test(id));
  if (valid.length === 0) return Promise.resolve([]);
  return db.selectFrom('campaign').selectAll().where('id', 'in', valid).execute();
}

export function findCampaignByCode(db: DB, code: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaign').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findScopesByCampaignIds(db: DB, ids: readonly string[]): Promise<CampaignScopeRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('campaignScope')
    .selectAll()
    .where('campaignId', 'in', [...ids])
    .orderBy('id')
    .execute();
}
