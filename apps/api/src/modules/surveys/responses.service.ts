import {
  addResponsesToRollups,
  type Database,
  type ResponseChannel,
  type ResponseSource,
  type RollupCellKey,
  rebuildSurveyRollups,
  rollupChanges,
  rollupWrites,
} from '@chiso/db';
import { type Instrument, validateAnswers } from '@chiso/scoring';
import { type Kysely, sql } from 'kysely';
import { todayInVietnam } from '../../civil-date.js';
import type { Context } from '../../context.js';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  TooManyRequestsError,
  ValidationError,
} from '../../errors.js';
import type { AgencyRow } from '../agencies/agencies.repo.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  assertCampaignOpen,
  campaignCoversAgency,
  campaignInstrument,
  campaignSettings,
  countSourceHit,
  getCampaign,
  monthOf,
  provinceOfUnit,
} from './campaigns.service.js';
import { toFieldErrors } from './instruments.service.js';
import { payloadHash, surveyTokenHash } from './pseudonyms.js';
import { SurveyClosedError, SurveyTokenError } from './surveys.errors.js';
import type { CampaignRow, SurveyTokenRow } from './surveys.repo.js';

type SurveysContext = Pick<Context, 'db' | 'access' | 'viewer' | 'loaders' | 'pseudonymSecret' | 'http'>;

export type Gender = 'female' | 'male' | 'other';

export interface RespondentAttributes {
  gender?: Gender | null;
  ageBand?: string | null;
  education?: string | null;
  freeText?: string | null;
}

export interface SubmitResponseInput extends RespondentAttributes {
  token?: string | null;
  campaignCode?: string | null;
  idempotencyKey: string;
  answers: readonly (number | null)[];
  startedAt?: Date | null;
  channel?: ResponseChannel | null;
}

export interface SubmittedResponse {
  responseId: string;
  /** False when this was a retry answered with the first result. */
  created: boolean;
  qualityFlags: string[];
  campaign: CampaignRow;
}

export const THANKS = {
  vi: 'Cảm ơn bạn đã trả lời. Câu trả lời được lưu ẩn danh, không kèm thông tin nhận diện, và chỉ được dùng để tính chỉ số hài lòng của cơ quan; kết quả tổng hợp được công bố công khai.',
  en: 'Thank you for answering. Your answers are stored anonymously, with nothing that identifies you, and are used only to compute the agency’s satisfaction index; the combined results are published.',
} as const;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const TEXT_LIMITS = { ageBand: 32, education: 64, freeText: 2000 } as const;

/** Flags that mark (never delete) a doubtful response. */
export function qualityFlags(
  instrument: Instrument,
  answers: readonly (number | null)[],
  options: {
    startedAt?: Date | null;
    submittedAt: Date;
    minSecondsPerItem: number;
    straightLiningMinItems: number;
    sourceHits?: number;
    burstThreshold?: number;
  },
): string[] {
  const flags: string[] = [];
  const answered = answers.filter((a): a is number => a !== null);
  if (options.startedAt && answered.length > 0) {
    const seconds = (options.submittedAt.getTime() - options.startedAt.getTime()) / 1000;
    if (seconds < answered.length * options.minSecondsPerItem) flags.push('too_fast');
  }
  if (
    options.straightLiningMinItems > 0 &&
    answered.length >= options.straightLiningMinItems &&
    answered.every((a) => a === answered[0])
  ) {
    flags.push('straight_lining');
  }
  if (options.burstThreshold !== undefined && (options.sourceHits ?? 0) > options.burstThreshold) {
    flags.push('burst');
  }
  void instrument;
  return flags;
}

function checkAttributes(input: RespondentAttributes, prefix: string[], errors: FieldError[]) {
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = input[field as keyof typeof TEXT_LIMITS];
    if (value != null && value.length > limit) {
      errors.push({
        path: [...prefix, field],
        message: `Tối đa ${limit} ký tự.`,
        messageEn: `At most ${limit} characters.`,
      });
    }
  }
}

interface Target {
  campaign: CampaignRow;
  provinceUnitId: string;
  token: SurveyTokenRow | null;
  source: ResponseSource;
}

