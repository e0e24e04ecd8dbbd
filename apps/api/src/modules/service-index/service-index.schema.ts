import {
  SERVICE_INDEX_766,
  type ServiceIndexGroupResult,
  type ServiceIndexIndicatorDefinition,
  type ServiceIndexIndicatorResult,
} from '@chiso/scoring';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { civilDateInput } from '../../schema/input-rules.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import {
  COMPUTED_AS,
  type IndicatorNote,
  MIN_RATINGS,
  type ServiceIndexPeriodKind,
  type ServiceIndexReport,
  serviceIndex,
} from './service-index.service.js';

const DEFINITIONS = new Map<string, ServiceIndexIndicatorDefinition>(
  SERVICE_INDEX_766.groups.flatMap((g) => g.indicators.map((i) => [i.code, i] as const)),
);

const ServiceIndexPeriodEnum = builder.enumType('ServiceIndexPeriod', {
  description: 'Kỳ tính Chỉ số 766. / Period of the 766 index.',
  values: {
    WEEK: { value: 'week', description: 'Tuần (thứ Hai – Chủ nhật). / ISO week, Monday to Sunday.' },
    MONTH: { value: 'month', description: 'Tháng. / Month.' },
    QUARTER: { value: 'quarter', description: 'Quý. / Quarter.' },
    YEAR: { value: 'year', description: 'Năm. / Year.' },
  } as const,
});

const DirectionEnum = builder.enumType('ServiceIndexDirection', {
  description: 'Tỷ lệ cao hay thấp thì tốt hơn. / Whether a higher or a lower ratio is better.',
  values: {
    HIGHER_IS_BETTER: {
      value: 'higher_is_better',
      description: 'Tỷ lệ càng cao càng tốt. / Higher is better.',
    },
    LOWER_IS_BETTER: {
      value: 'lower_is_better',
      description: 'Tỷ lệ càng thấp càng tốt. / Lower is better.',
    },
  } as const,
});

type IndicatorView = ServiceIndexIndicatorResult & { note: IndicatorNote | null };
type GroupView = Omit<ServiceIndexGroupResult, 'indicators'> & { indicators: IndicatorView[] };

const IndicatorRef = builder.objectRef<IndicatorView>('ServiceIndexIndicator').implement({
  description:
    'Một chỉ số thành phần: tử số, mẫu số, tỷ lệ, mục tiêu, điểm, kèm định nghĩa. / One indicator: counts, ratio, target, points and its definition.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Mã chỉ số thành phần, ví dụ "1.1". / Indicator code, e.g. "1.1".',
    }),
    name: t.string({ description: 'Tên, tiếng Việt. / Vietnamese name.', resolve: (i) => i.name.vi }),
    nameEn: t.string({ description: 'Tên, tiếng Anh. / English name.', resolve: (i) => i.name.en }),
    definition: t.string({
      description: 'Định nghĩa theo Quyết định 766. / Definition under Decision 766.',
      resolve: (i) => DEFINITIONS.get(i.code)!.definition.vi,
    }),
    definitionEn: t.string({
      description: 'Định nghĩa theo Quyết định 766, tiếng Anh. / Definition under Decision 766, in English.',
      resolve: (i) => DEFINITIONS.get(i.code)!.definition.en,
    }),
    computedAs: t.string({
      description: 'Cách tính từ dữ liệu của hệ thống. / How it is computed from this platform’s data.',
      resolve: (i) => COMPUTED_AS[i.code]!.vi,
    }),
    computedAsEn: t.string({
      description:
        "Cách tính từ dữ liệu của hệ thống, tiếng Anh. / How it is computed from this platform's data, in English.",
      resolve: (i) => COMPUTED_AS[i.code]!.en,
    }),
    numeratorInput: t.string({
      description: 'Khoá số liệu tử số. / Key of the numerator count.',
      resolve: (i) => DEFINITIONS.get(i.code)!.numerator,
    }),
    denominatorInput: t.string({
      description: 'Khoá số liệu mẫu số. / Key of the denominator count.',
      resolve: (i) => DEFINITIONS.get(i.code)!.denominator,
    }),
    numerator: t.float({
      nullable: true,
      description: 'Null khi không công bố (quá ít lượt đánh giá). / Null when withheld (too few ratings).',
      resolve: (i) => (i.note?.withheld ? null : i.numerator),
    }),
    denominator: t.float({
      nullable: true,
      description: 'Null khi không công bố. / Null when withheld.',
      resolve: (i) => (i.note?.withheld ? null : i.denominator),
    }),
    ratio: t.exposeFloat('ratio', {
      description:
        'Tử số / mẫu số; null khi không áp dụng hoặc không công bố. / Numerator over denominator; null when not applicable or withheld.',
      nullable: true,
    }),
    target: t.exposeFloat('target', {
      description:
        'Tỷ lệ mục tiêu: đạt hoặc vượt thì đủ điểm, thấp hơn thì điểm theo tỷ lệ. / Target ratio: full points at or beyond it, proportional points short of it.',
    }),
    direction: t.field({
      type: DirectionEnum,
      description: 'Tỷ lệ cao hay thấp thì tốt hơn. / Whether a higher or lower ratio is better.',
      resolve: (i) => i.direction,
    }),
    points: t.exposeFloat('points', {
      nullable: true,
      description:
        'Điểm trên điểm tối đa của chỉ số, trước khi quy đổi trong nhóm. / Points against the indicator’s maximum, before rescaling in its group.',
    }),
    max: t.exposeFloat('max', { description: "Điểm tối đa của chỉ số. / The indicator's maximum points." }),
    applicable: t.exposeBoolean('applicable', {
      description:
        'Có dữ liệu để tính trong kỳ (mẫu số > 0). / There is data for it in the period (denominator > 0).',
    }),
    withheld: t.boolean({
      description: `Không công bố vì dưới ${MIN_RATINGS} lượt đánh giá. / Withheld: fewer than ${MIN_RATINGS} ratings.`,
      resolve: (i) => i.note?.withheld ?? false,
    }),
    notApplicableReason: t.string({
      description:
        'Vì sao chỉ số không áp dụng hoặc không công bố, tiếng Việt. / Why it does not apply or is withheld, in Vietnamese.',
      nullable: true,
      resolve: (i) => i.note?.reason.vi ?? null,
    }),
    notApplicableReasonEn: t.string({
      description:
        'Vì sao chỉ số không áp dụng hoặc không công bố, tiếng Anh. / Why it does not apply or is withheld, in English.',
      nullable: true,
      resolve: (i) => i.note?.reason.en ?? null,
    }),
  }),
});

