import { z } from 'zod';
import type { Context } from '../../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import { CampaignRef } from '../surveys/surveys.schema.js';
import { AdministrativeUnitRef, UnitLevelEnum } from '../units/units.schema.js';
import type { PublishedResultRow, SnapshotRow } from './indices.repo.js';
import {
  type BreakdownGroupView,
  type BreakdownView,
  type CombinedPointView,
  contentHash,
  freezeIndexSnapshot,
  getIndexBreakdown,
  getIndexReport,
  getRanking,
  getUnitIndexHistory,
  type HistoryPointView,
  type HistorySeriesView,
  type HistoryView,
  type ImportResult,
  importPublishedResults,
  listIndexSnapshots,
  listPublishedResults,
  loadVisibleSnapshots,
  presentSnapshot,
  publishIndexSnapshot,
  type RankingEntryView,
  type RankingView,
} from './indices.service.js';
import type {
  ChangeView,
  CoverageData,
  DefinitionData,
  FigureView,
  PeriodData,
  QualityView,
  ReportData,
  ReportView,
} from './report.js';

// ───────────────────────── inputs and enums ─────────────────────────

function intRule(min: number, max: number, message: string, messageEn: string) {
  return z.number().superRefine((value, ctx) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      ctx.addIssue({ code: 'custom', message, params: { messageEn } });
    }
  });
}

const yearInput = intRule(2000, 2100, 'Năm phải từ 2000 đến 2100.', 'The year must be from 2000 to 2100.');
const quarterInput = intRule(1, 4, 'Quý phải từ 1 đến 4.', 'The quarter must be from 1 to 4.');
const monthInput = intRule(1, 12, 'Tháng phải từ 1 đến 12.', 'The month must be from 1 to 12.');

const IndexInstrumentInput = builder.inputType('IndexInstrumentInput', {
  description:
    'Bộ công cụ đo lường; mặc định SIPAS 2017 (2640/QĐ-BNV). / The instrument; SIPAS 2017 (Decision 2640/QĐ-BNV) by default.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Ví dụ "SIPAS". / e.g. "SIPAS".' }),
    version: t.string({ description: 'Ví dụ "2017"; trống = bản mới nhất. / e.g. "2017"; empty = latest.' }),
  }),
});

const FigureKindEnum = builder.enumType('IndexFigureKind', {
  description:
    'Cấp của một con số: chung, yếu tố hay tiêu chí. / Level of a figure: overall, dimension or item.',
  values: {
    OVERALL: { value: 'overall', description: 'Chỉ số chung. / Overall index.' },
    DIMENSION: { value: 'dimension', description: 'Yếu tố. / Dimension (factor).' },
    ITEM: { value: 'item', description: 'Tiêu chí. / Item (criterion).' },
  } as const,
});

const WithholdingEnum = builder.enumType('Withholding', {
  description: 'Lý do ẩn giá trị. / Why a value is withheld.',
  values: {
    SMALL_SAMPLE: {
      value: 'small_sample',
      description: 'Ít hơn cỡ mẫu tối thiểu. / Fewer respondents than the minimum sample.',
    },
    COMPLEMENTARY: {
      value: 'complementary',
      description:
        'Ẩn kèm để không suy ra được nhóm nhỏ từ tổng. / Withheld too, so a small group cannot be derived from the total.',
    },
  } as const,
});

const BreakdownByEnum = builder.enumType('IndexBreakdownBy', {
  description:
    'Chiều phân tổ: theo khóa của ô tổng hợp (cơ quan, kênh), theo lịch, hoặc theo một đặc điểm người trả lời / lĩnh vực thủ tục / cờ chất lượng (bảng tổng hợp biên, chỉ cho đơn vị, không kết hợp với nhau). / A breakdown dimension: of the rollup cell key (agency, channel), of the calendar, or by one respondent attribute / procedure field / quality flag (marginal rollups, for units only, never combined).',
  values: {
    AGENCY: { description: 'Theo cơ quan. / By agency.', value: 'agency' },
    CHANNEL: { description: 'Theo kênh. / By channel.', value: 'channel' },
    MONTH: { description: 'Theo tháng. / By month.', value: 'month' },
    QUARTER: { description: 'Theo quý. / By quarter.', value: 'quarter' },
    GENDER: {
      value: 'gender',
      description: 'Giới tính người trả lời (nếu có nêu). / Respondent gender (when stated).',
    },
    AGE_BAND: {
      value: 'age_band',
      description: 'Nhóm tuổi người trả lời (nếu có nêu). / Respondent age band (when stated).',
    },
    EDUCATION: {
      value: 'education',
      description: 'Trình độ học vấn người trả lời (nếu có nêu). / Respondent education (when stated).',
    },
    PROCEDURE_FIELD: {
      value: 'procedure_field',
      description:
        'Lĩnh vực của thủ tục mà hồ sơ thuộc về (phiếu gắn với hồ sơ). / Field of the dossier’s procedure (responses linked to a dossier).',
    },
    QUALITY_FLAG: {
      value: 'quality_flag',
      description:
        'Loại cờ chất lượng (một phiếu có thể mang nhiều cờ). / Quality flag kind (a response may carry several).',
    },
  } as const,
});

const PublishedIndexEnum = builder.enumType('PublishedIndex', {
  description: 'Chỉ số được công bố chính thức. / An officially published index.',
  values: {
    SIPAS: { value: 'SIPAS', description: 'Chỉ số hài lòng (Bộ Nội vụ). / Satisfaction index (MoHA).' },
    PAR: { value: 'PAR', description: 'Chỉ số cải cách hành chính. / Public administration reform index.' },
    SERVICE_766: {
      value: 'SERVICE_766',
      description: 'Bộ chỉ số phục vụ (766/QĐ-TTg). / Service index (Decision 766/QĐ-TTg).',
    },
  } as const,
});

const PublishedScopeEnum = builder.enumType('PublishedScope', {
  description: 'Phạm vi của kết quả công bố. / Scope of a published result.',
  values: {
    NATIONAL: { description: 'Cả nước. / National.', value: 'national' },
    PROVINCE: { description: 'Một tỉnh. / One province.', value: 'province' },
    AGENCY: { description: 'Một cơ quan. / One agency.', value: 'agency' },
  } as const,
});

