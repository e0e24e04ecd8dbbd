import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { ErrorInterface } from '../../schema/errors.js';
import { civilDateInput } from '../../schema/input-rules.js';
import type { AgencyRow } from '../agencies/agencies.repo.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import type { ProcedureRow } from '../procedures/procedures.repo.js';
import { ProcedureRef } from '../procedures/procedures.schema.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import {
  type CampaignSettings,
  type CoverageRow,
  campaignCoverage,
  campaignInstrument,
  campaignSettings,
  closeCampaign,
  createCampaign,
  getCampaign,
  issueSampleTokens,
  issueSurveyToken,
  listCampaigns,
  openSurvey,
  type SampleTokens,
  updateCampaign,
} from './campaigns.service.js';
import { importSurveyResponsesCsv } from './import.service.js';
import { InstrumentRef } from './instruments.schema.js';
import type { InstrumentRecord } from './instruments.service.js';
import { surveyTokenHash } from './pseudonyms.js';
import {
  enterPaperResponses,
  type PaperBatchResult,
  rebuildCampaignRollups,
  submitSurveyResponse,
  THANKS,
} from './responses.service.js';
import { SurveyClosedError, SurveyTokenError } from './surveys.errors.js';
import type { CampaignRow } from './surveys.repo.js';

const CampaignModeEnum = builder.enumType('CampaignMode', {
  values: {
    AFTER_DOSSIER: {
      value: 'after_dossier',
      description: 'Mã dùng một lần khi trả kết quả hồ sơ. / A single-use token per returned dossier.',
    },
    SAMPLE: { value: 'sample', description: 'Mã phát cho mẫu khảo sát. / Tokens handed to a sample.' },
    OPEN: { value: 'open', description: 'Đường dẫn công khai. / A public link.' },
  } as const,
});

const CampaignStatusEnum = builder.enumType('CampaignStatus', {
  values: { DRAFT: { value: 'draft' }, ACTIVE: { value: 'active' }, CLOSED: { value: 'closed' } } as const,
});

const ResponseChannelEnum = builder.enumType('ResponseChannel', {
  values: {
    IN_PERSON: { value: 'in_person' },
    ONLINE: { value: 'online' },
    POSTAL: { value: 'postal' },
    KIOSK: { value: 'kiosk' },
    PHONE: { value: 'phone' },
    PAPER: { value: 'paper' },
  } as const,
});

const GenderEnum = builder.enumType('Gender', {
  values: { FEMALE: { value: 'female' }, MALE: { value: 'male' }, OTHER: { value: 'other' } } as const,
});

const CoverageDimensionEnum = builder.enumType('CoverageDimension', {
  values: {
    UNIT: { value: 'unit' },
    AGENCY: { value: 'agency' },
    CHANNEL: { value: 'channel' },
    MONTH: { value: 'month' },
  } as const,
});

const TokenProblemEnum = builder.enumType('SurveyTokenProblem', {
  values: {
    UNKNOWN: { value: 'unknown' },
    USED: { value: 'used' },
    EXPIRED: { value: 'expired' },
    OTHER_CAMPAIGN: { value: 'other_campaign' },
  } as const,
});

builder.objectType(SurveyTokenError, {
  name: 'SurveyTokenError',
  description: 'Mã khảo sát không dùng được. / The survey token cannot be used.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.field({ type: TokenProblemEnum, resolve: (error) => error.problem }) }),
});

builder.objectType(SurveyClosedError, {
  name: 'SurveyClosedError',
  description: 'Cuộc khảo sát không nhận trả lời lúc này. / The survey does not take answers now.',
  interfaces: [ErrorInterface],
});

const CampaignSettingsRef = builder.objectRef<CampaignSettings>('CampaignSettings').implement({
  description: 'Ngưỡng chống gian lận và hạn mã. / Anti-abuse thresholds and token validity.',
  fields: (t) => ({
    tokenValidDays: t.exposeInt('tokenValidDays'),
    minSecondsPerItem: t.exposeInt('minSecondsPerItem'),
    straightLiningMinItems: t.exposeInt('straightLiningMinItems'),
    burstWindowMinutes: t.exposeInt('burstWindowMinutes'),
    burstThreshold: t.exposeInt('burstThreshold'),
    rateLimitPerWindow: t.exposeInt('rateLimitPerWindow'),
  }),
});

