import type { Database } from '@chiso/db';
import { type CampaignMode, type DB, type ResponseChannel, rollupCellId } from '@chiso/db';
import { type Kysely, sql } from 'kysely';
import { todayInVietnam } from '../../civil-date.js';
import type { Context } from '../../context.js';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../errors.js';
import { BIGINT_ID, globalIdOf } from '../../schema/global-id.js';
import type { AgencyRow } from '../agencies/agencies.repo.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseDossierKey } from '../dossiers/dossiers.repo.js';
import type { InstrumentRecord } from './instruments.service.js';
import { dossierPseudonym, newSurveyToken, sourceHash, surveyPath } from './pseudonyms.js';
import { SurveyClosedError } from './surveys.errors.js';
import {
  type CampaignRow,
  type CampaignScopeRow,
  findCampaignByCode,
  findInstrument,
} from './surveys.repo.js';

type SurveysContext = Pick<Context, 'db' | 'access' | 'viewer' | 'loaders' | 'pseudonymSecret' | 'http'>;

/** Tunable rules of a campaign (kept in `campaign.settings`); the defaults are a starting point, not law. */
export interface CampaignSettings {
  /** Days a token stays valid after issue (never past the campaign's end). */
  tokenValidDays: number;
  /** Below this many seconds per answered item a response is flagged `too_fast`. */
  minSecondsPerItem: number;
  /** At least this many answered items, all equal: flagged `straight_lining`. */
  straightLiningMinItems: number;
  /** Length of the window of the per-source counters. */
  burstWindowMinutes: number;
  /** More submissions than this from one source in a window: flagged `burst`. */
  burstThreshold: number;
  /** More hits than this from one source in a window on the public link: refused. */
  rateLimitPerWindow: number;
}

export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettings = Object.freeze({
  tokenValidDays: 30,
  minSecondsPerItem: 2,
  straightLiningMinItems: 10,
  burstWindowMinutes: 10,
  burstThreshold: 10,
  rateLimitPerWindow: 60,
});

export function campaignSettings(campaign: CampaignRow): CampaignSettings {
  return { ...DEFAULT_CAMPAIGN_SETTINGS, ...(campaign.settings as Partial<CampaignSettings>) };
}

export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Provinces of units already asked, per database (the unit tree is reference data: no unit moves). */
const provinceCache = new WeakMap<Kysely<Database>, Map<string, string>>();