const PublishedStatusEnum = builder.enumType('PublishedStatus', {
  description: 'Mức kiểm chứng của một kết quả công bố. / How a published result was checked.',
  values: {
    VERIFIED: {
      value: 'verified',
      description: 'Đọc trực tiếp từ nguồn công bố. / Read directly in the published source.',
    },
    DERIVED: {
      value: 'derived',
      description:
        'Suy ra từ nguồn (ví dụ thứ hạng từ mức tăng hạng). / Derived from a source (e.g. a rank from a rank change).',
    },
  } as const,
});

const SnapshotStatusEnum = builder.enumType('IndexSnapshotStatus', {
  description: 'Trạng thái bản chốt. / Snapshot status.',
  values: {
    DRAFT: { value: 'draft', description: 'Đã chốt, chưa công bố. / Frozen, not published.' },
    PUBLISHED: {
      value: 'published',
      description: 'Đã công bố, không thay đổi được. / Published, immutable.',
    },
  } as const,
});

const SeriesRoleEnum = builder.enumType('IndexSeriesRole', {
  description: "Vai trò của một chuỗi trong lịch sử đơn vị. / Role of a series in a unit's history.",
  values: {
    SELF: { value: 'self', description: 'Chính đơn vị. / The unit itself.' },
    PREDECESSOR: { value: 'predecessor', description: 'Đơn vị tiền thân. / A predecessor unit.' },
  } as const,
});

// ───────────────────────── shared objects ─────────────────────────

const InstrumentSummaryRef = builder
  .objectRef<{ code: string; version: string; nameVi: string; nameEn: string }>('IndexInstrument')
  .implement({
    description: 'Bộ công cụ đo lường của chỉ số. / The instrument behind an index.',
    fields: (t) => ({
      code: t.exposeString('code', {
        description: 'Mã bộ công cụ, ví dụ "SIPAS". / Instrument code, e.g. "SIPAS".',
      }),
      version: t.exposeString('version', { description: 'Phiên bản, ví dụ "2017". / Version, e.g. "2017".' }),
      name: t.exposeString('nameVi', { description: 'Tên tiếng Việt. / Name in Vietnamese.' }),
      nameEn: t.exposeString('nameEn', { description: 'Tên tiếng Anh. / Name in English.' }),
    }),
  });

const summaryOf = (instrument: { code: string; version: string; name: { vi: string; en: string } }) => ({
  code: instrument.code,
  version: instrument.version,
  nameVi: instrument.name.vi,
  nameEn: instrument.name.en,
});

const PeriodRef = builder.objectRef<PeriodData>('IndexPeriod').implement({
  description: 'Kỳ báo cáo: năm, quý hoặc tháng. / A reporting period: a year, quarter or month.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Năm. / Year.' }),
    quarter: t.exposeInt('quarter', {
      description: 'Quý, với kỳ quý. / Quarter, for a quarterly period.',
      nullable: true,
    }),
    month: t.exposeInt('month', {
      description: 'Tháng, với kỳ tháng. / Month, for a monthly period.',
      nullable: true,
    }),
    start: t.field({ description: 'Ngày đầu kỳ. / First day.', type: 'Date', resolve: (p) => p.start }),
    end: t.field({ description: 'Ngày cuối kỳ. / Last day.', type: 'Date', resolve: (p) => p.end }),
    label: t.exposeString('labelVi', { description: 'Nhãn tiếng Việt. / Label in Vietnamese.' }),
    labelEn: t.exposeString('labelEn', { description: 'Nhãn tiếng Anh. / Label in English.' }),
  }),
});

const FigureRef = builder.objectRef<FigureView>('IndexFigure').implement({
  description:
    'Một con số chỉ số với khoảng tin cậy và cỡ mẫu. Dưới cỡ mẫu tối thiểu, người xem công khai chỉ thấy n (giá trị bị ẩn). / One index figure with its interval and sample size. Below the minimum sample, public viewers see n only (the value is withheld).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: '"*" = chỉ số chung / overall; else the dimension or item code.',
    }),
    kind: t.field({
      description: 'Chung, yếu tố hay tiêu chí. / Overall, dimension or item.',
      type: FigureKindEnum,
      resolve: (f) => f.kind,
    }),
    dimensionCode: t.exposeString('dimensionCode', {
      description: 'Mã yếu tố chứa tiêu chí (chỉ với tiêu chí). / The dimension of an item (items only).',
      nullable: true,
    }),
    name: t.exposeString('nameVi', { description: 'Tên tiếng Việt. / Name in Vietnamese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên tiếng Anh. / Name in English.' }),
    value: t.exposeFloat('value', {
      nullable: true,
      description:
        'Giá trị chưa làm tròn (SIPAS: %); trống khi không ai trả lời hoặc bị ẩn. / Unrounded value (SIPAS: %); null when nobody answered or withheld.',
    }),
    ciLow: t.exposeFloat('ciLow', {
      description: 'Cận dưới khoảng tin cậy; trống khi bị ẩn. / Lower confidence bound; null when withheld.',
      nullable: true,
    }),
    ciHigh: t.exposeFloat('ciHigh', {
      description: 'Cận trên khoảng tin cậy; trống khi bị ẩn. / Upper confidence bound; null when withheld.',
      nullable: true,
    }),
    standardError: t.exposeFloat('standardError', {
      description: 'Sai số chuẩn; trống khi bị ẩn. / Standard error; null when withheld.',
      nullable: true,
    }),
    n: t.exposeInt('n', { description: 'Số người trả lời. / Respondents.' }),
    nEffective: t.exposeFloat('nEffective', {
      description: 'Cỡ mẫu hiệu dụng (theo trọng số). / Effective sample size (weighted).',
    }),
    publishable: t.exposeBoolean('publishable', {
      description: 'Đủ cỡ mẫu tối thiểu. / Meets the minimum sample.',
    }),
    withheld: t.field({
      description:
        'Lý do ẩn giá trị với người xem này; trống khi hiển thị. / Why the value is withheld from this viewer; null when shown.',
      type: WithholdingEnum,
      nullable: true,
      resolve: (f) => f.withheld,
    }),
  }),
});