export const CampaignRef = builder.objectRef<CampaignRow>('Campaign');

builder.node(CampaignRef, {
  description: 'Một cuộc khảo sát. / A survey campaign.',
  id: { resolve: (campaign) => campaign.id },
  loadOne: (id, context) => context.loaders.surveys.campaignById.load(id),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('nameVi'),
    nameEn: t.exposeString('nameEn'),
    mode: t.field({ type: CampaignModeEnum, resolve: (c) => c.mode }),
    status: t.field({ type: CampaignStatusEnum, resolve: (c) => c.status }),
    startsOn: t.field({ type: 'Date', resolve: (c) => c.startsOn }),
    endsOn: t.field({ type: 'Date', resolve: (c) => c.endsOn }),
    instrument: t.field({
      type: InstrumentRef,
      resolve: (c, _args, context) => campaignInstrument(context, c),
    }),
    ownerUnit: t.field({
      type: AdministrativeUnitRef,
      resolve: async (c, _args, context) => (await context.loaders.units.unitById.load(c.ownerUnitId))!,
    }),
    scopeUnits: t.field({
      type: [AdministrativeUnitRef],
      resolve: async (c, _args, context) => {
        const scopes = await context.loaders.surveys.scopesOf.load(c.id);
        const units = await Promise.all(
          scopes.filter((s) => s.unitId).map((s) => context.loaders.units.unitById.load(s.unitId!)),
        );
        return units.filter((u) => u !== null);
      },
    }),
    scopeAgencies: t.field({
      type: [AgencyRef],
      description: 'Cơ quan trong phạm vi khảo sát. / Agencies in the campaign’s scope.',
      resolve: async (c, _args, context) => {
        const scopes = await context.loaders.surveys.scopesOf.load(c.id);
        const agencies = await context.loaders.agencies.agencyById.loadMany(
          scopes.flatMap((s) => (s.agencyId ? [s.agencyId] : [])),
        );
        return agencies.filter((a): a is AgencyRow => a !== null && !(a instanceof Error));
      },
    }),
    scopeProcedures: t.field({
      type: [ProcedureRef],
      description: 'Thủ tục trong phạm vi khảo sát. / Procedures in the campaign’s scope.',
      resolve: async (c, _args, context) => {
        const scopes = await context.loaders.surveys.scopesOf.load(c.id);
        const procedures = await context.loaders.procedures.procedureById.loadMany(
          scopes.flatMap((s) => (s.procedureId ? [s.procedureId] : [])),
        );
        return procedures.filter((p): p is ProcedureRow => p !== null && !(p instanceof Error));
      },
    }),
    settings: t.field({ type: CampaignSettingsRef, resolve: (c) => campaignSettings(c) }),
  }),
});

builder.queryField('campaign', (t) =>
  t.field({
    type: CampaignRef,
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => getCampaign(context, args.code),
  }),
);

builder.queryField('campaigns', (t) =>
  t.field({
    type: [CampaignRef],
    description:
      'Các cuộc khảo sát của đơn vị mà người xem quản trị hoặc theo dõi (mới nhất trước). / The campaigns of the units the viewer administers or follows (newest first).',
    authScopes: { loggedIn: true },
    args: {
      status: t.arg({
        type: [CampaignStatusEnum],
        description: 'Chỉ các trạng thái này. / Only these statuses.',
      }),
    },
    resolve: (_root, args, context) => listCampaigns(context, { statuses: args.status }),
  }),
);

interface SurveyFormShape {
  campaign: CampaignRow;
  instrument: InstrumentRecord;
}

const SurveyFormRef = builder.objectRef<SurveyFormShape>('SurveyForm').implement({
  description: 'Những gì người trả lời cần để điền phiếu. / What a respondent needs to fill in the form.',
  fields: (t) => ({
    campaign: t.field({ type: CampaignRef, resolve: (form) => form.campaign }),
    instrument: t.field({ type: InstrumentRef, resolve: (form) => form.instrument }),
  }),
});