async function resolveTarget(context: SurveysContext, input: SubmitResponseInput): Promise<Target> {
  if (input.token) {
    const token = await context.db
      .selectFrom('surveyToken')
      .selectAll()
      .where('tokenHash', '=', surveyTokenHash(input.token))
      .executeTakeFirst();
    if (!token) throw new SurveyTokenError('unknown');
    const campaign = await context.loaders.surveys.campaignById.load(token.campaignId);
    if (!campaign) throw new SurveyTokenError('unknown');
    if (input.campaignCode && input.campaignCode !== campaign.code)
      throw new SurveyTokenError('other_campaign');
    return {
      campaign,
      provinceUnitId: token.provinceUnitId,
      token,
      source: campaign.mode === 'sample' ? 'sample' : 'token',
    };
  }
  if (!input.campaignCode) {
    throw new ValidationError([
      {
        path: ['input', 'token'],
        message: 'Cần mã khảo sát hoặc mã cuộc khảo sát.',
        messageEn: 'A survey token or a campaign code is required.',
      },
    ]);
  }
  const campaign = await getCampaign(context, input.campaignCode);
  if (campaign.mode !== 'open') {
    throw new SurveyClosedError(
      'Cuộc khảo sát này chỉ trả lời được bằng mã riêng.',
      'This survey can only be answered with a personal code.',
    );
  }
  return {
    campaign,
    provinceUnitId: await provinceOfUnit(context.db, campaign.ownerUnitId),
    token: null,
    source: 'open_link',
  };
}

async function findByKey(db: Kysely<Database>, provinceUnitId: string, key: string) {
  return db
    .selectFrom('surveyResponse')
    .select(['id', 'payloadHash', 'qualityFlags', 'campaignId'])
    .where('provinceUnitId', '=', provinceUnitId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

function replayOrConflict(
  existing: { id: string; payloadHash: Buffer; qualityFlags: string[] },
  hash: Buffer,
  campaign: CampaignRow,
): SubmittedResponse {
  if (!existing.payloadHash.equals(hash)) {
    throw new ConflictError(
      'Khoá chống gửi trùng này đã được dùng cho một câu trả lời khác.',
      'This idempotency key was already used for a different submission.',
    );
  }
  return { responseId: existing.id, created: false, qualityFlags: existing.qualityFlags, campaign };
}

/**
 * Stores one citizen's answers (no login). Idempotent per key: a retry with the same key and payload returns
 * the first response; the same key with another payload is a conflict; concurrent identical submissions leave
 * one row (the unique key and ON CONFLICT decide). No identity is stored: no address, and the dossier only as
 * its keyed pseudonym. Rollups are updated in the same transaction.
 */
export async function submitSurveyResponse(
  context: SurveysContext,
  input: SubmitResponseInput,
): Promise<SubmittedResponse> {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    throw new ValidationError([
      {
        path: ['input', 'idempotencyKey'],
        message: 'Khoá chống gửi trùng gồm 8–128 ký tự chữ, số, dấu chấm, gạch, hai chấm.',
        messageEn: 'An idempotency key has 8–128 letters, digits, dots, dashes, underscores or colons.',
      },
    ]);
  }
  const target = await resolveTarget(context, input);
  const { campaign, provinceUnitId, token } = target;
  const channel: ResponseChannel = (token?.channel as ResponseChannel | null) ?? input.channel ?? 'online';
  const payload = {
    campaign: campaign.id,
    token: token?.id ?? null,
    answers: input.answers,
    startedAt: input.startedAt?.toISOString() ?? null,
    gender: input.gender ?? null,
    ageBand: input.ageBand ?? null,
    education: input.education ?? null,
    freeText: input.freeText ?? null,
    channel,
  };
  const hash = payloadHash(payload);
  const key = `citizen:${input.idempotencyKey}`;

  // The first statement of the usual path writes; the key is looked up only when a check refuses (a retry
  // after the token was used or the campaign closed still gets its first result) or the insert found it taken.
  const replayIfKnown = async (refusal: unknown): Promise<SubmittedResponse> => {
    const earlier = await findByKey(context.db, provinceUnitId, key);
    if (earlier) return replayOrConflict(earlier, hash, campaign);
    throw refusal;
  };
  let prepared: Awaited<ReturnType<typeof prepareSubmission>>;
  try {
    prepared = await prepareSubmission(context, input, target, channel);
  } catch (error) {
    if (
      error instanceof SurveyTokenError ||
      error instanceof SurveyClosedError ||
      error instanceof TooManyRequestsError
    )
      return replayIfKnown(error);
    throw error;
  }
  const { instrument, flags, submittedAt, cell } = prepared;

  const response = sql`
    insert into survey_response (province_unit_id, campaign_id, instrument_id, unit_id, agency_id, procedure_id,
      procedure_field_id, period_month, channel, source, answers, gender, age_band, education, free_text,
      idempotency_key, payload_hash, dossier_pseudonym, quality_flags, started_at, submitted_at)
    values (${provinceUnitId}, ${campaign.id}, ${campaign.instrumentId}, ${cell.unitId}, ${cell.agencyId},
      ${token?.procedureId ?? null}, ${token?.procedureFieldId ?? null}, ${cell.periodMonth}, ${channel},
      ${target.source}, ${[...input.answers]}::smallint[], ${input.gender ?? null}, ${input.ageBand ?? null},
      ${input.education ?? null}, ${input.freeText ?? null}, ${key}, ${hash}, ${token?.dossierPseudonym ?? null},
      ${flags}::text[], ${input.startedAt ?? null}, ${submittedAt})
    on conflict (province_unit_id, idempotency_key) do nothing
    returning id::text as id`;
  const rollups = rollupWrites(
    instrument,
    rollupChanges(instrument, cell, [
      {
        answers: input.answers,
        gender: input.gender ?? null,
        ageBand: input.ageBand ?? null,
        education: input.education ?? null,
        procedureFieldId: token?.procedureFieldId ?? null,
        qualityFlags: flags,
      },
    ])!,
    sql`exists (select 1 from new_response)`,
  );

  let stored: string | null;
  if (!token) {
    // One statement: the response and every rollup it touches, all or nothing.
    const { rows } = await sql<{ id: string | null }>`
      with new_response as (${response}), ${rollups}
      select (select id from new_response) as id`.execute(context.db);
    stored = rows[0]?.id ?? null;
  } else {
    // The token is spent in the same statement; a token spent meanwhile by another submission undoes it all.
    stored = await context.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string | null; spent: boolean }>`
        with new_response as (${response}),
        spent_token as (
          update survey_token set used_at = ${submittedAt}
          where province_unit_id = ${token.provinceUnitId} and id = ${token.id} and used_at is null
            and exists (select 1 from new_response)
          returning id
        ), ${rollups}
        select (select id from new_response) as id, exists (select 1 from spent_token) as spent`.execute(trx);
      const row = rows[0];
      if (row?.id && !row.spent) throw new SurveyTokenError('used');
      return row?.id ?? null;
    });
  }
  if (stored === null) {
    // A submission with the same key committed first: answer as a retry.
    return replayIfKnown(new ConflictError('Vui lòng gửi lại.', 'Please submit again.'));
  }
  return { responseId: stored, created: true, qualityFlags: flags, campaign };
}