const ChangeRef = builder.objectRef<ChangeView>('IndexChange').implement({
  description:
    'Thay đổi so với kỳ trước (điểm phần trăm) với khoảng tin cậy. / Change on the previous period (points) with its interval.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'Mã con số ("overall", mã yếu tố hoặc tiêu chí). / Code of the figure ("overall", a dimension or an item code).',
    }),
    kind: t.field({
      type: FigureKindEnum,
      description: 'Chung, yếu tố hay tiêu chí. / Overall, dimension or item.',
      resolve: (c) => c.kind,
    }),
    difference: t.exposeFloat('difference', {
      description:
        'Kỳ này trừ kỳ trước, điểm phần trăm (trống khi thiếu số liệu hoặc bị ẩn). / This period minus the previous, percentage points (null when missing or withheld).',
      nullable: true,
    }),
    ciLow: t.exposeFloat('ciLow', {
      description: "Cận dưới khoảng tin cậy 95% của thay đổi. / Lower bound of the change's 95% interval.",
      nullable: true,
    }),
    ciHigh: t.exposeFloat('ciHigh', {
      description: "Cận trên khoảng tin cậy 95% của thay đổi. / Upper bound of the change's 95% interval.",
      nullable: true,
    }),
    standardError: t.exposeFloat('standardError', {
      description: 'Sai số chuẩn của thay đổi. / Standard error of the change.',
      nullable: true,
    }),
    pValue: t.exposeFloat('pValue', {
      description: 'Giá trị p hai phía của thay đổi. / Two-sided p-value of the change.',
      nullable: true,
    }),
    significant: t.exposeBoolean('significant', {
      description:
        'Khoảng tin cậy không chứa 0 và cả hai kỳ đủ cỡ mẫu. / The interval excludes 0 and both periods are publishable.',
    }),
    withheld: t.field({
      type: WithholdingEnum,
      description: 'Lý do ẩn, nếu bị ẩn. / Why it is withheld, if it is.',
      nullable: true,
      resolve: (c) => c.withheld,
    }),
  }),
});

const CoverageRef = builder.objectRef<CoverageData>('IndexCoverage').implement({
  description:
    'Độ bao phủ: lượt phục vụ, số người được mời, số phiếu trả lời. / Coverage: transactions served, people offered the survey, responses.',
  fields: (t) => ({
    served: t.exposeInt('served', { description: 'Lượt phục vụ. / Transactions served.' }),
    offered: t.exposeInt('offered', {
      description: 'Số người được mời khảo sát. / People offered the survey.',
    }),
    responded: t.exposeInt('responded', { description: 'Số phiếu trả lời. / Responses.' }),
    responseRate: t.exposeFloat('responseRate', {
      nullable: true,
      description: 'responded / offered × 100.',
    }),
  }),
});

const DefinitionRef = builder.objectRef<DefinitionData>('MetricDefinition').implement({
  description: 'Định nghĩa của một loại số liệu. / The definition of a kind of figure.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'Khoá ổn định của định nghĩa. / Stable key of the definition.',
    }),
    name: t.exposeString('nameVi', { description: 'Tên tiếng Việt. / Name in Vietnamese.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên tiếng Anh. / Name in English.' }),
    definition: t.exposeString('definitionVi', {
      description: 'Định nghĩa tiếng Việt. / Definition in Vietnamese.',
    }),
    definitionEn: t.exposeString('definitionEn', {
      description: 'Định nghĩa tiếng Anh. / Definition in English.',
    }),
  }),
});

async function loadUnit(id: string, context: Context) {
  return (await context.loaders.units.unitById.load(id))!;
}

// ───────────────────────── the report ─────────────────────────

const PeriodFiguresRef = builder.objectRef<ReportView>('IndexPreviousPeriod').implement({
  description: 'Số liệu kỳ trước. / The previous period’s figures.',
  fields: (t) => ({
    period: t.field({
      type: PeriodRef,
      description: 'Kỳ trước. / The previous period.',
      resolve: (r) => r.data.previous.period,
    }),
    overall: t.field({
      type: FigureRef,
      description: 'Chỉ số chung kỳ trước. / Previous overall index.',
      resolve: (r) => r.previousFigures[0]!,
    }),
    dimensions: t.field({
      description: 'Các yếu tố kỳ trước. / Previous dimensions.',
      type: [FigureRef],
      resolve: (r) => r.previousFigures.filter((f) => f.kind === 'dimension'),
    }),
    items: t.field({
      type: [FigureRef],
      description: 'Các tiêu chí kỳ trước. / Previous items.',
      resolve: (r) => r.previousFigures.filter((f) => f.kind === 'item'),
    }),
    coverage: t.field({
      type: CoverageRef,
      description: 'Độ phủ kỳ trước. / Previous coverage.',
      resolve: (r) => r.data.previous.coverage,
    }),
  }),
});

const ChangeSetRef = builder.objectRef<ReportView>('IndexChanges').implement({
  description: 'Thay đổi so với kỳ trước. / Changes on the previous period.',
  fields: (t) => ({
    overall: t.field({
      type: ChangeRef,
      description: 'Thay đổi của chỉ số chung. / Change of the overall index.',
      resolve: (r) => r.changes[0]!,
    }),
    dimensions: t.field({
      description: 'Thay đổi của các yếu tố. / Changes of the dimensions.',
      type: [ChangeRef],
      resolve: (r) => r.changes.filter((c) => c.kind === 'dimension'),
    }),
    items: t.field({
      type: [ChangeRef],
      description: 'Thay đổi của các tiêu chí. / Changes of the items.',
      resolve: (r) => r.changes.filter((c) => c.kind === 'item'),
    }),
  }),
});

const QualityFlagCountRef = builder
  .objectRef<{ kind: string; responses: number }>('IndexQualityFlagCount')
  .implement({
    description: 'Số phiếu mang một loại cờ chất lượng. / Responses carrying one kind of quality flag.',
    fields: (t) => ({
      kind: t.exposeString('kind', {
        description:
          'Loại cờ: too_fast (quá nhanh), straight_lining (cùng một mức cho mọi câu), burst (dồn dập từ một nguồn). / Flag kind: too_fast, straight_lining, burst.',
      }),
      responses: t.exposeInt('responses', { description: 'Số phiếu. / Responses.' }),
    }),
  });