/** The province (root unit) above a unit; remembered per database after the first lookup. */
export async function provinceOfUnit(db: Kysely<Database>, unitId: string): Promise<string> {
  let cache = provinceCache.get(db);
  const known = cache?.get(unitId);
  if (known) return known;
  const province = await lookUpProvince(db, unitId);
  if (!cache) {
    cache = new Map();
    provinceCache.set(db, cache);
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(unitId, province);
  return province;
}

async function lookUpProvince(db: Kysely<Database>, unitId: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from administrative_unit where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from administrative_unit u join up on u.id = up.parent_id
      where up.depth < 10
    )
    select id::text as id from up where parent_id is null
  `.execute(db);
  if (!rows[0]) throw new Error(`Unit ${unitId} has no province`);
  return rows[0].id;
}

export async function getCampaign(context: Pick<Context, 'db'>, code: string): Promise<CampaignRow> {
  const campaign = await findCampaignByCode(context.db, code);
  if (!campaign) {
    throw new NotFoundError(`Không có cuộc khảo sát mã ${code}.`, `There is no survey campaign ${code}.`);
  }
  return campaign;
}

export async function campaignInstrument(
  context: Pick<Context, 'loaders'>,
  campaign: CampaignRow,
): Promise<InstrumentRecord> {
  const record = await context.loaders.surveys.instrumentById.load(campaign.instrumentId);
  if (!record) throw new Error(`Campaign ${campaign.code} has no instrument`);
  return record;
}

/** Throws unless the campaign takes answers today. */
/**
 * The campaigns a viewer follows: those whose owning unit they cover as a unit admin, analyst or leader (every
 * campaign for a system admin), newest first, optionally of some statuses. Campaigns are few (a handful per
 * unit and year), so the scope check runs per owning unit with the request's cached unit paths.
 */
export async function listCampaigns(
  context: Pick<Context, 'db' | 'access'>,
  filter: { statuses?: readonly CampaignRow['status'][] | null },
): Promise<CampaignRow[]> {
  let query = context.db.selectFrom('campaign').selectAll();
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where('status', 'in', [...filter.statuses]);
  const rows = await query.orderBy('startsOn', 'desc').orderBy('id', 'desc').execute();
  const covered = new Map<string, Promise<boolean>>();
  const visible = await Promise.all(
    rows.map((row) => {
      let check = covered.get(row.ownerUnitId);
      if (!check) {
        check = context.access.coversUnit(row.ownerUnitId, ['unit_admin', 'analyst', 'leader']);
        covered.set(row.ownerUnitId, check);
      }
      return check;
    }),
  );
  return rows.filter((_, i) => visible[i]);
}

export function assertCampaignOpen(campaign: CampaignRow, today = todayInVietnam()): void {
  if (campaign.status !== 'active') {
    throw new SurveyClosedError('Cuộc khảo sát đã kết thúc.', 'This survey is closed.');
  }
  if (today < campaign.startsOn || today > campaign.endsOn) {
    throw new SurveyClosedError(
      `Cuộc khảo sát nhận trả lời từ ${campaign.startsOn} đến ${campaign.endsOn}.`,
      `This survey takes answers from ${campaign.startsOn} to ${campaign.endsOn}.`,
    );
  }
}

async function assertOwnerAdmin(context: SurveysContext, campaign: Pick<CampaignRow, 'ownerUnitId'>) {
  if (!(await context.access.coversUnit(campaign.ownerUnitId, ['unit_admin']))) throw new ForbiddenError();
}

export interface CampaignScopeInput {
  unitIds?: readonly string[] | null;
  agencyCodes?: readonly string[] | null;
  procedureCodes?: readonly string[] | null;
}

interface ResolvedScope {
  unitIds: string[];
  agencyIds: string[];
  procedureIds: string[];
}

async function resolveScope(
  context: SurveysContext,
  ownerUnitId: string,
  scope: CampaignScopeInput,
  errors: FieldError[],
): Promise<ResolvedScope> {
  const resolved: ResolvedScope = { unitIds: [], agencyIds: [], procedureIds: [] };
  for (const [i, unitId] of (scope.unitIds ?? []).entries()) {
    const path = await context.access.unitPath(unitId);
    if (!path.includes(ownerUnitId)) {
      errors.push({
        path: ['scope', 'units', String(i)],
        message: 'Đơn vị không thuộc phạm vi của đơn vị tổ chức khảo sát.',
        messageEn: 'This unit is not under the unit that owns the campaign.',
      });
    } else resolved.unitIds.push(unitId);
  }
  for (const [i, code] of (scope.agencyCodes ?? []).entries()) {
    const agency = await context.loaders.agencies.agencyByCode.load(code);
    const path = agency ? await context.access.agencyPath(agency.id) : null;
    if (!agency || !path?.unitPath.includes(ownerUnitId)) {
      errors.push({
        path: ['scope', 'agencyCodes', String(i)],
        message: `Không có cơ quan mã ${code} thuộc đơn vị tổ chức khảo sát.`,
        messageEn: `There is no agency ${code} under the unit that owns the campaign.`,
      });
    } else resolved.agencyIds.push(agency.id);
  }
  const codes = [...(scope.procedureCodes ?? [])];
  if (codes.length > 0) {
    const found = new Map(
      (
        await context.db.selectFrom('procedure').select(['id', 'code']).where('code', 'in', codes).execute()
      ).map((p) => [p.code, p.id]),
    );
    codes.forEach((code, i) => {
      const id = found.get(code);
      if (!id) {
        errors.push({
          path: ['scope', 'procedureCodes', String(i)],
          message: `Không có thủ tục mã ${code}.`,
          messageEn: `There is no procedure ${code}.`,
        });
      } else resolved.procedureIds.push(id);
    });
  }
  return resolved;
}

async function writeScope(trx: Kysely<Database>, campaignId: string, scope: ResolvedScope) {
  await trx.deleteFrom('campaignScope').where('campaignId', '=', campaignId).execute();
  const rows = [
    ...[...new Set(scope.unitIds)].map((unitId) => ({ campaignId, unitId })),
    ...[...new Set(scope.agencyIds)].map((agencyId) => ({ campaignId, agencyId })),
    ...[...new Set(scope.procedureIds)].map((procedureId) => ({ campaignId, procedureId })),
  ];
  if (rows.length > 0) await trx.insertInto('campaignScope').values(rows).execute();
}

function checkSettings(settings: Partial<CampaignSettings> | null | undefined, errors: FieldError[]) {
  const result: Partial<CampaignSettings> = {};
  for (const [key, value] of Object.entries(settings ?? {})) {
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value) || value < 0 || value > 100_000) {
      errors.push({
        path: ['settings', key],
        message: 'Cần một số nguyên từ 0 đến 100000.',
        messageEn: 'Expected a whole number from 0 to 100000.',
      });
    } else result[key as keyof CampaignSettings] = value;
  }
  return result;
}

const CAMPAIGN_CODE = /^[A-Z0-9][A-Z0-9-]{2,63}$/;

export interface CreateCampaignInput {
  code: string;
  ownerUnitId: string;
  instrument: { code: string; version: string };
  nameVi: string;
  nameEn: string;
  mode: CampaignMode;
  startsOn: string;
  endsOn: string;
  scope?: CampaignScopeInput | null;
  settings?: Partial<CampaignSettings> | null;
}

/** A campaign of the owning unit's admins: a published instrument, a scope, a period and a mode. */
export async function createCampaign(
  context: SurveysContext,
  input: CreateCampaignInput,
): Promise<CampaignRow> {
  await assertOwnerAdmin(context, { ownerUnitId: input.ownerUnitId });
  const errors: FieldError[] = [];
  if (!CAMPAIGN_CODE.test(input.code)) {
    errors.push({
      path: ['code'],
      message: 'Mã gồm 3–64 ký tự: chữ in hoa, chữ số, dấu gạch ngang.',
      messageEn: 'A code has 3–64 characters: capital letters, digits and hyphens.',
    });
  }
  if (input.endsOn < input.startsOn) {
    errors.push({
      path: ['endsOn'],
      message: 'Ngày kết thúc phải không sớm hơn ngày bắt đầu.',
      messageEn: 'The end date must not be before the start date.',
    });
  }
  const instrument = await findInstrument(context.db, input.instrument.code, input.instrument.version);
  if (instrument?.status !== 'published') {
    errors.push({
      path: ['instrument'],
      message: `Không có bộ câu hỏi ${input.instrument.code} ${input.instrument.version} đã công bố.`,
      messageEn: `There is no published instrument ${input.instrument.code} ${input.instrument.version}.`,
    });
  }
  const scope = await resolveScope(context, input.ownerUnitId, input.scope ?? {}, errors);
  const settings = checkSettings(input.settings, errors);
  if (errors.length > 0) throw new ValidationError(errors);

  return context.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .insertInto('campaign')
      .values({
        code: input.code,
        instrumentId: instrument!.id,
        ownerUnitId: input.ownerUnitId,
        nameVi: input.nameVi,
        nameEn: input.nameEn,
        mode: input.mode,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: 'active',
        settings: JSON.stringify(settings),
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!campaign) {
      throw new ConflictError(
        `Mã khảo sát ${input.code} đã được dùng.`,
        `Campaign code ${input.code} is taken.`,
      );
    }
    await writeScope(trx, campaign.id, scope);
    await recordAudit(trx, context, {
      action: 'campaign.create',
      entity: 'campaign',
      entityId: campaign.id,
      unitId: campaign.ownerUnitId,
      data: { code: campaign.code, mode: campaign.mode, instrumentId: campaign.instrumentId },
    });
    return campaign;
  });
}

export interface UpdateCampaignInput {
  nameVi?: string | null;
  nameEn?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  scope?: CampaignScopeInput | null;
  settings?: Partial<CampaignSettings> | null;
}

/** Changes names, period, scope or settings of a campaign that is not closed. */
export async function updateCampaign(
  context: SurveysContext,
  code: string,
  changes: UpdateCampaignInput,
): Promise<CampaignRow> {
  const campaign = await getCampaign(context, code);
  await assertOwnerAdmin(context, campaign);
  if (campaign.status === 'closed') {
    throw new ConflictError('Cuộc khảo sát đã đóng, không sửa được.', 'A closed campaign cannot be changed.');
  }
  const errors: FieldError[] = [];
  const startsOn = changes.startsOn ?? campaign.startsOn;
  const endsOn = changes.endsOn ?? campaign.endsOn;
  if (endsOn < startsOn) {
    errors.push({
      path: [changes.endsOn ? 'endsOn' : 'startsOn'],
      message: 'Ngày kết thúc phải không sớm hơn ngày bắt đầu.',
      messageEn: 'The end date must not be before the start date.',
    });
  }
  const scope = changes.scope
    ? await resolveScope(context, campaign.ownerUnitId, changes.scope, errors)
    : null;
  const settings = checkSettings(changes.settings, errors);
  if (errors.length > 0) throw new ValidationError(errors);
  return context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('campaign')
      .set({
        nameVi: changes.nameVi ?? campaign.nameVi,
        nameEn: changes.nameEn ?? campaign.nameEn,
        startsOn,
        endsOn,
        settings: JSON.stringify({ ...(campaign.settings as object), ...settings }),
      })
      .where('id', '=', campaign.id)
      .where('status', '<>', 'closed')
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      throw new ConflictError(
        'Cuộc khảo sát đã đóng, không sửa được.',
        'A closed campaign cannot be changed.',
      );
    }
    if (scope) await writeScope(trx, campaign.id, scope);
    await recordAudit(trx, context, {
      action: 'campaign.update',
      entity: 'campaign',
      entityId: campaign.id,
      unitId: campaign.ownerUnitId,
      data: {
        code,
        changed: Object.keys(changes).filter((k) => changes[k as keyof UpdateCampaignInput] != null),
      },
    });
    return updated;
  });
}

export async function closeCampaign(context: SurveysContext, code: string): Promise<CampaignRow> {
  const campaign = await getCampaign(context, code);
  await assertOwnerAdmin(context, campaign);
  return context.db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('campaign')
      .set({ status: 'closed' })
      .where('id', '=', campaign.id)
      .where('status', '<>', 'closed')
      .returningAll()
      .executeTakeFirst();
    if (!closed) throw new ConflictError('Cuộc khảo sát đã đóng.', 'The campaign is already closed.');
    await recordAudit(trx, context, {
      action: 'campaign.close',
      entity: 'campaign',
      entityId: campaign.id,
      unitId: campaign.ownerUnitId,
      data: { code },
    });
    return closed;
  });
}

/** True when the campaign's scope covers the agency (and the procedure, when given). */
export async function campaignCoversAgency(
  context: Pick<Context, 'access' | 'loaders'>,
  campaign: CampaignRow,
  agencyId: string,
  procedureId?: string | null,
): Promise<boolean> {
  const path = await context.access.agencyPath(agencyId);
  if (!path) return false;
  const scopes: CampaignScopeRow[] = await context.loaders.surveys.scopesOf.load(campaign.id);
  const places = scopes.filter((s) => s.unitId !== null || s.agencyId !== null);
  const procedures = scopes.filter((s) => s.procedureId !== null);
  const placeCovered =
    places.length === 0
      ? path.unitPath.includes(campaign.ownerUnitId)
      : places.some(
          (s) =>
            (s.unitId !== null && path.unitPath.includes(s.unitId)) ||
            (s.agencyId !== null && path.agencyPath.includes(s.agencyId)),
        );
  if (!placeCovered) return false;
  if (procedures.length === 0 || procedureId === undefined) return true;
  return procedures.some((s) => s.procedureId === procedureId);
}

/** Adds to the coverage counts (served, offered) of one rollup cell. */
export async function addCoverage(
  db: Kysely<Database>,
  key: {
    provinceUnitId: string;
    campaignId: string;
    unitId: string;
    agencyId: string | null;
    periodMonth: string;
    channel: string;
  },
  counts: { served?: number; offered?: number },
): Promise<void> {
  const cellId = await rollupCellId(db, key);
  await db
    .updateTable('surveyRollupCell')
    .set({
      served: sql`served + ${counts.served ?? 0}`,
      offered: sql`offered + ${counts.offered ?? 0}`,
    })
    .where('provinceUnitId', '=', key.provinceUnitId)
    .where('id', '=', cellId)
    .execute();
}

function dossierChannelToResponse(channel: string): ResponseChannel {
  return channel === 'online' ? 'online' : channel === 'postal' ? 'postal' : 'in_person';
}

function tokenExpiry(campaign: CampaignRow, now: Date): Date {
  const byDays = new Date(now.getTime() + campaignSettings(campaign).tokenValidDays * 86_400_000);
  const campaignEnd = new Date(`${campaign.endsOn}T23:59:59.999+07:00`);
  return byDays < campaignEnd ? byDays : campaignEnd;
}

export interface IssuedToken {
  token: string;
  url: string;
  expiresAt: Date;
  campaign: CampaignRow;
}

/** A dossier as the survey link needs it: where it was handled, for what, through which channel. */
export interface SurveyDossier {
  provinceUnitId: string;
  id: string;
  agencyId: string;
  procedureId: string;
  channel: string;
  /** The administrative unit of the agency. */
  unitId: string;
}

/** Active after-dossier campaigns whose period contains `day` and whose scope covers the dossier, lowest id first. */
export async function campaignsCoveringDossier(
  context: Pick<Context, 'db' | 'access' | 'loaders'>,
  dossier: Pick<SurveyDossier, 'agencyId' | 'procedureId'>,
  day: string,
  campaignCode?: string | null,
): Promise<CampaignRow[]> {
  let candidates = await context.db
    .selectFrom('campaign')
    .selectAll()
    .where('mode', '=', 'after_dossier')
    .where('status', '=', 'active')
    .where('startsOn', '<=', day)
    .where('endsOn', '>=', day)
    .orderBy('id')
    .execute();
  if (campaignCode) candidates = candidates.filter((c) => c.code === campaignCode);
  const covering: CampaignRow[] = [];
  for (const candidate of candidates) {
    if (await campaignCoversAgency(context, candidate, dossier.agencyId, dossier.procedureId)) {
      covering.push(candidate);
    }
  }
  return covering;
}

/**
 * Stores the hash of a new token for the dossier in `campaign`, inside the caller's transaction; an earlier
 * unused token of the same dossier is expired and the offer is counted once (on the dossier's first token). When the survey of this dossier
 * was already answered: a ConflictError (`onAnswered: 'conflict'`) or no token (`'skip'`).
 */
async function issueDossierToken(
  trx: Kysely<Database>,
  context: Pick<Context, 'pseudonymSecret'>,
  dossier: SurveyDossier,
  campaign: CampaignRow,
  now: Date,
  onAnswered: 'conflict' | 'skip',
): Promise<IssuedToken | null> {
  const pseudonym = dossierPseudonym(context.pseudonymSecret, dossier.provinceUnitId, dossier.id);
  const channel = dossierChannelToResponse(dossier.channel);
  const used = await trx
    .selectFrom('surveyToken')
    .select('id')
    .where('campaignId', '=', campaign.id)
    .where('dossierPseudonym', '=', pseudonym)
    .where('usedAt', 'is not', null)
    .executeTakeFirst();
  if (used) {
    if (onAnswered === 'skip') return null;
    throw new ConflictError(
      'Người dân đã trả lời khảo sát cho hồ sơ này.',
      'The survey for this dossier has already been answered.',
    );
  }
  // Offered once per dossier and campaign: a token issued again (even after the earlier one expired) is not a
  // second offer.
  const earlier = await trx
    .selectFrom('surveyToken')
    .select('id')
    .where('campaignId', '=', campaign.id)
    .where('dossierPseudonym', '=', pseudonym)
    .limit(1)
    .executeTakeFirst();
  await trx
    .updateTable('surveyToken')
    .set({ expiresAt: now })
    .where('campaignId', '=', campaign.id)
    .where('dossierPseudonym', '=', pseudonym)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .execute();
  const { token, hash } = newSurveyToken();
  const expiresAt = tokenExpiry(campaign, now);
  await trx
    .insertInto('surveyToken')
    .values({
      provinceUnitId: dossier.provinceUnitId,
      campaignId: campaign.id,
      tokenHash: hash,
      agencyId: dossier.agencyId,
      dossierPseudonym: pseudonym,
      channel,
      procedureId: dossier.procedureId,
      procedureFieldId: (eb) =>
        eb.selectFrom('procedure').select('fieldId').where('id', '=', dossier.procedureId),
      issuedAt: now,
      expiresAt,
    })
    .execute();
  if (!earlier) {
    await addCoverage(
      trx,
      {
        provinceUnitId: dossier.provinceUnitId,
        campaignId: campaign.id,
        unitId: dossier.unitId,
        agencyId: dossier.agencyId,
        periodMonth: monthOf(todayInVietnam(now)),
        channel,
      },
      { offered: 1 },
    );
  }
  return { token, url: surveyPath(token), expiresAt, campaign };
}

/**
 * A single-use token for the citizen whose dossier's result is being returned, printed as a QR code on the
 * receipt. For desk officers of the dossier's agency. The token is stored only as a hash, with a keyed
 * pseudonym of the dossier; issuing again for the same dossier replaces the earlier token (counted once).
 * (Returning a result through `returnResult` issues the token by itself: see `linkReturnedDossierToSurveys`.)
 */
export async function issueSurveyToken(
  context: SurveysContext,
  dossierId: string,
  campaignCode?: string | null,
): Promise<IssuedToken> {
  // The dossier's global ID (as every other dossier field takes it), or its bare row number.
  const gid = globalIdOf(dossierId, 'Dossier');
  const key = gid === null ? null : parseDossierKey(gid);
  const rowId = key?.id ?? (BIGINT_ID.test(dossierId) ? dossierId : null);
  const dossier = rowId
    ? await context.db
        .selectFrom('dossier')
        .innerJoin('agency', 'agency.id', 'dossier.agencyId')
        .select([
          'dossier.provinceUnitId',
          'dossier.id',
          'dossier.agencyId',
          'dossier.procedureId',
          'dossier.channel',
          'dossier.status',
          'agency.unitId',
        ])
        .where('dossier.id', '=', rowId)
        .$if(key !== null, (q) => q.where('dossier.provinceUnitId', '=', key!.provinceUnitId))
        .executeTakeFirst()
    : undefined;
  if (!dossier || !(await context.access.canAtAgency(dossier.agencyId, 'desk'))) {
    // An officer without desk rights learns nothing about the dossier's existence.
    if (dossier) throw new ForbiddenError();
    throw new NotFoundError(`Không có hồ sơ ${dossierId}.`, `There is no dossier ${dossierId}.`);
  }
  if (dossier.status !== 9 && dossier.status !== 10) {
    throw new ConflictError(
      'Chỉ phát mã khảo sát khi trả kết quả hồ sơ.',
      'A survey token is issued only when the dossier’s result is returned.',
    );
  }
  const now = new Date();
  const [campaign] = await campaignsCoveringDossier(context, dossier, todayInVietnam(now), campaignCode);
  if (!campaign) {
    throw new NotFoundError(
      'Không có cuộc khảo sát sau hồ sơ nào đang mở cho hồ sơ này.',
      'No open after-dossier survey covers this dossier.',
    );
  }
  const issued = await context.db
    .transaction()
    .execute((trx) => issueDossierToken(trx, context, dossier, campaign, now, 'conflict'));
  return issued!;
}

/**
 * The citizen's own request for the survey of a returned dossier (from the QR code of the receipt, after the
 * receipt code and PIN were verified by the caller). The campaign is the first that covered the dossier on the day
 * its result was returned (where it was counted served) and is still open today. The token comes from
 * `issueDossierToken`: an earlier unused token of the dossier is expired and the offer is counted once; an
 * answered survey is a ConflictError. The dossier's row is locked so two requests at once count once.
 */
export async function issueReturnedDossierToken(
  context: Pick<Context, 'db' | 'access' | 'loaders' | 'pseudonymSecret'>,
  dossier: SurveyDossier,
  returnedAt: Date,
  now: Date,
): Promise<IssuedToken> {
  const today = todayInVietnam(now);
  const covering = await campaignsCoveringDossier(context, dossier, todayInVietnam(returnedAt));
  const campaign = covering.find((c) => c.endsOn >= today);
  if (!campaign) {
    throw new NotFoundError(
      'Hiện không có cuộc khảo sát nào đang mở cho hồ sơ này.',
      'No survey is open for this dossier at the moment.',
    );
  }
  const issued = await context.db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('dossier')
      .select('id')
      .where('provinceUnitId', '=', dossier.provinceUnitId)
      .where('id', '=', dossier.id)
      .forUpdate()
      .execute();
    return issueDossierToken(trx, context, dossier, campaign, now, 'conflict');
  });
  return issued!;
}

/**
 * The survey side of returning a dossier's result, in the caller's transaction: the dossier counts as served in
 * every covering campaign (`campaigns`, from `campaignsCoveringDossier` on the day of return; the same cells
 * `refreshServedCounts` would recount), and the first of them issues its single-use token (offered + 1). No
 * token when no campaign covers the dossier, or when its survey was already answered.
 */
export async function linkReturnedDossierToSurveys(
  trx: Kysely<Database>,
  context: Pick<Context, 'pseudonymSecret'>,
  dossier: SurveyDossier,
  campaigns: readonly CampaignRow[],
  now: Date,
): Promise<IssuedToken | null> {
  const channel = dossierChannelToResponse(dossier.channel);
  for (const campaign of campaigns) {
    await addCoverage(
      trx,
      {
        provinceUnitId: dossier.provinceUnitId,
        campaignId: campaign.id,
        unitId: dossier.unitId,
        agencyId: dossier.agencyId,
        periodMonth: monthOf(todayInVietnam(now)),
        channel,
      },
      { served: 1 },
    );
  }
  const [first] = campaigns;
  return first ? issueDossierToken(trx, context, dossier, first, now, 'skip') : null;
}

export interface SampleTokens {
  tokens: { token: string; url: string }[];
  expiresAt: Date;
  campaign: CampaignRow;
  /** The agency the tokens were issued for, if any. */
  agency: AgencyRow | null;
}

/**
 * `count` tokens for a sample survey (handed out by interviewers or printed on forms), counted as offered.
 * For the campaign's unit admins, or desk officers of the given agency.
 */
export async function issueSampleTokens(
  context: SurveysContext,
  input: {
    campaignCode: string;
    count: number;
    agencyCode?: string | null;
    channel?: ResponseChannel | null;
  },
): Promise<SampleTokens> {
  const campaign = await getCampaign(context, input.campaignCode);
  const agency = input.agencyCode ? await context.loaders.agencies.agencyByCode.load(input.agencyCode) : null;
  const allowed =
    (await context.access.coversUnit(campaign.ownerUnitId, ['unit_admin'])) ||
    (agency ? await context.access.canAtAgency(agency.id, 'desk') : false);
  if (!allowed) throw new ForbiddenError();
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > 5_000) {
    errors.push({
      path: ['count'],
      message: 'Số mã phát mỗi lần từ 1 đến 5000.',
      messageEn: 'Issue from 1 to 5000 tokens at a time.',
    });
  }
  if (input.agencyCode && (!agency || !(await campaignCoversAgency(context, campaign, agency.id)))) {
    errors.push({
      path: ['agencyCode'],
      message: `Cơ quan ${input.agencyCode} không thuộc phạm vi cuộc khảo sát.`,
      messageEn: `Agency ${input.agencyCode} is not in the campaign's scope.`,
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  if (campaign.mode !== 'sample') {
    throw new ConflictError(
      'Chỉ cuộc khảo sát theo mẫu mới phát mã hàng loạt.',
      'Only sample campaigns issue tokens in bulk.',
    );
  }
  assertCampaignOpen(campaign);
  const unitId = agency?.unitId ?? campaign.ownerUnitId;
  const provinceUnitId = await provinceOfUnit(context.db, unitId);
  const channel: ResponseChannel = input.channel ?? 'in_person';
  const now = new Date();
  const expiresAt = tokenExpiry(campaign, now);
  const tokens = Array.from({ length: input.count }, () => newSurveyToken());
  await context.db.transaction().execute(async (trx) => {
    for (let i = 0; i < tokens.length; i += 1000) {
      await trx
        .insertInto('surveyToken')
        .values(
          tokens.slice(i, i + 1000).map(({ hash }) => ({
            provinceUnitId,
            campaignId: campaign.id,
            tokenHash: hash,
            agencyId: agency?.id ?? null,
            channel,
            expiresAt,
          })),
        )
        .execute();
    }
    await addCoverage(
      trx,
      {
        provinceUnitId,
        campaignId: campaign.id,
        unitId,
        agencyId: agency?.id ?? null,
        periodMonth: monthOf(todayInVietnam(now)),
        channel,
      },
      { offered: input.count },
    );
    await recordAudit(trx, context, {
      action: 'campaign.issue_sample_tokens',
      entity: 'campaign',
      entityId: campaign.id,
      unitId: campaign.ownerUnitId,
      data: { count: input.count, agencyId: agency?.id ?? null, channel },
    });
  });
  return {
    tokens: tokens.map(({ token }) => ({ token, url: surveyPath(token) })),
    expiresAt,
    campaign,
    agency,
  };
}

