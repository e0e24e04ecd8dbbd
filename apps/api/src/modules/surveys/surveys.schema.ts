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
import { importHeader, importSurveyResponsesCsv } from './import.service.js';
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
  description: 'Cách người trả lời đến với cuộc khảo sát. / How respondents reach the campaign.',
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
  description: 'Trạng thái cuộc khảo sát. / Campaign status.',
  values: {
    DRAFT: {
      value: 'draft',
      description: 'Đang soạn, chưa nhận trả lời. / Being prepared; takes no answers.',
    },
    ACTIVE: {
      value: 'active',
      description: 'Đang nhận trả lời trong thời gian chạy. / Taking answers within its dates.',
    },
    CLOSED: { value: 'closed', description: 'Đã đóng. / Closed.' },
  } as const,
});

const ResponseChannelEnum = builder.enumType('ResponseChannel', {
  description:
    'Kênh thu câu trả lời (hoặc kênh được phục vụ). / Channel of the response (or of the service).',
  values: {
    IN_PERSON: { description: 'Trực tiếp tại quầy. / In person at the desk.', value: 'in_person' },
    ONLINE: { description: 'Trực tuyến. / Online.', value: 'online' },
    POSTAL: { description: 'Bưu chính. / By post.', value: 'postal' },
    KIOSK: { description: 'Máy đánh giá tại chỗ. / On-site kiosk.', value: 'kiosk' },
    PHONE: { description: 'Điện thoại. / Phone.', value: 'phone' },
    PAPER: { description: 'Phiếu giấy do cán bộ nhập. / Paper form entered by an officer.', value: 'paper' },
  } as const,
});

const GenderEnum = builder.enumType('Gender', {
  description:
    "Giới tính người trả lời (tuỳ chọn, để gia quyền). / Respondent's gender (optional, for weighting).",
  values: {
    FEMALE: { value: 'female', description: 'Nữ. / Female.' },
    MALE: { value: 'male', description: 'Nam. / Male.' },
    OTHER: { value: 'other', description: 'Khác. / Other.' },
  } as const,
});

const CoverageDimensionEnum = builder.enumType('CoverageDimension', {
  description: 'Chiều nhóm số liệu độ phủ. / A dimension to group coverage counts by.',
  values: {
    UNIT: { description: 'Theo đơn vị hành chính. / By administrative unit.', value: 'unit' },
    AGENCY: { description: 'Theo cơ quan. / By agency.', value: 'agency' },
    CHANNEL: { description: 'Theo kênh. / By channel.', value: 'channel' },
    MONTH: { description: 'Theo tháng. / By month.', value: 'month' },
  } as const,
});

const TokenProblemEnum = builder.enumType('SurveyTokenProblem', {
  description: 'Vì sao mã khảo sát không dùng được. / Why a survey token cannot be used.',
  values: {
    UNKNOWN: { description: 'Mã không tồn tại. / No such token.', value: 'unknown' },
    USED: { description: 'Mã đã được dùng. / Already used.', value: 'used' },
    EXPIRED: { description: 'Mã đã hết hạn. / Expired.', value: 'expired' },
    OTHER_CAMPAIGN: {
      description: 'Mã thuộc cuộc khảo sát khác. / Belongs to another campaign.',
      value: 'other_campaign',
    },
  } as const,
});

builder.objectType(SurveyTokenError, {
  name: 'SurveyTokenError',
  description: 'Mã khảo sát không dùng được. / The survey token cannot be used.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problem: t.field({
      type: TokenProblemEnum,
      description: 'Vì sao mã không dùng được. / Why the token cannot be used.',
      resolve: (error) => error.problem,
    }),
  }),
});

builder.objectType(SurveyClosedError, {
  name: 'SurveyClosedError',
  description: 'Cuộc khảo sát không nhận trả lời lúc này. / The survey does not take answers now.',
  interfaces: [ErrorInterface],
});