const QualityRef = builder.objectRef<QualityView>('IndexQuality').implement({
  description:
    'Cờ chất lượng của các phiếu trong kỳ (phiếu bị đánh dấu, không bị xóa) và ảnh hưởng của việc loại chúng. / Quality flags of the period’s responses (marked, never deleted) and the effect of leaving them out.',
  fields: (t) => ({
    excludeFlagged: t.boolean({
      description:
        'Số liệu của báo cáo đã loại các phiếu bị gắn cờ. / The report’s figures leave flagged responses out.',
      resolve: (q) => q.data.excludeFlagged,
    }),
    flaggedResponses: t.int({
      description:
        'Số phiếu có ít nhất một cờ chất lượng trong kỳ. / Responses of the period with at least one quality flag.',
      resolve: (q) => q.data.flaggedResponses,
    }),
    kinds: t.field({
      type: [QualityFlagCountRef],
      nullable: true,
      description:
        'Số phiếu theo loại cờ; null với báo cáo của một cơ quan. / Responses per flag kind; null for an agency’s report.',
      resolve: (q) => q.data.kinds,
    }),
    withFlagged: t.field({
      type: FigureRef,
      description: 'Chỉ số chung tính cả phiếu bị gắn cờ. / The overall index with flagged responses.',
      resolve: (q) => q.withFlagged,
    }),
    withoutFlagged: t.field({
      type: FigureRef,
      description: 'Chỉ số chung khi loại phiếu bị gắn cờ. / The overall index without flagged responses.',
      resolve: (q) => q.withoutFlagged,
    }),
    difference: t.float({
      nullable: true,
      description:
        'Chênh lệch (không có cờ − có cờ); null khi một giá trị bị ẩn. / The difference (without − with); null when a value is withheld.',
      resolve: (q) => q.difference,
    }),
  }),
});

const IndexReportRef = builder.objectRef<ReportView>('IndexReport').implement({
  description:
    'Báo cáo chỉ số của một đơn vị trong một kỳ, tính từ bảng tổng hợp (không đọc phiếu gốc). / An index report of a unit for a period, computed from rollups (raw responses are not read).',
  fields: (t) => ({
    instrument: t.field({
      description: 'Bộ công cụ đo lường. / The instrument.',
      type: InstrumentSummaryRef,
      resolve: (r) => r.data.instrument,
    }),
    unit: t.field({
      description: "Đơn vị hành chính của báo cáo. / The report's administrative unit.",
      type: AdministrativeUnitRef,
      resolve: (r, _a, context) => loadUnit(r.data.unit.id, context),
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Cơ quan của báo cáo, nếu có. / The agency reported on, if any.',
      resolve: (r, _a, context) =>
        r.data.agency ? context.loaders.agencies.agencyById.load(r.data.agency.id) : null,
    }),
    campaign: t.field({
      type: CampaignRef,
      nullable: true,
      description: 'Đợt khảo sát của báo cáo, nếu chọn. / The survey campaign reported on, if chosen.',
      resolve: (r, _a, context) =>
        r.data.campaign ? context.loaders.surveys.campaignById.load(r.data.campaign.id) : null,
    }),
    period: t.field({
      description: 'Kỳ báo cáo. / The reporting period.',
      type: PeriodRef,
      resolve: (r) => r.data.period,
    }),
    computedAt: t.string({
      description: 'Thời điểm tính (ISO 8601). / When it was computed (ISO 8601).',
      resolve: (r) => r.data.computedAt,
    }),
    minSample: t.int({
      description: 'Cỡ mẫu tối thiểu để công bố giá trị. / The minimum sample for a value to be published.',
      resolve: (r) => r.data.minSample,
    }),
    confidence: t.float({
      description: 'Mức tin cậy của các khoảng (0,95). / Confidence level of the intervals (0.95).',
      resolve: (r) => r.data.confidence,
    }),
    valuesRevealed: t.boolean({
      description:
        'Người xem được thấy giá trị của nhóm nhỏ (cán bộ phân tích, lãnh đạo, quản trị phụ trách đơn vị). / The viewer sees values of small groups (analysts, leaders, admins covering the unit).',
      resolve: (r) => r.revealed,
    }),
    overall: t.field({
      description: 'Chỉ số chung. / The overall index.',
      type: FigureRef,
      resolve: (r) => r.figures[0]!,
    }),
    dimensions: t.field({
      description: 'Các yếu tố, theo thứ tự của bộ câu hỏi. / The dimensions, in instrument order.',
      type: [FigureRef],
      resolve: (r) => r.figures.filter((f) => f.kind === 'dimension'),
    }),
    items: t.field({
      description: 'Chỉ số từng tiêu chí. / The index of each item.',
      type: [FigureRef],
      resolve: (r) => r.figures.filter((f) => f.kind === 'item'),
    }),
    coverage: t.field({
      description: 'Độ bao phủ của kỳ. / The period’s coverage.',
      type: CoverageRef,
      resolve: (r) => r.data.coverage,
    }),
    previous: t.field({
      description: 'Số liệu kỳ trước. / The previous period’s figures.',
      type: PeriodFiguresRef,
      resolve: (r) => r,
    }),
    changes: t.field({
      description: 'Thay đổi so với kỳ trước. / Changes on the previous period.',
      type: ChangeSetRef,
      resolve: (r) => r,
    }),
    definitions: t.field({
      description:
        'Định nghĩa mọi loại số liệu trong báo cáo. / Definitions of every kind of figure in the report.',
      type: [DefinitionRef],
      resolve: (r) => r.data.definitions,
    }),
    quality: t.field({
      type: QualityRef,
      nullable: true,
      description:
        'Cờ chất lượng và ảnh hưởng của việc loại phiếu bị gắn cờ; null với bản chốt cũ. / Quality flags and the effect of leaving flagged responses out; null for older snapshots.',
      resolve: (r) => r.quality,
    }),
  }),
});

const reportArgs = builder.args((t) => ({
  instrument: t.field({
    type: IndexInstrumentInput,
    description: 'Bộ công cụ (mặc định SIPAS 2017). / The instrument (default: SIPAS 2017).',
  }),
  unit: t.string({
    required: true,
    description: 'Mã GSO (ví dụ "06") hoặc ID toàn cục. / GSO code (e.g. "06") or global ID.',
  }),
  year: t.int({ required: true, validate: yearInput, description: 'Năm. / The year.' }),
  quarter: t.int({
    validate: quarterInput,
    description: 'Quý 1–4 (bỏ trống = cả năm). / Quarter 1–4 (omitted = the whole year).',
  }),
  month: t.int({
    validate: monthInput,
    description: 'Tháng 1–12 (bỏ trống = cả quý hoặc năm). / Month 1–12 (omitted = the quarter or year).',
  }),
  agency: t.string({ description: 'Mã hoặc ID toàn cục của cơ quan. / Agency code or global ID.' }),
  excludeFlagged: t.boolean({
    description:
      'Loại các phiếu bị gắn cờ chất lượng khỏi số liệu (mặc định: không). / Leave responses with a quality flag out of the figures (default: no).',
  }),
}));