/**
 * Counts one hit of a traffic source (HMAC of IP and day) in the current window; returns the hits so far.
 * Sources without an address (server-side callers) are not counted. Outside a transaction the counter commits
 * without waiting for its WAL flush (`synchronous_commit` off for this one statement's transaction only): a
 * crash may forget the last few hits of a rate-limit window, never a response, and concurrent hits of one busy
 * source no longer hold the counter's row lock through a disk flush each.
 */
export async function countSourceHit(
  context: Pick<Context, 'db' | 'http' | 'pseudonymSecret'>,
  campaign: CampaignRow,
  kind: 'open' | 'submit',
  now = new Date(),
): Promise<number> {
  if (!context.http.ip) return 0;
  const { burstWindowMinutes } = campaignSettings(campaign);
  const windowMs = Math.max(1, burstWindowMinutes) * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const source = sourceHash(context.pseudonymSecret, context.http.ip, todayInVietnam(now));
  const asyncCommit = context.db.isTransaction
    ? sql``
    : sql`from (select set_config('synchronous_commit', 'off', true)) as async_commit`;
  const { rows } = await sql<{ hits: number }>`
    insert into survey_source_window (campaign_id, kind, source_hash, window_start)
    select ${campaign.id}::bigint, ${kind}::text, ${source}::bytea, ${windowStart}::timestamptz ${asyncCommit}
    on conflict (campaign_id, kind, source_hash, window_start)
      do update set hits = survey_source_window.hits + 1
    returning hits`.execute(context.db);
  const row = rows[0]!;
  if (row.hits === 1) {
    // A new window: counters older than two days are of no use any more.
    await context.db
      .deleteFrom('surveySourceWindow')
      .where('windowStart', '<', new Date(now.getTime() - 2 * 86_400_000))
      .execute();
  }
  return row.hits;
}