builder.queryField('surveyByToken', (t) =>
  t.field({
    type: SurveyFormRef,
    description: 'Phiếu khảo sát của một mã (mã QR trên phiếu hẹn). / The form behind a survey token.',
    authScopes: { public: true },
    errors: { types: [SurveyTokenError, SurveyClosedError], directResult: true },
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const token = await context.db
        .selectFrom('surveyToken')
        .selectAll()
        .where('tokenHash', '=', surveyTokenHash(args.token))
        .executeTakeFirst();
      if (!token) throw new SurveyTokenError('unknown');
      if (token.usedAt) throw new SurveyTokenError('used');
      if (token.expiresAt.getTime() <= Date.now()) throw new SurveyTokenError('expired');
      const campaign = (await context.loaders.surveys.campaignById.load(token.campaignId))!;
      return { campaign, instrument: await campaignInstrument(context, campaign) };
    },
  }),
);

builder.mutationField('openSurvey', (t) =>
  t.field({
    type: SurveyFormRef,
    description:
      'Mở đường dẫn công khai của cuộc khảo sát (được tính là một lượt mời). / Opens a campaign’s public link (counted as one offer).',
    authScopes: { public: true },
    errors: { types: [NotFoundError, SurveyClosedError, TooManyRequestsError] },
    args: {
      campaignCode: t.arg.string({ required: true }),
      channel: t.arg({ type: ResponseChannelEnum }),
    },
    resolve: (_root, args, context) => openSurvey(context, args.campaignCode, args.channel),
  }),
);

const CampaignScopeInput = builder.inputType('CampaignScopeInput', {
  fields: (t) => ({
    units: t.globalIDList({ for: AdministrativeUnitRef }),
    agencyCodes: t.stringList(),
    procedureCodes: t.stringList(),
  }),
});

const CampaignSettingsInput = builder.inputType('CampaignSettingsInput', {
  fields: (t) => ({
    tokenValidDays: t.int(),
    minSecondsPerItem: t.int(),
    straightLiningMinItems: t.int(),
    burstWindowMinutes: t.int(),
    burstThreshold: t.int(),
    rateLimitPerWindow: t.int(),
  }),
});

const InstrumentRefInput = builder.inputType('CampaignInstrumentInput', {
  fields: (t) => ({ code: t.string({ required: true }), version: t.string({ required: true }) }),
});

function scopeOf(scope: typeof CampaignScopeInput.$inferInput | null | undefined) {
  if (!scope) return null;
  return {
    unitIds: scope.units?.map((u) => u.id) ?? null,
    agencyCodes: scope.agencyCodes ?? null,
    procedureCodes: scope.procedureCodes ?? null,
  };
}

function settingsOf(settings: typeof CampaignSettingsInput.$inferInput | null | undefined) {
  if (!settings) return null;
  return Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v != null),
  ) as Partial<CampaignSettings>;
}

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    ownerUnit: t.globalID({ required: true, for: AdministrativeUnitRef }),
    instrument: t.field({ type: InstrumentRefInput, required: true }),
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    mode: t.field({ type: CampaignModeEnum, required: true }),
    startsOn: t.field({ type: 'Date', required: true, validate: civilDateInput }),
    endsOn: t.field({ type: 'Date', required: true, validate: civilDateInput }),
    scope: t.field({ type: CampaignScopeInput }),
    settings: t.field({ type: CampaignSettingsInput }),
  }),
});

const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', {
  fields: (t) => ({
    name: t.string(),
    nameEn: t.string(),
    startsOn: t.field({ type: 'Date', validate: civilDateInput }),
    endsOn: t.field({ type: 'Date', validate: civilDateInput }),
    scope: t.field({ type: CampaignScopeInput }),
    settings: t.field({ type: CampaignSettingsInput }),
  }),
});

const ADMIN_ERRORS = [ForbiddenError, NotFoundError, ConflictError];