const campaignArg = builder.args((t) => ({
  campaign: t.string({ description: 'Mã hoặc ID toàn cục của đợt khảo sát. / Campaign code or global ID.' }),
}));

builder.queryField('indexReport', (t) =>
  t.field({
    type: IndexReportRef,
    description:
      'Chỉ số của một đơn vị trong một năm, quý hoặc tháng, kỳ trước và mức thay đổi. Công khai; nhóm dưới cỡ mẫu tối thiểu bị ẩn giá trị với người xem không phụ trách đơn vị. / A unit’s index for a year, quarter or month, the previous period and the change. Public; groups below the minimum sample have their values withheld from viewers not covering the unit.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: { ...reportArgs, ...campaignArg },
    resolve: (_root, args, context) => getIndexReport(context, args),
  }),
);

// ───────────────────────── breakdowns ─────────────────────────

const BreakdownGroupRef = builder.objectRef<BreakdownGroupView>('IndexBreakdownGroup').implement({
  description: 'Một nhóm của phân tổ. / One group of a breakdown.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Khoá nhóm: số hiệu cơ quan, kênh, YYYY-MM hoặc YYYY-Qn. / Group key: agency row id, channel, YYYY-MM or YYYY-Qn.',
    }),
    label: t.exposeString('labelVi', {
      description: 'Nhãn nhóm, tiếng Việt. / Vietnamese label of the group.',
    }),
    labelEn: t.exposeString('labelEn', {
      description: 'Nhãn nhóm, tiếng Anh. / English label of the group.',
    }),
    agency: t.field({
      description: 'Cơ quan (khi phân tổ theo cơ quan). / Agency (breakdown by agency).',
      type: AgencyRef,
      nullable: true,
      resolve: (g, _a, context) => (g.agency ? context.loaders.agencies.agencyById.load(g.agency.id) : null),
    }),
    coverage: t.field({
      type: CoverageRef,
      description: "Độ phủ của nhóm. / The group's coverage.",
      resolve: (g) => g.coverage,
    }),
    overall: t.field({
      type: FigureRef,
      description: "Chỉ số chung của nhóm. / The group's overall index.",
      resolve: (g) => g.overall,
    }),
    dimensions: t.field({
      type: [FigureRef],
      description: "Các yếu tố của nhóm. / The group's dimensions.",
      resolve: (g) => g.dimensions,
    }),
    withheld: t.field({
      type: WithholdingEnum,
      description:
        "Lý do ẩn giá trị của nhóm, nếu bị ẩn. / Why the group's values are withheld, if they are.",
      nullable: true,
      resolve: (g) => g.withheld,
    }),
  }),
});

const BreakdownRef = builder.objectRef<BreakdownView>('IndexBreakdown').implement({
  description:
    'Chỉ số phân tổ theo cơ quan, kênh, tháng, quý, đặc điểm người trả lời, lĩnh vực thủ tục hoặc cờ chất lượng; nhóm nhỏ bị ẩn giá trị (và một nhóm kèm theo khi chỉ có một nhóm nhỏ). / The index broken down by agency, channel, month, quarter, respondent attribute, procedure field or quality flag; small groups are withheld (plus one more when only one is small).',
  fields: (t) => ({
    by: t.field({
      type: BreakdownByEnum,
      description: 'Chiều phân tổ. / The breakdown dimension.',
      resolve: (b) => b.by,
    }),
    unit: t.field({
      type: AdministrativeUnitRef,
      description: 'Đơn vị hành chính. / The administrative unit.',
      resolve: (b) => b.unit,
    }),
    instrument: t.field({
      type: InstrumentSummaryRef,
      description: 'Bộ công cụ đo lường. / The instrument.',
      resolve: (b) => summaryOf(b.instrument),
    }),
    period: t.field({ type: PeriodRef, description: 'Kỳ báo cáo. / The period.', resolve: (b) => b.period }),
    minSample: t.exposeInt('minSample', {
      description: 'Cỡ mẫu tối thiểu để công bố một nhóm. / Minimum sample for a group to be shown.',
    }),
    valuesRevealed: t.exposeBoolean('revealed', {
      description:
        'Người xem được thấy cả nhóm nhỏ (quyền phân tích của đơn vị). / The viewer may see small groups too (analysts of the unit).',
    }),
    groups: t.field({
      type: [BreakdownGroupRef],
      description: 'Các nhóm. / The groups.',
      resolve: (b) => b.groups,
    }),
    definitions: t.field({
      type: [DefinitionRef],
      description: 'Định nghĩa các con số. / Definitions of the figures.',
      resolve: (b) => b.definitions,
    }),
  }),
});

builder.queryField('indexBreakdown', (t) =>
  t.field({
    type: BreakdownRef,
    description:
      'Chỉ số phân tổ từ các ô tổng hợp. Công khai, với quy tắc ẩn nhóm nhỏ như indexReport. / The index broken down from rollup cells. Public, with indexReport’s small-group rule.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      ...reportArgs,
      by: t.arg({
        type: BreakdownByEnum,
        description: 'Chiều phân tổ. / The breakdown dimension.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => getIndexBreakdown(context, args),
  }),
);

// ───────────────────────── rankings ─────────────────────────

const RankingEntryRef = builder.objectRef<RankingEntryView>('RankingEntry').implement({
  description: 'Một đơn vị trong bảng xếp hạng. / One unit of a ranking.',
  fields: (t) => ({
    unit: t.field({
      description: 'Đơn vị được xếp hạng. / The ranked unit.',
      type: AdministrativeUnitRef,
      resolve: (e) => e.unit,
    }),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'Trống khi dưới cỡ mẫu tối thiểu. / Null below the minimum sample.',
    }),
    publishedValue: t.exposeFloat('publishedValue', {
      nullable: true,
      description:
        'Giá trị làm tròn 2 chữ số dùng để xếp hạng. / The value rounded to 2 decimals, as ranked.',
    }),
    ciLow: t.exposeFloat('ciLow', {
      description: 'Cận dưới khoảng tin cậy. / Lower confidence bound.',
      nullable: true,
    }),
    ciHigh: t.exposeFloat('ciHigh', {
      description: 'Cận trên khoảng tin cậy. / Upper confidence bound.',
      nullable: true,
    }),
    n: t.exposeInt('n', { description: 'Số người trả lời. / Respondents.' }),
    publishable: t.exposeBoolean('publishable', {
      description: 'Đủ cỡ mẫu tối thiểu để xếp hạng. / Meets the minimum sample to be ranked.',
    }),
    rank: t.exposeInt('rank', {
      description:
        'Thứ hạng (1 = cao nhất); trống khi không xếp hạng. / Rank (1 = highest); null when not ranked.',
      nullable: true,
    }),
    rankLow: t.exposeInt('rankLow', {
      description: 'Hạng tốt nhất phù hợp với khoảng tin cậy. / Best rank consistent with the intervals.',
      nullable: true,
    }),
    rankHigh: t.exposeInt('rankHigh', {
      description: 'Hạng kém nhất phù hợp với khoảng tin cậy. / Worst rank consistent with the intervals.',
      nullable: true,
    }),
    previousRank: t.exposeInt('previousRank', {
      description: 'Thứ hạng năm trước. / Last year’s rank.',
      nullable: true,
    }),
    rankChange: t.exposeInt('rankChange', {
      nullable: true,
      description: 'Hạng năm trước trừ hạng năm nay (+ là tăng hạng). / Previous rank minus rank (+ = up).',
    }),
  }),
});