/**
 * The public form of an OPEN campaign: counts one offer (the link was opened) unless the source is over its
 * rate limit.
 */
export async function openSurvey(
  context: SurveysContext,
  campaignCode: string,
  channel?: ResponseChannel | null,
): Promise<{ campaign: CampaignRow; instrument: InstrumentRecord }> {
  const campaign = await getCampaign(context, campaignCode);
  if (campaign.mode !== 'open') {
    throw new SurveyClosedError(
      'Cuộc khảo sát này chỉ trả lời được bằng mã riêng.',
      'This survey can only be answered with a personal code.',
    );
  }
  assertCampaignOpen(campaign);
  const settings = campaignSettings(campaign);
  const hits = await countSourceHit(context, campaign, 'open');
  if (hits > settings.rateLimitPerWindow) throw new TooManyRequestsError(settings.burstWindowMinutes * 60);
  const provinceUnitId = await provinceOfUnit(context.db, campaign.ownerUnitId);
  await addCoverage(
    context.db,
    {
      provinceUnitId,
      campaignId: campaign.id,
      unitId: campaign.ownerUnitId,
      agencyId: null,
      periodMonth: monthOf(todayInVietnam()),
      channel: channel ?? 'online',
    },
    { offered: 1 },
  );
  return { campaign, instrument: await campaignInstrument(context, campaign) };
}