const CampaignSettingsRef = builder.objectRef<CampaignSettings>('CampaignSettings').implement({
  description: 'Ngưỡng chống gian lận và hạn mã. / Anti-abuse thresholds and token validity.',
  fields: (t) => ({
    tokenValidDays: t.exposeInt('tokenValidDays', {
      description:
        'Số ngày mã còn hiệu lực sau khi phát (không quá ngày kết thúc). / Days a token stays valid after issue (never past the end).',
    }),
    minSecondsPerItem: t.exposeInt('minSecondsPerItem', {
      description:
        'Dưới số giây này cho mỗi câu thì gắn cờ "quá nhanh". / Below this many seconds per answered item a response is flagged too fast.',
    }),
    straightLiningMinItems: t.exposeInt('straightLiningMinItems', {
      description:
        'Từ số câu này trở lên mà mọi câu trả lời giống nhau thì gắn cờ. / At least this many answered items all equal: flagged straight-lining.',
    }),
    burstWindowMinutes: t.exposeInt('burstWindowMinutes', {
      description:
        'Độ dài cửa sổ đếm theo nguồn (phút). / Length of the per-source counting window (minutes).',
    }),
    burstThreshold: t.exposeInt('burstThreshold', {
      description:
        'Quá số lượt gửi này từ một nguồn trong cửa sổ thì gắn cờ "dồn dập". / More submissions than this from one source in a window: flagged burst.',
    }),
    rateLimitPerWindow: t.exposeInt('rateLimitPerWindow', {
      description:
        'Quá số lượt này từ một nguồn trong cửa sổ thì đường dẫn công khai từ chối. / More hits than this from one source in a window: the public link refuses.',
    }),
  }),
});

export const CampaignRef = builder.objectRef<CampaignRow>('Campaign');

builder.node(CampaignRef, {
  description: 'Một cuộc khảo sát. / A survey campaign.',
  id: { resolve: (campaign) => campaign.id },
  loadOne: (id, context) => context.loaders.surveys.campaignById.load(id),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã cuộc khảo sát, duy nhất. / Campaign code, unique.' }),
    name: t.exposeString('nameVi', { description: 'Tên, tiếng Việt. / Vietnamese name.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên, tiếng Anh. / English name.' }),
    mode: t.field({
      type: CampaignModeEnum,
      description: 'Sau hồ sơ, theo mẫu hay công khai. / After each dossier, sample or open.',
      resolve: (c) => c.mode,
    }),
    status: t.field({
      type: CampaignStatusEnum,
      description: 'Đang soạn, đang chạy hay đã đóng. / Draft, active or closed.',
      resolve: (c) => c.status,
    }),
    startsOn: t.field({
      type: 'Date',
      description: 'Ngày bắt đầu nhận trả lời. / First day answers are taken.',
      resolve: (c) => c.startsOn,
    }),
    endsOn: t.field({
      type: 'Date',
      description: 'Ngày cuối nhận trả lời. / Last day answers are taken.',
      resolve: (c) => c.endsOn,
    }),
    instrument: t.field({
      description: 'Bộ câu hỏi (phiên bản đã công bố). / The instrument (a published version).',
      type: InstrumentRef,
      resolve: (c, _args, context) => campaignInstrument(context, c),
    }),
    ownerUnit: t.field({
      description: 'Đơn vị tổ chức. / The organising unit.',
      type: AdministrativeUnitRef,
      resolve: async (c, _args, context) => (await context.loaders.units.unitById.load(c.ownerUnitId))!,
    }),
    scopeUnits: t.field({
      description: "Các đơn vị trong phạm vi khảo sát. / Units in the campaign's scope.",
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
    settings: t.field({
      type: CampaignSettingsRef,
      description: 'Ngưỡng chống gian lận và hạn mã. / Anti-abuse thresholds and token validity.',
      resolve: (c) => campaignSettings(c),
    }),
    importColumns: t.stringList({
      description:
        'Các cột của tệp CSV mà `importSurveyResponses` nhận, theo thứ tự: row_key, agency_code, month (YYYY-MM), channel, weight, gender, age_band, education, rồi mã từng câu hỏi theo thứ tự trả lời. / The columns `importSurveyResponses` expects, in order: row_key, agency_code, month (YYYY-MM), channel, weight, gender, age_band, education, then each item code in answer order.',
      resolve: async (c, _args, context) => importHeader((await campaignInstrument(context, c)).definition),
    }),
  }),
});