const RankingRef = builder.objectRef<RankingView>('Ranking').implement({
  description:
    'Xếp hạng các đơn vị theo chỉ số tính từ bảng tổng hợp (không phải kết quả công bố chính thức). / Units ranked by the index computed from rollups (not the official published results).',
  fields: (t) => ({
    instrument: t.field({
      description: 'Bộ công cụ đo lường. / The instrument.',
      type: InstrumentSummaryRef,
      resolve: (r) => summaryOf(r.instrument),
    }),
    level: t.field({
      description: 'Cấp đơn vị được xếp hạng. / The level of the ranked units.',
      type: UnitLevelEnum,
      resolve: (r) => r.level as 'PROVINCE',
    }),
    year: t.exposeInt('year', { description: 'Năm. / The year.' }),
    asOf: t.field({
      type: 'Date',
      description: 'Bản đồ hành chính dùng để xếp hạng. / The administrative map the ranking uses.',
      resolve: (r) => r.asOf,
    }),
    minSample: t.exposeInt('minSample', {
      description: 'Cỡ mẫu tối thiểu để được xếp hạng. / The minimum sample to be ranked.',
    }),
    rankedUnits: t.exposeInt('rankedUnits', {
      description: 'Số đơn vị được xếp hạng. / How many units are ranked.',
    }),
    entries: t.field({
      description: 'Các đơn vị, theo thứ hạng. / The units, in rank order.',
      type: [RankingEntryRef],
      resolve: (r) => r.entries,
    }),
    definitions: t.field({
      description: 'Định nghĩa các số liệu. / Definitions of the figures.',
      type: [DefinitionRef],
      resolve: (r) => r.definitions,
    }),
  }),
});

builder.queryField('ranking', (t) =>
  t.field({
    type: RankingRef,
    description:
      'Xếp hạng theo năm: 63 tỉnh đến năm 2024, 34 tỉnh từ năm 2025 (số liệu của tỉnh tiền thân cộng vào tỉnh mới). Đơn vị dưới cỡ mẫu tối thiểu được liệt kê nhưng không xếp hạng. / A yearly ranking: 63 provinces up to 2024, 34 from 2025 (predecessors’ data counted in the new province). Units below the minimum sample are listed, not ranked.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      instrument: t.arg({
        description: 'Bộ công cụ (mặc định SIPAS 2017). / The instrument (default: SIPAS 2017).',
        type: IndexInstrumentInput,
      }),
      level: t.arg({
        type: UnitLevelEnum,
        description: 'Cấp được xếp hạng. / The level to rank.',
        required: true,
      }),
      year: t.arg.int({ description: 'Năm. / The year.', required: true, validate: yearInput }),
      region: t.arg.string({ description: 'Mã vùng, ví dụ "TDMNPB". / Region code, e.g. "TDMNPB".' }),
      parent: t.arg.string({ description: 'Đơn vị cấp trên (mã hoặc ID). / Parent unit (code or ID).' }),
      excludeFlagged: t.arg.boolean({
        description:
          'Loại các phiếu bị gắn cờ chất lượng (mặc định: không). / Leave responses with a quality flag out (default: no).',
      }),
    },
    resolve: (_root, args, context) => getRanking(context, args),
  }),
);

// ───────────────────────── published results ─────────────────────────

export const PublishedResultRef = builder.objectRef<PublishedResultRow>('PublishedIndexResult').implement({
  description:
    'Kết quả chính thức đã công bố (nhập từ nguồn), tách biệt với số liệu tự tính. / An officially published result (imported from its source), kept apart from computed figures.',
  fields: (t) => ({
    index: t.field({
      description: 'Chỉ số được công bố. / The published index.',
      type: PublishedIndexEnum,
      resolve: (r) => r.indexCode,
    }),
    year: t.exposeInt('year', { description: 'Năm của số liệu. / The year of the figures.' }),
    scope: t.field({
      description: 'Phạm vi: cả nước, tỉnh hay cơ quan. / Scope: national, province or agency.',
      type: PublishedScopeEnum,
      resolve: (r) => r.scope,
    }),
    unit: t.field({
      description:
        'Đơn vị hành chính (trống với kết quả cả nước). / The administrative unit (null for a national result).',
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (r, _a, context) => (r.unitId ? context.loaders.units.unitById.load(r.unitId) : null),
    }),
    // Kept as text beside `unit`: they are the published record as imported (a name as the source printed it,
    // possibly of a unit that no longer exists or no unit at all), not a reference to resolve.
    unitCode: t.exposeString('unitCode', {
      nullable: true,
      description: 'Mã đơn vị như trong nguồn công bố. / The unit code as the published source gives it.',
    }),
    unitName: t.exposeString('unitName', {
      description:
        'Tên như trong nguồn công bố; đơn vị liên kết ở `unit`. / The name as published; the linked unit is `unit`.',
    }),
    value: t.float({
      nullable: true,
      description: 'Giá trị công bố (%). / Published value (%).',
      resolve: (r) => (r.valuePct === null ? null : Number(r.valuePct)),
    }),
    rank: t.exposeInt('rank', { description: 'Thứ hạng công bố. / The published rank.', nullable: true }),
    ofUnits: t.exposeInt('ofUnits', {
      description: 'Số đơn vị được xếp hạng. / Units ranked.',
      nullable: true,
    }),
    source: t.exposeString('source', {
      description: 'Nguồn công bố (địa chỉ hoặc văn bản). / The published source (address or document).',
    }),
    status: t.field({
      description: 'Đọc trực tiếp hay suy ra. / Read directly or derived.',
      type: PublishedStatusEnum,
      resolve: (r) => r.status,
    }),
  }),
});