/** The checks before a submission is written, and what it writes besides the answers. */
async function prepareSubmission(
  context: SurveysContext,
  input: SubmitResponseInput,
  target: Target,
  channel: ResponseChannel,
) {
  const { campaign, provinceUnitId, token } = target;
  if (token) {
    if (token.usedAt) throw new SurveyTokenError('used');
    if (token.expiresAt.getTime() <= Date.now()) throw new SurveyTokenError('expired');
  }
  assertCampaignOpen(campaign);
  const instrument = await publishedDefinition(context, campaign);
  const errors = toFieldErrors(['input'], validateAnswers(instrument, input.answers));
  checkAttributes(input, ['input'], errors);
  if (input.channel === 'paper') {
    errors.push({
      path: ['input', 'channel'],
      message: 'Phiếu giấy do cán bộ nhập.',
      messageEn: 'Paper forms are entered by officers.',
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);

  const settings = campaignSettings(campaign);
  const sourceHits = await countSourceHit(context, campaign, 'submit');
  if (target.source === 'open_link' && sourceHits > settings.rateLimitPerWindow) {
    throw new TooManyRequestsError(settings.burstWindowMinutes * 60);
  }
  const submittedAt = new Date();
  const flags = qualityFlags(instrument, input.answers, {
    startedAt: input.startedAt ?? null,
    submittedAt,
    minSecondsPerItem: settings.minSecondsPerItem,
    straightLiningMinItems: settings.straightLiningMinItems,
    sourceHits,
    burstThreshold: settings.burstThreshold,
  });
  const agency = token?.agencyId ? await context.loaders.agencies.agencyById.load(token.agencyId) : null;
  const cell: Omit<RollupCellKey, 'flagged'> = {
    provinceUnitId,
    campaignId: campaign.id,
    unitId: agency?.unitId ?? campaign.ownerUnitId,
    agencyId: agency?.id ?? null,
    periodMonth: monthOf(todayInVietnam(submittedAt)),
    channel,
  };
  return { instrument, flags, submittedAt, cell };
}

/** Definitions of published instruments (which never change), per database. */
const definitionCache = new WeakMap<Kysely<Database>, Map<string, Instrument>>();

async function publishedDefinition(context: SurveysContext, campaign: CampaignRow): Promise<Instrument> {
  const known = definitionCache.get(context.db)?.get(campaign.instrumentId);
  if (known) return known;
  const record = await campaignInstrument(context, campaign);
  if (record.row.status !== 'draft') {
    let cache = definitionCache.get(context.db);
    if (!cache) {
      cache = new Map();
      definitionCache.set(context.db, cache);
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(campaign.instrumentId, record.definition);
  }
  return record.definition;
}

export interface PaperRow extends RespondentAttributes {
  answers: readonly (number | null)[];
}

export interface PaperBatchResult {
  campaign: CampaignRow;
  agency: AgencyRow;
  responseIds: string[];
  inserted: number;
  alreadyRecorded: number;
}

/**
 * Paper questionnaires typed in by an officer with desk rights at the agency: all rows or none. Each row is
 * idempotent under (batch key, row number), so entering the same batch again changes nothing.
 */
export async function enterPaperResponses(
  context: SurveysContext,
  input: {
    campaignCode: string;
    agencyCode: string;
    batchKey: string;
    collectedOn?: string | null;
    rows: PaperRow[];
  },
): Promise<PaperBatchResult> {
  const campaign = await getCampaign(context, input.campaignCode);
  const agency = await context.loaders.agencies.agencyByCode.load(input.agencyCode);
  if (!agency || !(await context.access.canAtAgency(agency.id, 'desk'))) throw new ForbiddenError();
  const errors: FieldError[] = [];
  if (!(await campaignCoversAgency(context, campaign, agency.id))) {
    errors.push({
      path: ['agencyCode'],
      message: `Cơ quan ${input.agencyCode} không thuộc phạm vi cuộc khảo sát.`,
      messageEn: `Agency ${input.agencyCode} is not in the campaign's scope.`,
    });
  }
  if (!IDEMPOTENCY_KEY.test(input.batchKey)) {
    errors.push({
      path: ['batchKey'],
      message: 'Mã lô gồm 8–128 ký tự chữ, số, dấu chấm, gạch, hai chấm.',
      messageEn: 'A batch key has 8–128 letters, digits, dots, dashes, underscores or colons.',
    });
  }
  if (input.rows.length === 0 || input.rows.length > 1000) {
    errors.push({
      path: ['rows'],
      message: 'Mỗi lô từ 1 đến 1000 phiếu.',
      messageEn: 'A batch has from 1 to 1000 forms.',
    });
  }
  const instrument = await campaignInstrument(context, campaign);
  input.rows.forEach((row, i) => {
    errors.push(...toFieldErrors(['rows', String(i)], validateAnswers(instrument.definition, row.answers)));
    checkAttributes(row, ['rows', String(i)], errors);
  });
  if (errors.length > 0) throw new ValidationError(errors);
  if (campaign.status === 'closed') {
    throw new SurveyClosedError('Cuộc khảo sát đã kết thúc.', 'This survey is closed.');
  }
  const collectedOn = input.collectedOn ?? todayInVietnam();
  const cell: Omit<RollupCellKey, 'flagged'> = {
    provinceUnitId: await provinceOfUnit(context.db, agency.unitId),
    campaignId: campaign.id,
    unitId: agency.unitId,
    agencyId: agency.id,
    periodMonth: monthOf(collectedOn),
    channel: 'paper',
  };
  return context.db.transaction().execute(async (trx) => {
    const responseIds: string[] = [];
    const fresh: (PaperRow & { qualityFlags: string[] })[] = [];
    for (const [i, row] of input.rows.entries()) {
      const key = `paper:${campaign.id}:${input.batchKey}:${i}`;
      const hash = payloadHash({
        campaign: campaign.id,
        agency: agency.id,
        collectedOn,
        ...row,
        answers: row.answers,
      });
      const flags = qualityFlags(instrument.definition, row.answers, {
        submittedAt: new Date(),
        minSecondsPerItem: 0,
        straightLiningMinItems: campaignSettings(campaign).straightLiningMinItems,
      });
      const inserted = await trx
        .insertInto('surveyResponse')
        .values({
          ...cell,
          channel: 'paper',
          instrumentId: campaign.instrumentId,
          source: 'paper',
          answers: [...row.answers],
          gender: row.gender ?? null,
          ageBand: row.ageBand ?? null,
          education: row.education ?? null,
          freeText: row.freeText ?? null,
          idempotencyKey: key,
          payloadHash: hash,
          qualityFlags: flags,
        })
        .onConflict((oc) => oc.columns(['provinceUnitId', 'idempotencyKey']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        responseIds.push(inserted.id);
        fresh.push({ ...row, qualityFlags: flags });
        continue;
      }
      const existing = await findByKey(trx, cell.provinceUnitId, key);
      if (!existing?.payloadHash.equals(hash)) {
        throw new ConflictError(
          `Phiếu số ${i + 1} của lô ${input.batchKey} đã được nhập với nội dung khác.`,
          `Form ${i + 1} of batch ${input.batchKey} was already entered with different content.`,
        );
      }
      responseIds.push(existing.id);
    }
    if (fresh.length > 0) {
      await addResponsesToRollups(trx, instrument.definition, cell, fresh);
      await recordAudit(trx, context, {
        action: 'survey.enter_paper',
        entity: 'campaign',
        entityId: campaign.id,
        unitId: campaign.ownerUnitId,
        data: { batchKey: input.batchKey, agencyId: agency.id, inserted: fresh.length },
      });
    }
    return {
      campaign,
      agency,
      responseIds,
      inserted: fresh.length,
      alreadyRecorded: input.rows.length - fresh.length,
    };
  });
}

/** Recomputes a campaign's rollups from its raw responses (system admins, or admins of the owning unit). */
export async function rebuildCampaignRollups(
  context: SurveysContext,
  campaignCode: string,
): Promise<{
  campaign: CampaignRow;
  cells: number;
  responses: number;
  durationMs: number;
  figuresChanged: boolean;
}> {
  const campaign = await getCampaign(context, campaignCode);
  if (!(await context.access.coversUnit(campaign.ownerUnitId, ['unit_admin']))) throw new ForbiddenError();
  const instrument = await campaignInstrument(context, campaign);
  const started = performance.now();
  const result = await context.db.transaction().execute(async (trx) => {
    const before = await rollupFingerprint(trx, campaign.id);
    const rebuilt = await rebuildSurveyRollups(trx, instrument.definition, campaign.id);
    const figuresChanged = (await rollupFingerprint(trx, campaign.id)) !== before;
    const durationMs = Math.round(performance.now() - started);
    await recordAudit(trx, context, {
      action: 'survey.rebuild_rollups',
      entity: 'campaign',
      entityId: campaign.id,
      unitId: campaign.ownerUnitId,
      data: { ...rebuilt, durationMs, figuresChanged },
    });
    return { ...rebuilt, durationMs, figuresChanged };
  });
  return { campaign, ...result };
}

/**
 * A digest of what a campaign's rollups and margins say (cell and margin keys, respondents, counts and weight
 * sums rounded to 6 decimals, so a different summation order is no change), never of their row ids: equal
 * before and after a rebuild when the rebuild changed no figure. Each row is hashed (64 bits of its MD5) and the
 * hashes summed with the row count, so the digest takes constant memory however many rows a campaign has.
 */
async function rollupFingerprint(db: Kysely<Database>, campaignId: string): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    select count(*) || ':' || coalesce(sum(('x' || left(md5(line), 16))::bit(64)::bigint::numeric), 0) as digest
    from (
      select concat_ws('|', 'c', c.unit_id, coalesce(c.agency_id::text, '-'), c.period_month, c.channel,
        c.flagged, c.responded, coalesce(n.item_ordinal::text, '-'), n.level, n.count,
        round(n.weight_sum::numeric, 6), round(n.weight_square_sum::numeric, 6)) as line
      from survey_rollup_cell c left join survey_rollup_count n on n.cell_id = c.id
      where c.campaign_id = ${campaignId} and (c.responded <> 0 or n.count is not null)
      union all
      select concat_ws('|', 'm', m.unit_id, m.period_month, m.attribute, m.value, m.flagged, m.responded,
        coalesce(n.item_ordinal::text, '-'), n.level, n.count, round(n.weight_sum::numeric, 6),
        round(n.weight_square_sum::numeric, 6))
      from survey_rollup_margin m left join survey_rollup_margin_count n on n.margin_id = m.id
      where m.campaign_id = ${campaignId} and (m.responded <> 0 or n.count is not null)
    ) lines
  `.execute(db);
  return rows[0]?.digest ?? '';
}