builder.mutationField('createCampaign', (t) =>
  t.field({
    type: CampaignRef,
    description:
      'Tạo cuộc khảo sát (quản trị của đơn vị sở hữu). / Creates a campaign (admins of the owning unit).',
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: CreateCampaignInput, required: true }) },
    resolve: (_root, { input }, context) =>
      createCampaign(context, {
        code: input.code,
        ownerUnitId: input.ownerUnit.id,
        instrument: input.instrument,
        nameVi: input.name,
        nameEn: input.nameEn,
        mode: input.mode,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        scope: scopeOf(input.scope),
        settings: settingsOf(input.settings),
      }),
  }),
);

builder.mutationField('updateCampaign', (t) =>
  t.field({
    type: CampaignRef,
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: {
      code: t.arg.string({ required: true }),
      input: t.arg({ type: UpdateCampaignInput, required: true }),
    },
    resolve: (_root, { code, input }, context) =>
      updateCampaign(context, code, {
        nameVi: input.name,
        nameEn: input.nameEn,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        scope: scopeOf(input.scope),
        settings: settingsOf(input.settings),
      }),
  }),
);

builder.mutationField('closeCampaign', (t) =>
  t.field({
    type: CampaignRef,
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, { code }, context) => closeCampaign(context, code),
  }),
);

export const IssuedTokenRef = builder
  .objectRef<{ token: string; url: string; expiresAt: Date; campaign: CampaignRow }>('IssuedSurveyToken')
  .implement({
    description:
      'Mã khảo sát dùng một lần; chỉ hiện một lần, hệ thống không lưu mã gốc. / A single-use token; shown once, never stored in clear.',
    fields: (t) => ({
      token: t.exposeString('token'),
      url: t.exposeString('url', { description: 'Đường dẫn cho mã QR. / The path for the QR code.' }),
      expiresAt: t.string({ resolve: (issued) => issued.expiresAt.toISOString() }),
      campaign: t.field({ type: CampaignRef, resolve: (issued) => issued.campaign }),
    }),
  });

builder.mutationField('issueSurveyToken', (t) =>
  t.field({
    type: IssuedTokenRef,
    description:
      'Phát mã khảo sát khi trả kết quả hồ sơ (cán bộ một cửa). / Issues a survey token when a dossier’s result is returned (desk officers).',
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: {
      dossierId: t.arg.id({ required: true }),
      campaignCode: t.arg.string(),
    },
    resolve: (_root, args, context) => issueSurveyToken(context, String(args.dossierId), args.campaignCode),
  }),
);

const SampleTokensRef = builder.objectRef<SampleTokens>('SampleTokens').implement({
  fields: (t) => ({
    tokens: t.field({
      type: [
        builder
          .objectRef<{ token: string; url: string }>('SampleToken')
          .implement({ fields: (f) => ({ token: f.exposeString('token'), url: f.exposeString('url') }) }),
      ],
      resolve: (issued) => issued.tokens,
    }),
    expiresAt: t.string({ resolve: (issued) => issued.expiresAt.toISOString() }),
    campaign: t.field({ type: CampaignRef, resolve: (issued) => issued.campaign }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Cơ quan được phát mã, nếu có. / The agency the tokens were issued for, if any.',
      resolve: (issued) => issued.agency,
    }),
  }),
});

builder.mutationField('issueSampleTokens', (t) =>
  t.field({
    type: SampleTokensRef,
    authScopes: { loggedIn: true },
    errors: { types: [...ADMIN_ERRORS, SurveyClosedError] },
    args: {
      campaignCode: t.arg.string({ required: true }),
      count: t.arg.int({ required: true }),
      agencyCode: t.arg.string(),
      channel: t.arg({ type: ResponseChannelEnum }),
    },
    resolve: (_root, args, context) => issueSampleTokens(context, args),
  }),
);