builder.queryField('publishedResults', (t) =>
  t.field({
    type: [PublishedResultRef],
    nullable: { list: true, items: false },
    description:
      'Kết quả đã công bố của SIPAS, PAR Index hoặc chỉ số 766. Công khai. / Published results of SIPAS, PAR Index or the 766 index. Public.',
    authScopes: { public: true },
    args: {
      index: t.arg({ type: PublishedIndexEnum, description: 'Chỉ số. / The index.', required: true }),
      year: t.arg.int({
        description: 'Năm (bỏ trống = mọi năm). / The year (omitted = every year).',
        validate: yearInput,
      }),
      unit: t.arg.string({ description: 'Mã GSO hoặc ID toàn cục. / GSO code or global ID.' }),
    },
    resolve: (_root, args, context) => listPublishedResults(context, args),
  }),
);

const PublishedResultInput = builder.inputType('PublishedResultInput', {
  description: 'Một kết quả công bố cần nhập. / One published result to import.',
  fields: (t) => ({
    index: t.field({ type: PublishedIndexEnum, description: 'Chỉ số. / The index.', required: true }),
    year: t.int({ description: 'Năm của kết quả. / Year of the result.', required: true }),
    scope: t.field({
      type: PublishedScopeEnum,
      description: 'Cả nước, tỉnh hay cơ quan. / National, province or agency.',
      required: true,
    }),
    unitCode: t.string({ description: 'Trống với kết quả cả nước. / Empty for a national result.' }),
    unitName: t.string({
      description: 'Tên đơn vị như trong nguồn. / Unit name as in the source.',
      required: true,
    }),
    value: t.float({ description: 'Phần trăm, 0–100. / Percent, 0–100.' }),
    rank: t.int({ description: 'Thứ hạng công bố. / Published rank.' }),
    ofUnits: t.int({ description: 'Trên tổng số đơn vị (ví dụ 63). / Out of how many units (e.g. 63).' }),
    source: t.string({
      required: true,
      description: 'Địa chỉ hoặc văn bản nguồn. / Source address or document.',
    }),
    status: t.field({
      type: PublishedStatusEnum,
      description: 'Đọc trực tiếp hay suy ra. / Read directly or derived.',
      required: true,
    }),
  }),
});

const ImportResultRef = builder.objectRef<ImportResult>('ImportPublishedResultsPayload').implement({
  description: 'Kết quả nhập kết quả công bố. / The outcome of a published-results import.',
  fields: (t) => ({
    inserted: t.exposeInt('inserted', { description: 'Số kết quả thêm mới. / Results added.' }),
    updated: t.exposeInt('updated', { description: 'Số kết quả cập nhật. / Results updated.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Số kết quả không đổi. / Results unchanged.' }),
    results: t.field({
      type: [PublishedResultRef],
      description: 'Các kết quả sau khi nhập. / The results as stored.',
      resolve: (r) => r.results,
    }),
  }),
});

// ───────────────────────── history across the reorganisation ─────────────────────────

const HistoryPointRef = builder.objectRef<HistoryPointView>('UnitIndexHistoryPoint').implement({
  description: "Một năm trong chuỗi của một đơn vị. / One year of a unit's series.",
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Năm. / The year.' }),
    computed: t.field({
      type: FigureRef,
      nullable: true,
      description: 'Tính từ bảng tổng hợp. / Computed from rollups.',
      resolve: (p) => p.computed,
    }),
    published: t.field({
      type: PublishedResultRef,
      nullable: true,
      description: 'Kết quả công bố chính thức. / The official published result.',
      resolve: (p) => p.published,
    }),
  }),
});

const HistorySeriesRef = builder.objectRef<HistorySeriesView>('UnitIndexSeries').implement({
  description:
    "Chuỗi theo năm của một đơn vị (chính nó hoặc tiền thân). / A unit's yearly series (itself or a predecessor).",
  fields: (t) => ({
    unit: t.field({
      type: AdministrativeUnitRef,
      description: "Đơn vị của chuỗi. / The series' unit.",
      resolve: (s) => s.unit,
    }),
    role: t.field({
      type: SeriesRoleEnum,
      description: 'Chính đơn vị hay tiền thân. / The unit itself or a predecessor.',
      resolve: (s) => s.role,
    }),
    points: t.field({
      type: [HistoryPointRef],
      description: 'Các năm, cũ nhất trước. / The years, oldest first.',
      resolve: (s) => s.points,
    }),
  }),
});

const CombinedPointRef = builder.objectRef<CombinedPointView>('UnitIndexCombinedPoint').implement({
  description:
    'Chỉ số của đơn vị mới tính lại bằng cách cộng số đếm của các đơn vị tiền thân. / The new unit’s index re-aggregated by summing its predecessors’ counts.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Năm. / The year.' }),
    figure: t.field({
      type: FigureRef,
      description: 'Chỉ số chung tính lại. / The re-aggregated overall index.',
      resolve: (p) => p.figure,
    }),
    contributingUnits: t.field({
      description: 'Các đơn vị có số liệu góp vào năm này. / Units whose counts went into this year.',
      type: [AdministrativeUnitRef],
      resolve: (p, _a, context) => Promise.all(p.contributingUnitIds.map((id) => loadUnit(id, context))),
    }),
  }),
});