builder.queryField('campaign', (t) =>
  t.field({
    description:
      'Một cuộc khảo sát theo mã (cán bộ có quyền với đơn vị tổ chức). / A campaign by code (staff covering its unit).',
    type: CampaignRef,
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: { code: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }) },
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
    campaign: t.field({
      type: CampaignRef,
      description: 'Cuộc khảo sát. / The campaign.',
      resolve: (form) => form.campaign,
    }),
    instrument: t.field({
      type: InstrumentRef,
      description: 'Bộ câu hỏi cần trả lời. / The instrument to answer.',
      resolve: (form) => form.instrument,
    }),
  }),
});

builder.queryField('surveyByToken', (t) =>
  t.field({
    type: SurveyFormRef,
    description: 'Phiếu khảo sát của một mã (mã QR trên phiếu hẹn). / The form behind a survey token.',
    authScopes: { public: true },
    errors: { types: [SurveyTokenError, SurveyClosedError], directResult: true },
    args: {
      token: t.arg.string({
        description: 'Mã khảo sát (trong mã QR). / The survey token (from the QR code).',
        required: true,
      }),
    },
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
      campaignCode: t.arg.string({
        description: 'Mã cuộc khảo sát công khai. / Code of an open campaign.',
        required: true,
      }),
      channel: t.arg({
        description: "Kênh người trả lời đang dùng. / The respondent's channel.",
        type: ResponseChannelEnum,
      }),
    },
    resolve: (_root, args, context) => openSurvey(context, args.campaignCode, args.channel),
  }),
);

const CampaignScopeInput = builder.inputType('CampaignScopeInput', {
  description:
    "Phạm vi cuộc khảo sát; bỏ trống = toàn đơn vị tổ chức. / The campaign's scope; empty = the whole owning unit.",
  fields: (t) => ({
    units: t.globalIDList({
      description: 'ID toàn cục của các AdministrativeUnit. / Global IDs of AdministrativeUnits.',
      for: AdministrativeUnitRef,
    }),
    agencyCodes: t.stringList({ description: 'Mã các cơ quan. / Agency codes.' }),
    procedureCodes: t.stringList({ description: 'Mã TTHC. / National procedure codes.' }),
  }),
});

const CampaignSettingsInput = builder.inputType('CampaignSettingsInput', {
  description:
    'Ngưỡng của cuộc khảo sát; trường bỏ trống giữ mặc định. / Campaign thresholds; omitted ones keep the default.',
  fields: (t) => ({
    tokenValidDays: t.int({
      description: 'Số ngày mã còn hiệu lực (mặc định 30). / Days a token stays valid (default 30).',
    }),
    minSecondsPerItem: t.int({
      description: 'Số giây tối thiểu mỗi câu (mặc định 2). / Minimum seconds per item (default 2).',
    }),
    straightLiningMinItems: t.int({
      description: 'Ngưỡng trả lời giống nhau (mặc định 10). / Straight-lining threshold (default 10).',
    }),
    burstWindowMinutes: t.int({
      description: 'Cửa sổ đếm, phút (mặc định 10). / Counting window in minutes (default 10).',
    }),
    burstThreshold: t.int({
      description: 'Ngưỡng gửi dồn dập (mặc định 10). / Burst threshold (default 10).',
    }),
    rateLimitPerWindow: t.int({
      description:
        'Giới hạn lượt mở đường dẫn công khai mỗi cửa sổ (mặc định 60). / Public link hits allowed per window (default 60).',
    }),
  }),
});