const SubmitSurveyResponseInput = builder.inputType('SubmitSurveyResponseInput', {
  fields: (t) => ({
    token: t.string({
      description: 'Mã trên phiếu hẹn (khảo sát sau hồ sơ, theo mẫu). / The receipt token.',
    }),
    campaignCode: t.string({ description: 'Cuộc khảo sát công khai. / An open campaign.' }),
    idempotencyKey: t.string({
      required: true,
      description: 'Do máy khách sinh, giữ nguyên khi gửi lại. / Made by the client, kept on retries.',
    }),
    answers: t.field({
      type: ['Int'],
      required: { list: true, items: false },
      description: 'Theo thứ tự câu hỏi; null = không trả lời. / In item order; null = not answered.',
    }),
    startedAt: t.string({ description: 'ISO 8601, lúc mở phiếu. / When the form was opened.' }),
    gender: t.field({ type: GenderEnum }),
    ageBand: t.string(),
    education: t.string(),
    channel: t.field({ type: ResponseChannelEnum }),
    freeText: t.string(),
  }),
});

const SubmissionRef = builder
  .objectRef<{ responseId: string; created: boolean }>('SurveySubmission')
  .implement({
    fields: (t) => ({
      responseId: t.exposeID('responseId'),
      created: t.exposeBoolean('created', {
        description: 'False khi là lần gửi lại (trả kết quả lần đầu). / False for a retry.',
      }),
      thanks: t.string({ resolve: () => THANKS.vi }),
      thanksEn: t.string({ resolve: () => THANKS.en }),
    }),
  });

builder.mutationField('submitSurveyResponse', (t) =>
  t.field({
    type: SubmissionRef,
    description: 'Gửi câu trả lời khảo sát (không cần đăng nhập). / Submits survey answers (no login).',
    authScopes: { public: true },
    errors: {
      types: [NotFoundError, ConflictError, SurveyTokenError, SurveyClosedError, TooManyRequestsError],
    },
    args: { input: t.arg({ type: SubmitSurveyResponseInput, required: true }) },
    resolve: (_root, { input }, context) => {
      const startedAt = input.startedAt ? new Date(input.startedAt) : null;
      return submitSurveyResponse(context, {
        ...input,
        answers: input.answers.map((a) => a ?? null),
        startedAt: startedAt && !Number.isNaN(startedAt.getTime()) ? startedAt : null,
      });
    },
  }),
);

const PaperRowInput = builder.inputType('PaperResponseInput', {
  fields: (t) => ({
    answers: t.field({ type: ['Int'], required: { list: true, items: false } }),
    gender: t.field({ type: GenderEnum }),
    ageBand: t.string(),
    education: t.string(),
    freeText: t.string(),
  }),
});

const PaperBatchRef = builder.objectRef<PaperBatchResult>('PaperResponseBatch').implement({
  fields: (t) => ({
    campaign: t.field({ type: CampaignRef, resolve: (batch) => batch.campaign }),
    agency: t.field({
      type: AgencyRef,
      description: 'Cơ quan thu phiếu. / The agency that collected the forms.',
      resolve: (batch) => batch.agency,
    }),
    responseIds: t.exposeIDList('responseIds'),
    inserted: t.exposeInt('inserted'),
    alreadyRecorded: t.exposeInt('alreadyRecorded'),
  }),
});

builder.mutationField('enterPaperResponses', (t) =>
  t.field({
    type: PaperBatchRef,
    description:
      'Nhập một lô phiếu giấy (tất cả hoặc không phiếu nào). / Enters a batch of paper forms (all or nothing).',
    authScopes: { loggedIn: true },
    errors: { types: [...ADMIN_ERRORS, SurveyClosedError] },
    args: {
      campaignCode: t.arg.string({ required: true }),
      agencyCode: t.arg.string({ required: true }),
      batchKey: t.arg.string({ required: true }),
      collectedOn: t.arg({ type: 'Date', validate: civilDateInput }),
      rows: t.arg({ type: [PaperRowInput], required: true }),
    },
    resolve: (_root, args, context) =>
      enterPaperResponses(context, {
        ...args,
        rows: args.rows.map((row) => ({ ...row, answers: row.answers.map((a) => a ?? null) })),
      }),
  }),
);

const ImportRowErrorRef = builder
  .objectRef<{ line: number; path: string[]; message: string; messageEn: string }>('ImportRowError')
  .implement({
    fields: (t) => ({
      line: t.exposeInt('line', {
        description: 'Số dòng trong tệp CSV (dòng tiêu đề là 1). / CSV line (header = 1).',
      }),
      path: t.exposeStringList('path'),
      message: t.exposeString('message'),
      messageEn: t.exposeString('messageEn'),
    }),
  });