export type CoverageDimension = 'unit' | 'agency' | 'channel' | 'month';

export interface CoverageRow {
  unitId: string | null;
  agencyId: string | null;
  channel: string | null;
  periodMonth: string | null;
  served: number;
  offered: number;
  responded: number;
}

/** Coverage counts of a campaign grouped by the chosen dimensions (none: one total row), computed in SQL. */
export async function campaignCoverage(
  context: SurveysContext,
  campaignCode: string,
  groupBy: readonly CoverageDimension[],
): Promise<{ campaign: CampaignRow; rows: CoverageRow[] }> {
  const campaign = await getCampaign(context, campaignCode);
  if (!(await context.access.coversUnit(campaign.ownerUnitId, ['unit_admin', 'analyst', 'leader']))) {
    throw new ForbiddenError();
  }
  const by = new Set(groupBy);
  const column = (dimension: CoverageDimension, name: string) =>
    by.has(dimension) ? sql.ref(name) : sql`null`;
  const groups = [
    by.has('unit') ? sql`unit_id` : null,
    by.has('agency') ? sql`agency_id` : null,
    by.has('channel') ? sql`channel` : null,
    by.has('month') ? sql`period_month` : null,
  ].filter((g) => g !== null);
  const { rows } = await sql<{
    unitId: string | null;
    agencyId: string | null;
    channel: string | null;
    periodMonth: string | null;
    served: string;
    offered: string;
    responded: string;
  }>`
    select ${column('unit', 'unit_id')}::text as unit_id, ${column('agency', 'agency_id')}::text as agency_id,
      ${column('channel', 'channel')}::text as channel, ${column('month', 'period_month')}::text as period_month,
      coalesce(sum(served), 0) as served, coalesce(sum(offered), 0) as offered,
      coalesce(sum(responded), 0) as responded
    from survey_rollup_cell
    where campaign_id = ${campaign.id}
    ${groups.length > 0 ? sql`group by ${sql.join(groups)}` : sql``}
    order by 1, 2, 3, 4
  `.execute(context.db);
  return {
    campaign,
    rows: rows.map((r) => ({
      unitId: r.unitId,
      agencyId: r.agencyId,
      channel: r.channel,
      periodMonth: r.periodMonth,
      served: Number(r.served),
      offered: Number(r.offered),
      responded: Number(r.responded),
    })),
  };
}