const InstrumentRefInput = builder.inputType('CampaignInstrumentInput', {
  description: "Bộ câu hỏi của cuộc khảo sát. / The campaign's instrument.",
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Mã bộ câu hỏi, ví dụ SIPAS. / Instrument code, e.g. SIPAS.',
    }),
    version: t.string({
      required: true,
      description: 'Phiên bản đã công bố, ví dụ 2017. / A published version, e.g. 2017.',
    }),
  }),
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
  description: 'Một cuộc khảo sát mới. / A new campaign.',
  fields: (t) => ({
    code: t.string({ description: 'Mã, duy nhất. / Code, unique.', required: true }),
    ownerUnit: t.globalID({
      description:
        'ID toàn cục của AdministrativeUnit tổ chức. / Global ID of the organising AdministrativeUnit.',
      required: true,
      for: AdministrativeUnitRef,
    }),
    instrument: t.field({
      type: InstrumentRefInput,
      description: 'Bộ câu hỏi (phiên bản đã công bố). / The instrument (a published version).',
      required: true,
    }),
    name: t.string({ description: 'Tên tiếng Việt. / Vietnamese name.', required: true }),
    nameEn: t.string({ description: 'Tên tiếng Anh. / English name.', required: true }),
    mode: t.field({
      type: CampaignModeEnum,
      description: 'Sau hồ sơ, theo mẫu hay công khai. / After each dossier, sample or open.',
      required: true,
    }),
    startsOn: t.field({
      type: 'Date',
      description: 'Ngày bắt đầu (YYYY-MM-DD). / First day (YYYY-MM-DD).',
      required: true,
      validate: civilDateInput,
    }),
    endsOn: t.field({
      type: 'Date',
      description: 'Ngày kết thúc (YYYY-MM-DD). / Last day (YYYY-MM-DD).',
      required: true,
      validate: civilDateInput,
    }),
    scope: t.field({ description: 'Phạm vi. / Scope.', type: CampaignScopeInput }),
    settings: t.field({
      description: 'Ngưỡng (mặc định nếu bỏ trống). / Thresholds (defaults when omitted).',
      type: CampaignSettingsInput,
    }),
  }),
});

const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', {
  description:
    'Thay đổi cuộc khảo sát; chỉ các trường được gửi mới thay đổi. / Changes to a campaign; only the fields sent change.',
  fields: (t) => ({
    name: t.string({ description: 'Tên tiếng Việt. / Vietnamese name.' }),
    nameEn: t.string({ description: 'Tên tiếng Anh. / English name.' }),
    startsOn: t.field({ type: 'Date', description: 'Ngày bắt đầu. / First day.', validate: civilDateInput }),
    endsOn: t.field({ type: 'Date', description: 'Ngày kết thúc. / Last day.', validate: civilDateInput }),
    scope: t.field({ description: 'Phạm vi mới. / New scope.', type: CampaignScopeInput }),
    settings: t.field({ description: 'Ngưỡng mới. / New thresholds.', type: CampaignSettingsInput }),
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
    args: {
      input: t.arg({
        type: CreateCampaignInput,
        description: 'Cuộc khảo sát mới. / The new campaign.',
        required: true,
      }),
    },
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
    description: 'Sửa cuộc khảo sát (quản trị đơn vị tổ chức). / Edits a campaign (admins of its unit).',
    type: CampaignRef,
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: {
      code: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }),
      input: t.arg({
        type: UpdateCampaignInput,
        description: 'Các trường cần đổi. / Fields to change.',
        required: true,
      }),
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
    description:
      'Đóng cuộc khảo sát: không nhận thêm trả lời. / Closes a campaign: no more answers are taken.',
    type: CampaignRef,
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: { code: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }) },
    resolve: (_root, { code }, context) => closeCampaign(context, code),
  }),
);

export const IssuedTokenRef = builder
  .objectRef<{ token: string; url: string; expiresAt: Date; campaign: CampaignRow }>('IssuedSurveyToken')
  .implement({
    description:
      'Mã khảo sát dùng một lần; chỉ hiện một lần, hệ thống không lưu mã gốc. / A single-use token; shown once, never stored in clear.',
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'Mã (chỉ hiện lần này). / The token (shown this once).',
      }),
      url: t.exposeString('url', { description: 'Đường dẫn cho mã QR. / The path for the QR code.' }),
      expiresAt: t.string({
        description: 'Hạn dùng (ISO 8601). / When it expires (ISO 8601).',
        resolve: (issued) => issued.expiresAt.toISOString(),
      }),
      campaign: t.field({
        type: CampaignRef,
        description: 'Cuộc khảo sát. / The campaign.',
        resolve: (issued) => issued.campaign,
      }),
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
      dossierId: t.arg.id({
        description:
          'ID toàn cục của hồ sơ (Dossier) đã trả kết quả, hoặc số hiệu nội bộ của hồ sơ. / Global ID of the Dossier whose result was returned, or the dossier’s row number.',
        required: true,
      }),
      campaignCode: t.arg.string({
        description:
          'Mã cuộc khảo sát (mặc định: cuộc sau hồ sơ đang chạy phủ hồ sơ). / Campaign code (default: the active after-dossier campaign covering it).',
      }),
    },
    resolve: (_root, args, context) => issueSurveyToken(context, String(args.dossierId), args.campaignCode),
  }),
);