const ImportResultRef = builder
  .objectRef<{
    rows: number;
    inserted: number;
    alreadyImported: number;
    rowErrors: { line: number; path: string[]; message: string; messageEn: string }[];
  }>('SurveyImportResult')
  .implement({
    fields: (t) => ({
      rows: t.exposeInt('rows'),
      inserted: t.exposeInt('inserted'),
      alreadyImported: t.exposeInt('alreadyImported'),
      rowErrors: t.field({ type: [ImportRowErrorRef], resolve: (result) => result.rowErrors }),
    }),
  });

builder.mutationField('importSurveyResponses', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      'Nhập câu trả lời của khảo sát thực hiện nơi khác từ CSV; dòng lỗi được báo, dòng hợp lệ được lưu. / Imports responses of a survey run elsewhere from CSV; bad rows are reported, good ones stored.',
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: {
      campaignCode: t.arg.string({ required: true }),
      batchKey: t.arg.string({ required: true }),
      csv: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const campaign = await getCampaign(context, args.campaignCode);
      if (!(await context.access.coversUnit(campaign.ownerUnitId, ['unit_admin'])))
        throw new ForbiddenError();
      return importSurveyResponsesCsv(context.db, {
        campaignId: campaign.id,
        batchKey: args.batchKey,
        csv: args.csv,
        viewer: context.viewer,
      });
    },
  }),
);

const RebuildRef = builder.objectRef<{ cells: number; responses: number }>('RollupRebuild').implement({
  fields: (t) => ({ cells: t.exposeInt('cells'), responses: t.exposeInt('responses') }),
});

builder.mutationField('rebuildRollups', (t) =>
  t.field({
    type: RebuildRef,
    description:
      'Tính lại số liệu tổng hợp của cuộc khảo sát từ câu trả lời gốc. / Recomputes a campaign’s rollups from raw responses.',
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: { campaignCode: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => rebuildCampaignRollups(context, args.campaignCode),
  }),
);

const CoverageRef = builder.objectRef<CoverageRow>('CampaignCoverage').implement({
  description:
    'Độ phủ: đã phục vụ, đã mời, đã trả lời và tỷ lệ. / Coverage: served, offered, responded and rates.',
  fields: (t) => ({
    unit: t.field({
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (row, _args, context) => (row.unitId ? context.loaders.units.unitById.load(row.unitId) : null),
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      resolve: (row, _args, context) =>
        row.agencyId ? context.loaders.agencies.agencyById.load(row.agencyId) : null,
    }),
    channel: t.field({
      type: ResponseChannelEnum,
      nullable: true,
      resolve: (row) => row.channel as 'online' | null,
    }),
    month: t.field({ type: 'Date', nullable: true, resolve: (row) => row.periodMonth }),
    served: t.exposeInt('served'),
    offered: t.exposeInt('offered'),
    responded: t.exposeInt('responded'),
    responseRate: t.float({
      nullable: true,
      description: 'Đã trả lời / đã mời. / Responded over offered.',
      resolve: (row) => (row.offered > 0 ? row.responded / row.offered : null),
    }),
    coverageRate: t.float({
      nullable: true,
      description: 'Đã trả lời / đã phục vụ. / Responded over served.',
      resolve: (row) => (row.served > 0 ? row.responded / row.served : null),
    }),
  }),
});

builder.queryField('campaignCoverage', (t) =>
  t.field({
    type: [CoverageRef],
    nullable: { list: true, items: false },
    description: 'Độ phủ của cuộc khảo sát theo nhóm. / A campaign’s coverage counts, grouped.',
    authScopes: { loggedIn: true },
    args: {
      campaignCode: t.arg.string({ required: true }),
      groupBy: t.arg({ type: [CoverageDimensionEnum], required: true }),
    },
    resolve: async (_root, args, context) =>
      (await campaignCoverage(context, args.campaignCode, args.groupBy)).rows,
  }),
);