const HistoryRef = builder.objectRef<HistoryView>('UnitIndexHistory').implement({
  description:
    "Lịch sử chỉ số của một đơn vị qua đợt sắp xếp năm 2025. / A unit's index history across the 2025 reorganisation.",
  fields: (t) => ({
    unit: t.field({
      type: AdministrativeUnitRef,
      description: 'Đơn vị. / The unit.',
      resolve: (h) => h.unit,
    }),
    instrument: t.field({
      type: InstrumentSummaryRef,
      description: 'Bộ công cụ đo lường. / The instrument.',
      resolve: (h) => summaryOf(h.instrument),
    }),
    series: t.field({
      type: [HistorySeriesRef],
      description:
        'Từng đơn vị tiền thân và chính đơn vị, đặt cạnh nhau. / Each predecessor and the unit itself, side by side.',
      resolve: (h) => h.series,
    }),
    combined: t.field({
      type: [CombinedPointRef],
      description:
        "Chuỗi tính lại cho đơn vị mới từ số đếm của tiền thân. / The series re-aggregated for the new unit from its predecessors' counts.",
      resolve: (h) => h.combined,
    }),
    definitions: t.field({
      type: [DefinitionRef],
      description: 'Định nghĩa các con số. / Definitions of the figures.',
      resolve: (h) => h.definitions,
    }),
  }),
});

builder.queryField('unitIndexHistory', (t) =>
  t.field({
    type: HistoryRef,
    description:
      'Chuỗi chỉ số theo năm của một đơn vị qua lần sắp xếp 2025: các tỉnh tiền thân cạnh nhau và chuỗi gộp cho tỉnh mới. Mã đơn vị chỉ phiên bản mới nhất. / A unit’s yearly series across the 2025 reorganisation: predecessors side by side and a combined series for the new province. A code names the latest version.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      instrument: t.arg({
        description: 'Bộ công cụ (mặc định SIPAS 2017). / The instrument (default: SIPAS 2017).',
        type: IndexInstrumentInput,
      }),
      unit: t.arg.string({
        required: true,
        description: 'Mã GSO hoặc ID toàn cục. / GSO code or global ID.',
      }),
    },
    resolve: (_root, args, context) => getUnitIndexHistory(context, args),
  }),
);

// ───────────────────────── snapshots ─────────────────────────

export const IndexSnapshotRef = builder.objectRef<SnapshotRow>('IndexSnapshot');

builder.node(IndexSnapshotRef, {
  description:
    'Bản chốt của một báo cáo chỉ số; khi đã công bố thì không bao giờ thay đổi. / A frozen index report; once published it never changes.',
  id: { resolve: (s) => s.id },
  loadMany: (ids, context) => loadVisibleSnapshots(context, ids),
  fields: (t) => ({
    unit: t.field({
      type: AdministrativeUnitRef,
      description: 'Đơn vị hành chính. / The administrative unit.',
      resolve: (s, _a, context) => loadUnit(s.unitId, context),
    }),
    instrument: t.field({
      type: InstrumentSummaryRef,
      description: 'Bộ công cụ đo lường. / The instrument.',
      resolve: (s) => (s.payload as ReportData).instrument,
    }),
    period: t.field({
      type: PeriodRef,
      description: 'Kỳ báo cáo. / The period.',
      resolve: (s) => (s.payload as ReportData).period,
    }),
    status: t.field({
      description: 'Đã chốt hay đã công bố. / Frozen or published.',
      type: SnapshotStatusEnum,
      resolve: (s) => (s.publishedAt === null ? 'draft' : 'published'),
    }),
    frozenAt: t.string({
      description: 'Thời điểm chốt (ISO 8601). / When it was frozen (ISO 8601).',
      resolve: (s) => s.frozenAt.toISOString(),
    }),
    publishedAt: t.string({
      description:
        'Thời điểm công bố (ISO 8601; trống nếu chưa). / When it was published (ISO 8601; null if not yet).',
      nullable: true,
      resolve: (s) => s.publishedAt?.toISOString() ?? null,
    }),
    contentHash: t.exposeString('contentHash', {
      description: 'SHA-256 (hex) của nội dung chuẩn hóa. / SHA-256 (hex) of the canonical content.',
    }),
    contentVerified: t.boolean({
      description: 'Nội dung lưu khớp với mã băm. / The stored content matches its hash.',
      resolve: (s) => contentHash(s.payload) === s.contentHash,
    }),
    report: t.field({
      type: IndexReportRef,
      description: 'Báo cáo như lúc chốt. / The report as frozen.',
      resolve: (s, _a, context) => presentSnapshot(context, s),
    }),
  }),
});

builder.queryField('indexSnapshots', (t) =>
  t.field({
    type: [IndexSnapshotRef],
    nullable: { list: true, items: false },
    description:
      'Các bản chốt của một đơn vị: đã công bố (mọi người), bản nháp (người phụ trách đơn vị). / A unit’s snapshots: published ones (everyone), drafts (viewers covering the unit).',
    authScopes: { public: true },
    args: {
      unit: t.arg.string({
        required: true,
        description: 'Mã GSO hoặc ID toàn cục. / GSO code or global ID.',
      }),
    },
    resolve: (_root, args, context) => listIndexSnapshots(context, args.unit),
  }),
);

// ───────────────────────── mutations ─────────────────────────

builder.mutationField('importPublishedResults', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      'Nhập kết quả đã công bố (quản trị hệ thống); nhập lại cùng dữ liệu không thay đổi gì. / Imports published results (system admins); importing the same rows again changes nothing.',
    authScopes: { role: 'system_admin' },
    errors: { types: [ForbiddenError] },
    args: {
      rows: t.arg({
        type: [PublishedResultInput],
        description: 'Các kết quả cần nhập. / The results to import.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => importPublishedResults(context, args.rows),
  }),
);

builder.mutationField('freezeIndexSnapshot', (t) =>
  t.field({
    type: IndexSnapshotRef,
    description:
      'Chốt báo cáo chỉ số của một kỳ (quản trị đơn vị, cán bộ phân tích phụ trách đơn vị). / Freezes a period’s index report (unit admins and analysts covering the unit).',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { ...reportArgs, ...campaignArg },
    resolve: (_root, args, context) => freezeIndexSnapshot(context, args),
  }),
);

builder.mutationField('publishIndexSnapshot', (t) =>
  t.field({
    type: IndexSnapshotRef,
    description:
      'Công bố một bản chốt (quản trị đơn vị); sau đó không sửa, không xóa được. / Publishes a snapshot (unit admins); it can then be neither changed nor deleted.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: {
      id: t.arg.globalID({
        description: 'ID toàn cục của IndexSnapshot. / Global ID of the IndexSnapshot.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => {
      if (args.id.typename !== 'IndexSnapshot') {
        throw new NotFoundError('Không có bản chốt số liệu này.', 'No such index snapshot.');
      }
      return publishIndexSnapshot(context, args.id.id);
    },
  }),
);