const SampleTokensRef = builder.objectRef<SampleTokens>('SampleTokens').implement({
  description: 'Một lô mã cho mẫu khảo sát; chỉ hiện một lần. / A batch of tokens for a sample; shown once.',
  fields: (t) => ({
    tokens: t.field({
      description: 'Các mã và đường dẫn. / The tokens and their paths.',
      type: [
        builder.objectRef<{ token: string; url: string }>('SampleToken').implement({
          description: 'Một mã của mẫu. / One sample token.',
          fields: (f) => ({
            token: f.exposeString('token', {
              description: 'Mã (chỉ hiện lần này). / The token (shown this once).',
            }),
            url: f.exposeString('url', { description: 'Đường dẫn cho mã QR. / The path for the QR code.' }),
          }),
        }),
      ],
      resolve: (issued) => issued.tokens,
    }),
    expiresAt: t.string({
      description: 'Hạn dùng (ISO 8601). / When they expire (ISO 8601).',
      resolve: (issued) => issued.expiresAt.toISOString(),
    }),
    campaign: t.field({
      type: CampaignRef,
      description: 'Cuộc khảo sát. / The campaign.',
      resolve: (issued) => issued.campaign,
    }),
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
    description:
      'Phát một lô mã cho mẫu khảo sát (được tính là lượt mời). / Issues a batch of tokens to a sample (counted as offers).',
    type: SampleTokensRef,
    authScopes: { loggedIn: true },
    errors: { types: [...ADMIN_ERRORS, SurveyClosedError] },
    args: {
      campaignCode: t.arg.string({
        description: 'Mã cuộc khảo sát theo mẫu. / Code of a sample campaign.',
        required: true,
      }),
      count: t.arg.int({ description: 'Số mã cần phát. / How many tokens.', required: true }),
      agencyCode: t.arg.string({ description: 'Cơ quan được phát mã. / The agency the tokens are for.' }),
      channel: t.arg({
        description: 'Kênh phát mã. / Channel the tokens go out by.',
        type: ResponseChannelEnum,
      }),
    },
    resolve: (_root, args, context) => issueSampleTokens(context, args),
  }),
);

const SubmitSurveyResponseInput = builder.inputType('SubmitSurveyResponseInput', {
  description: 'Một phiếu trả lời. / One response.',
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
    gender: t.field({ description: 'Giới tính (tuỳ chọn). / Gender (optional).', type: GenderEnum }),
    ageBand: t.string({
      description:
        'Nhóm tuổi, ví dụ "25-34" (tuỳ chọn, tối đa 32 ký tự). / Age band, e.g. "25-34" (optional, at most 32 characters).',
    }),
    education: t.string({
      description:
        'Trình độ học vấn (tuỳ chọn, tối đa 64 ký tự). / Education (optional, at most 64 characters).',
    }),
    channel: t.field({
      description: 'Kênh được phục vụ. / Channel of the service.',
      type: ResponseChannelEnum,
    }),
    freeText: t.string({
      description:
        'Ý kiến thêm (tuỳ chọn, tối đa 2000 ký tự). / Other comments (optional, at most 2000 characters).',
    }),
  }),
});