const GroupRef = builder.objectRef<GroupView>('ServiceIndexGroup').implement({
  description: 'Một nhóm của Chỉ số 766. / One group of the 766 index.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã nhóm (1–5). / Group code (1–5).' }),
    name: t.string({
      description: 'Tên nhóm, tiếng Việt. / Vietnamese name of the group.',
      resolve: (g) => g.name.vi,
    }),
    nameEn: t.string({
      description: 'Tên nhóm, tiếng Anh. / English name of the group.',
      resolve: (g) => g.name.en,
    }),
    max: t.exposeFloat('max', {
      description:
        'Điểm tối đa của nhóm (18, 20, 22, 22, 18). / Maximum points of the group (18, 20, 22, 22, 18).',
    }),
    points: t.exposeFloat('points', {
      nullable: true,
      description:
        'Điểm nhóm, quy đổi theo các chỉ số áp dụng được; null khi không chỉ số nào áp dụng. / Group points, rescaled over its applicable indicators; null when none applies.',
    }),
    applicableMax: t.exposeFloat('applicableMax', {
      description:
        'Tổng điểm tối đa của các chỉ số áp dụng được. / Sum of the maxima of its applicable indicators.',
    }),
    indicators: t.field({
      type: [IndicatorRef],
      description: 'Các chỉ số thành phần. / Its indicators.',
      resolve: (g) => g.indicators,
    }),
  }),
});