/**
 * Recounts `served` of a campaign from the dossiers returned in its scope and period (a service for the
 * dossiers domain and for nightly jobs): per province, unit, agency, month of return and channel. Offered and
 * responded are left as they are.
 */
export async function refreshServedCounts(db: DB, campaignId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('surveyRollupCell')
      .set({ served: 0 })
      .where('campaignId', '=', campaignId)
      .execute();
    const { rows } = await sql<{
      provinceUnitId: string;
      unitId: string;
      agencyId: string;
      periodMonth: string;
      channel: string;
      served: string;
    }>`
      with recursive c as (select * from campaign where id = ${campaignId}),
      scope_units(id) as (
        select coalesce(s.unit_id, c.owner_unit_id) from c
          left join campaign_scope s on s.campaign_id = c.id and s.unit_id is not null
        where s.unit_id is not null
           or not exists (select 1 from campaign_scope x where x.campaign_id = c.id
                          and (x.unit_id is not null or x.agency_id is not null))
        union
        select u.id from administrative_unit u join scope_units su on u.parent_id = su.id
      ),
      scope_agencies(id) as (
        select s.agency_id from campaign_scope s where s.campaign_id = ${campaignId} and s.agency_id is not null
        union
        select a.id from agency a join scope_agencies sa on a.parent_id = sa.id
      ),
      scope_procedures as (
        select procedure_id from campaign_scope where campaign_id = ${campaignId} and procedure_id is not null
      )
      select d.province_unit_id::text as province_unit_id, a.unit_id::text as unit_id,
        d.agency_id::text as agency_id,
        date_trunc('month', d.returned_at at time zone 'Asia/Ho_Chi_Minh')::date::text as period_month,
        case d.channel when 'online' then 'online' when 'postal' then 'postal' else 'in_person' end as channel,
        count(*) as served
      from dossier d
        join agency a on a.id = d.agency_id
        cross join c
      where d.returned_at is not null
        and (d.returned_at at time zone 'Asia/Ho_Chi_Minh')::date between c.starts_on and c.ends_on
        and (a.unit_id in (select id from scope_units) or d.agency_id in (select id from scope_agencies))
        and (not exists (select 1 from scope_procedures) or d.procedure_id in (select procedure_id from scope_procedures))
      group by 1, 2, 3, 4, 5
    `.execute(trx);
    let total = 0;
    for (const row of rows) {
      total += Number(row.served);
      const cellId = await rollupCellId(trx, {
        provinceUnitId: row.provinceUnitId,
        campaignId,
        unitId: row.unitId,
        agencyId: row.agencyId,
        periodMonth: row.periodMonth,
        channel: row.channel,
      });
      await trx
        .updateTable('surveyRollupCell')
        .set({ served: Number(row.served) })
        .where('provinceUnitId', '=', row.provinceUnitId)
        .where('id', '=', cellId)
        .execute();
    }
    return total;
  });
}