const SubmissionRef = builder
  .objectRef<{ responseId: string; created: boolean }>('SurveySubmission')
  .implement({
    description: 'Kết quả gửi phiếu. / The outcome of a submission.',
    fields: (t) => ({
      responseId: t.exposeID('responseId', { description: 'Mã phiếu đã lưu. / Id of the stored response.' }),
      created: t.exposeBoolean('created', {
        description: 'False khi là lần gửi lại (trả kết quả lần đầu). / False for a retry.',
      }),
      thanks: t.string({
        description: 'Lời cảm ơn, tiếng Việt. / Thanks, in Vietnamese.',
        resolve: () => THANKS.vi,
      }),
      thanksEn: t.string({
        description: 'Lời cảm ơn, tiếng Anh. / Thanks, in English.',
        resolve: () => THANKS.en,
      }),
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
    args: {
      input: t.arg({
        type: SubmitSurveyResponseInput,
        description: 'Phiếu trả lời. / The response.',
        required: true,
      }),
    },
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
  description: 'Một phiếu giấy. / One paper form.',
  fields: (t) => ({
    answers: t.field({
      type: ['Int'],
      description: 'Theo thứ tự câu hỏi; null = không trả lời. / In item order; null = not answered.',
      required: { list: true, items: false },
    }),
    gender: t.field({ description: 'Giới tính. / Gender.', type: GenderEnum }),
    ageBand: t.string({ description: 'Nhóm tuổi. / Age band.' }),
    education: t.string({ description: 'Trình độ học vấn. / Education.' }),
    freeText: t.string({ description: 'Ý kiến thêm. / Other comments.' }),
  }),
});

const PaperBatchRef = builder.objectRef<PaperBatchResult>('PaperResponseBatch').implement({
  description: 'Một lô phiếu giấy đã nhập. / An entered batch of paper forms.',
  fields: (t) => ({
    campaign: t.field({
      type: CampaignRef,
      description: 'Cuộc khảo sát. / The campaign.',
      resolve: (batch) => batch.campaign,
    }),
    agency: t.field({
      type: AgencyRef,
      description: 'Cơ quan thu phiếu. / The agency that collected the forms.',
      resolve: (batch) => batch.agency,
    }),
    responseIds: t.exposeIDList('responseIds', {
      description: 'Mã các phiếu, theo thứ tự nhập. / Ids of the responses, in entry order.',
    }),
    inserted: t.exposeInt('inserted', { description: 'Số phiếu mới lưu. / Forms stored now.' }),
    alreadyRecorded: t.exposeInt('alreadyRecorded', {
      description:
        'Số phiếu đã có từ lần nhập trước cùng batchKey. / Forms already stored by an earlier entry with the same batchKey.',
    }),
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
      campaignCode: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }),
      agencyCode: t.arg.string({
        description: 'Cơ quan thu phiếu. / The agency that collected them.',
        required: true,
      }),
      batchKey: t.arg.string({
        description: 'Khoá của lô, giữ nguyên khi nhập lại. / Key of the batch, kept on retries.',
        required: true,
      }),
      collectedOn: t.arg({
        type: 'Date',
        description: 'Ngày thu phiếu (mặc định hôm nay). / Day the forms were collected (default today).',
        validate: civilDateInput,
      }),
      rows: t.arg({ type: [PaperRowInput], description: 'Các phiếu. / The forms.', required: true }),
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
    description: 'Lỗi của một dòng CSV. / An error on one CSV line.',
    fields: (t) => ({
      line: t.exposeInt('line', {
        description: 'Số dòng trong tệp CSV (dòng tiêu đề là 1). / CSV line (header = 1).',
      }),
      path: t.exposeStringList('path', {
        description: 'Đường dẫn trường trong dòng. / Field path within the line.',
      }),
      message: t.exposeString('message', { description: 'Thông báo tiếng Việt. / Vietnamese message.' }),
      messageEn: t.exposeString('messageEn', { description: 'Thông báo tiếng Anh. / English message.' }),
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
    description: 'Kết quả nhập câu trả lời từ CSV. / The outcome of a CSV response import.',
    fields: (t) => ({
      rows: t.exposeInt('rows', { description: 'Số dòng dữ liệu đã đọc. / Data lines read.' }),
      inserted: t.exposeInt('inserted', { description: 'Số phiếu mới lưu. / Responses stored now.' }),
      alreadyImported: t.exposeInt('alreadyImported', {
        description:
          'Số phiếu đã có từ lần nhập trước cùng batchKey. / Responses already stored under this batchKey.',
      }),
      rowErrors: t.field({
        type: [ImportRowErrorRef],
        description: 'Lỗi theo dòng; dòng lỗi không được lưu. / Errors by line; those lines were not stored.',
        resolve: (result) => result.rowErrors,
      }),
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
      campaignCode: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }),
      batchKey: t.arg.string({
        description:
          'Khoá của lần nhập (3–128 ký tự); nhập lại cùng khoá không ghi trùng. / Key of the import (3–128 characters); re-importing under it never doubles rows.',
        required: true,
      }),
      csv: t.arg.string({
        description: 'Nội dung CSV, UTF-8, có dòng tiêu đề. / CSV text, UTF-8, with a header line.',
        required: true,
      }),
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

const RebuildRef = builder
  .objectRef<{ cells: number; responses: number; durationMs: number; figuresChanged: boolean }>(
    'RollupRebuild',
  )
  .implement({
    description: 'Kết quả tính lại số liệu tổng hợp. / The outcome of a rollup rebuild.',
    fields: (t) => ({
      cells: t.exposeInt('cells', { description: 'Số ô tổng hợp đã ghi. / Rollup cells written.' }),
      responses: t.exposeInt('responses', { description: 'Số phiếu đã đọc. / Responses read.' }),
      durationMs: t.exposeInt('durationMs', {
        description:
          'Thời gian tính lại trên máy chủ (mili giây). / Time the rebuild took on the server (milliseconds).',
      }),
      figuresChanged: t.exposeBoolean('figuresChanged', {
        description:
          'Số liệu tổng hợp có khác trước khi tính lại không (số phiếu, số đếm, tổng trọng số). / Whether the rollups differ from before the rebuild (respondents, counts, weight sums).',
      }),
    }),
  });

builder.mutationField('rebuildRollups', (t) =>
  t.field({
    type: RebuildRef,
    description:
      'Tính lại số liệu tổng hợp của cuộc khảo sát từ câu trả lời gốc. / Recomputes a campaign’s rollups from raw responses.',
    authScopes: { loggedIn: true },
    errors: { types: ADMIN_ERRORS },
    args: {
      campaignCode: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }),
    },
    resolve: (_root, args, context) => rebuildCampaignRollups(context, args.campaignCode),
  }),
);

const CoverageRef = builder.objectRef<CoverageRow>('CampaignCoverage').implement({
  description:
    'Độ phủ: đã phục vụ, đã mời, đã trả lời và tỷ lệ. / Coverage: served, offered, responded and rates.',
  fields: (t) => ({
    unit: t.field({
      description: 'Đơn vị (khi nhóm theo đơn vị). / Unit (grouped by unit).',
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (row, _args, context) => (row.unitId ? context.loaders.units.unitById.load(row.unitId) : null),
    }),
    agency: t.field({
      description: 'Cơ quan (khi nhóm theo cơ quan). / Agency (grouped by agency).',
      type: AgencyRef,
      nullable: true,
      resolve: (row, _args, context) =>
        row.agencyId ? context.loaders.agencies.agencyById.load(row.agencyId) : null,
    }),
    channel: t.field({
      description: 'Kênh (khi nhóm theo kênh). / Channel (grouped by channel).',
      type: ResponseChannelEnum,
      nullable: true,
      resolve: (row) => row.channel as 'online' | null,
    }),
    month: t.field({
      type: 'Date',
      description: 'Ngày đầu tháng (khi nhóm theo tháng). / First day of the month (grouped by month).',
      nullable: true,
      resolve: (row) => row.periodMonth,
    }),
    served: t.exposeInt('served', {
      description: 'Số lượt được phục vụ (hồ sơ trả kết quả). / Transactions served (dossiers returned).',
    }),
    offered: t.exposeInt('offered', {
      description:
        'Số lượt được mời khảo sát (mã phát, lượt mở đường dẫn). / Survey offers (tokens issued, link opens).',
    }),
    responded: t.exposeInt('responded', { description: 'Số phiếu trả lời. / Responses.' }),
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
      campaignCode: t.arg.string({ description: 'Mã cuộc khảo sát. / Campaign code.', required: true }),
      groupBy: t.arg({
        type: [CoverageDimensionEnum],
        description: 'Các chiều nhóm. / Dimensions to group by.',
        required: true,
      }),
    },
    resolve: async (_root, args, context) =>
      (await campaignCoverage(context, args.campaignCode, args.groupBy)).rows,
  }),
);