const ServiceIndexRef = builder.objectRef<ServiceIndexReport>('ServiceIndex').implement({
  description:
    'Chỉ số phục vụ người dân, doanh nghiệp theo thời gian thực (Quyết định 766/QĐ-TTg) của một đơn vị hoặc cơ quan trong một kỳ. / The Decision 766 real-time service index of a unit or agency for a period.',
  fields: (t) => ({
    code: t.string({
      description: 'Mã chỉ số, "qd-766-2022". / Index code, "qd-766-2022".',
      resolve: () => SERVICE_INDEX_766.code,
    }),
    name: t.string({
      description: 'Tên chỉ số, tiếng Việt. / Vietnamese name of the index.',
      resolve: () => SERVICE_INDEX_766.name.vi,
    }),
    nameEn: t.string({
      description: 'Tên chỉ số, tiếng Anh. / English name of the index.',
      resolve: () => SERVICE_INDEX_766.name.en,
    }),
    source: t.string({
      description: 'Văn bản quy định, tiếng Việt. / The governing decision, in Vietnamese.',
      resolve: () => SERVICE_INDEX_766.source.vi,
    }),
    sourceEn: t.string({
      description: 'Văn bản quy định, tiếng Anh. / The governing decision, in English.',
      resolve: () => SERVICE_INDEX_766.source.en,
    }),
    unit: t.field({
      description:
        'Đơn vị hành chính được tính (khi tính theo đơn vị). / The administrative unit measured (unit scope).',
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (r, _a, c) => ('unitId' in r.scope ? c.loaders.units.unitById.load(r.scope.unitId) : null),
    }),
    agency: t.field({
      description: 'Cơ quan được tính (khi tính theo cơ quan). / The agency measured (agency scope).',
      type: AgencyRef,
      nullable: true,
      resolve: (r, _a, c) =>
        'agencyId' in r.scope ? c.loaders.agencies.agencyById.load(r.scope.agencyId) : null,
    }),
    period: t.field({
      type: ServiceIndexPeriodEnum,
      description: 'Loại kỳ. / Kind of period.',
      resolve: (r) => r.period,
    }),
    from: t.field({
      type: 'Date',
      description: 'Ngày đầu kỳ. / First day of the period.',
      resolve: (r) => r.from,
    }),
    to: t.field({
      type: 'Date',
      description: 'Ngày cuối kỳ. / Last day of the period.',
      resolve: (r) => r.to,
    }),
    asOf: t.field({
      type: 'DateTime',
      description: 'Thời điểm số liệu: cuối kỳ, hoặc hiện tại nếu kỳ chưa hết. / End of the period, or now.',
      resolve: (r) => r.asOf,
    }),
    total: t.float({
      nullable: true,
      description:
        'Tổng điểm (0–100); null khi không có gì để đo. / Total points; null when nothing applies.',
      resolve: (r) => r.result.total,
    }),
    max: t.float({ description: 'Điểm tối đa (100). / Maximum points (100).', resolve: (r) => r.result.max }),
    band: t.string({
      nullable: true,
      description: 'Mã xếp loại. / Band code.',
      resolve: (r) => r.result.band,
    }),
    bandName: t.string({
      description: 'Tên xếp loại, tiếng Việt (ví dụ "Xuất sắc"). / Vietnamese band name (e.g. "Xuất sắc").',
      nullable: true,
      resolve: (r) => r.result.bandName?.vi ?? null,
    }),
    bandNameEn: t.string({
      description: 'Tên xếp loại, tiếng Anh. / English band name.',
      nullable: true,
      resolve: (r) => r.result.bandName?.en ?? null,
    }),
    minimumRatings: t.int({
      description:
        'Số lượt đánh giá tối thiểu để công bố chỉ số dựa trên đánh giá của người dân. / Fewest ratings for a rating-based indicator to be published.',
      resolve: () => MIN_RATINGS,
    }),
    groups: t.field({
      description: 'Năm nhóm chỉ số. / The five groups.',
      type: [GroupRef],
      resolve: (r) =>
        r.result.groups.map((g) => ({
          ...g,
          indicators: g.indicators.map((i) => ({ ...i, note: r.notes[i.code] ?? null })),
        })),
    }),
  }),
});

builder.queryField('serviceIndex', (t) =>
  t.field({
    type: ServiceIndexRef,
    description:
      'Chỉ số 766 của một đơn vị hành chính (công khai, ai cũng xem được) hoặc một cơ quan (người có quyền xem báo cáo của cơ quan) cho tuần, tháng, quý hoặc năm chứa ngày đã chọn. / The 766 index of a unit (public) or of an agency (viewers who read its reports) for the week, month, quarter or year containing the date.',
    authScopes: { public: true },
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    args: {
      unitId: t.arg.globalID({
        for: [AdministrativeUnitRef],
        description: 'Đơn vị (hoặc agencyId). / A unit.',
      }),
      agencyId: t.arg.globalID({ description: 'Global ID of an Agency (or give unitId).' }),
      period: t.arg({
        type: ServiceIndexPeriodEnum,
        description: 'Tuần, tháng, quý hay năm. / Week, month, quarter or year.',
        required: true,
      }),
      date: t.arg({
        type: 'Date',
        description: 'Một ngày trong kỳ (YYYY-MM-DD). / Any day of the period (YYYY-MM-DD).',
        required: true,
        validate: civilDateInput,
      }),
    },
    resolve: (_root, args, context) => {
      if (Boolean(args.unitId) === Boolean(args.agencyId)) {
        throw new ValidationError([
          {
            path: ['unitId'],
            message: 'Cần đúng một trong unitId hoặc agencyId.',
            messageEn: 'Give exactly one of unitId or agencyId.',
          },
        ]);
      }
      const scope = args.unitId
        ? { unitId: args.unitId.id }
        : { agencyId: args.agencyId!.typename === 'Agency' ? args.agencyId!.id : '0' };
      return serviceIndex(context, scope, args.period as ServiceIndexPeriodKind, args.date);
    },
  }),
);
