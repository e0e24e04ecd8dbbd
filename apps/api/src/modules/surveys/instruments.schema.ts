import { getAggregationRule, type InstrumentOverrides } from '@chiso/scoring';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import {
  createCustomInstrument,
  getInstrumentRecord,
  type InstrumentRecord,
  listInstruments,
  publishInstrument,
  reviseCustomInstrument,
} from './instruments.service.js';

export const InstrumentOriginEnum = builder.enumType('InstrumentOrigin', {
  description: 'Nguồn gốc bộ câu hỏi. / Where an instrument comes from.',
  values: {
    BUILTIN: { value: 'builtin', description: 'Có sẵn trong nền tảng. / Shipped with the platform.' },
    CUSTOM: { value: 'custom', description: 'Do một đơn vị tự định nghĩa. / Defined by a unit.' },
  } as const,
});

export const InstrumentStatusEnum = builder.enumType('InstrumentStatus', {
  description: 'Vòng đời của một phiên bản bộ câu hỏi. / Lifecycle of an instrument version.',
  values: {
    DRAFT: { value: 'draft', description: 'Đang soạn, còn sửa được. / Being drafted, still editable.' },
    PUBLISHED: {
      value: 'published',
      description: 'Đã công bố, không bao giờ thay đổi. / Published, never changes.',
    },
    RETIRED: { value: 'retired', description: 'Ngừng sử dụng. / No longer used.' },
  } as const,
});

const WordingStatusEnum = builder.enumType('WordingStatus', {
  description:
    "Câu chữ của câu hỏi đã được đối chiếu hay chưa. / Whether an item's wording has been checked.",
  values: {
    OFFICIAL: {
      value: 'official',
      description: 'Câu chữ đã đối chiếu với mẫu chính thức. / Seen on an official form.',
    },
    BELIEVED: {
      value: 'believed',
      description: 'Câu chữ tái dựng, chờ đối chiếu. / Reconstructed, awaiting a check.',
    },
  } as const,
});

const ValueUnitEnum = builder.enumType('ValueUnit', {
  description: 'Đơn vị của giá trị chỉ số. / Unit of index values.',
  values: {
    PERCENT: { value: 'percent', description: 'Phần trăm, 0–100. / Percent, 0–100.' },
    POINTS: {
      value: 'points',
      description: 'Điểm theo thang của bộ câu hỏi. / Points on the instrument’s scale.',
    },
  } as const,
});

interface LevelShape {
  value: number;
  label: { vi: string; en: string };
}
interface ItemShape {
  code: string;
  ordinal: number;
  text: { vi: string; en: string };
  wordingStatus?: 'official' | 'believed';
}
interface DimensionShape {
  code: string;
  name: { vi: string; en: string };
  items: ItemShape[];
}

const ScaleLevelRef = builder.objectRef<LevelShape>('ScaleLevel').implement({
  description: 'Một mức của thang đo. / One level of the answer scale.',
  fields: (t) => ({
    value: t.exposeInt('value', {
      description: 'Giá trị số của mức trả lời (ví dụ 1–5). / Numeric value of the answer level (e.g. 1–5).',
    }),
    label: t.string({
      description: 'Nhãn tiếng Việt, ví dụ "Rất hài lòng". / Vietnamese label, e.g. "Rất hài lòng".',
      resolve: (level) => level.label.vi,
    }),
    labelEn: t.string({
      description: 'Nhãn tiếng Anh, ví dụ "Very satisfied". / English label, e.g. "Very satisfied".',
      resolve: (level) => level.label.en,
    }),
  }),
});

const AnswerScaleRef = builder.objectRef<InstrumentRecord['definition']['scale']>('AnswerScale').implement({
  description: 'Thang trả lời chung của mọi câu hỏi. / The answer scale shared by every item.',
  fields: (t) => ({
    min: t.exposeInt('min', { description: 'Giá trị nhỏ nhất. / Lowest value.' }),
    max: t.exposeInt('max', { description: 'Giá trị lớn nhất. / Highest value.' }),
    satisfiedFrom: t.exposeInt('satisfiedFrom', {
      description: 'Từ mức này trở lên là "hài lòng". / Answers at or above this level count as satisfied.',
    }),
    levels: t.field({
      type: [ScaleLevelRef],
      description: 'Các mức trả lời, từ thấp đến cao. / The answer levels, lowest first.',
      resolve: (scale) => scale.levels,
    }),
  }),
});

const InstrumentItemRef = builder.objectRef<ItemShape>('InstrumentItem').implement({
  description: 'Một câu hỏi (tiêu chí). / One item (criterion).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã câu hỏi, ví dụ "2.3". / Item code, e.g. "2.3".' }),
    ordinal: t.exposeInt('ordinal', {
      description: 'Vị trí trong danh sách câu trả lời (từ 0). / Index in the answers list (from 0).',
    }),
    text: t.string({
      description: "Câu hỏi, tiếng Việt. / The item's Vietnamese wording.",
      resolve: (item) => item.text.vi,
    }),
    textEn: t.string({
      description: "Câu hỏi, tiếng Anh. / The item's English wording.",
      resolve: (item) => item.text.en,
    }),
    wordingStatus: t.field({
      description: 'Câu chữ chính thức hay tái dựng. / Official or reconstructed wording.',
      type: WordingStatusEnum,
      nullable: true,
      resolve: (item) => item.wordingStatus ?? null,
    }),
  }),
});

const InstrumentDimensionRef = builder.objectRef<DimensionShape>('InstrumentDimension').implement({
  description: 'Một nhóm tiêu chí (yếu tố). / A group of items (factor).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Mã nhóm (yếu tố), ví dụ "2". / Dimension (factor) code, e.g. "2".',
    }),
    name: t.string({
      description: 'Tên nhóm, tiếng Việt. / Vietnamese name of the dimension.',
      resolve: (dimension) => dimension.name.vi,
    }),
    nameEn: t.string({
      description: 'Tên nhóm, tiếng Anh. / English name of the dimension.',
      resolve: (dimension) => dimension.name.en,
    }),
    items: t.field({
      type: [InstrumentItemRef],
      description: "Câu hỏi của nhóm, theo thứ tự. / The dimension's items, in order.",
      resolve: (dimension) => dimension.items,
    }),
  }),
});

const AggregationRef = builder.objectRef<{ id: string }>('AggregationRule').implement({
  description: 'Cách tính chỉ số từ câu trả lời. / How answers become index values.',
  fields: (t) => ({
    id: t.exposeString('id', {
      description: 'Mã quy tắc, ví dụ "sipas-2640". / Rule id, e.g. "sipas-2640".',
    }),
    description: t.string({
      description: 'Cách tính, tiếng Việt. / How it computes, in Vietnamese.',
      resolve: ({ id }) => getAggregationRule(id).description.vi,
    }),
    descriptionEn: t.string({
      description: 'Cách tính, tiếng Anh. / How it computes, in English.',
      resolve: ({ id }) => getAggregationRule(id).description.en,
    }),
    unit: t.field({
      type: ValueUnitEnum,
      description: 'Đơn vị của giá trị (phần trăm hay điểm). / Unit of the values (percent or points).',
      resolve: ({ id }) => getAggregationRule(id).unit,
    }),
  }),
});

export const InstrumentRef = builder.objectRef<InstrumentRecord>('Instrument');

builder.node(InstrumentRef, {
  description:
    'Một phiên bản bộ câu hỏi khảo sát hoặc đánh giá. / One version of a survey or evaluation instrument.',
  id: { resolve: (record) => record.row.id },
  loadOne: (id, context) => context.loaders.surveys.instrumentById.load(id),
  fields: (t) => ({
    code: t.string({
      description: 'Mã bộ câu hỏi, ví dụ "SIPAS". / Instrument code, e.g. "SIPAS".',
      resolve: (record) => record.row.code,
    }),
    version: t.string({
      description: 'Phiên bản, ví dụ "2017". / Version, e.g. "2017".',
      resolve: (record) => record.row.version,
    }),
    origin: t.field({
      type: InstrumentOriginEnum,
      description: 'Có sẵn hay do đơn vị tự định nghĩa. / Built in or defined by a unit.',
      resolve: (record) => record.row.origin,
    }),
    status: t.field({
      type: InstrumentStatusEnum,
      description: 'Đang soạn, đã công bố hay ngừng dùng. / Draft, published or retired.',
      resolve: (record) => record.row.status,
    }),
    name: t.string({
      description: 'Tên, tiếng Việt. / Vietnamese name.',
      resolve: (record) => record.definition.name.vi,
    }),
    nameEn: t.string({
      description: 'Tên, tiếng Anh. / English name.',
      resolve: (record) => record.definition.name.en,
    }),
    description: t.string({
      nullable: true,
      description: 'Mô tả, tiếng Việt. / Vietnamese description.',
      resolve: (record) => record.definition.description?.vi ?? null,
    }),
    descriptionEn: t.string({
      description: 'Mô tả, tiếng Anh. / English description.',
      nullable: true,
      resolve: (record) => record.definition.description?.en ?? null,
    }),
    source: t.string({
      nullable: true,
      description: 'Văn bản gốc của phương pháp. / The legal act or document behind it.',
      resolve: (record) => record.definition.source ?? null,
    }),
    scale: t.field({
      type: AnswerScaleRef,
      description: 'Thang trả lời. / The answer scale.',
      resolve: (record) => record.definition.scale,
    }),
    aggregation: t.field({
      description: 'Quy tắc tính chỉ số. / How answers become index values.',
      type: AggregationRef,
      resolve: (record) => ({ id: record.definition.aggregation }),
    }),
    itemCount: t.int({
      description: 'Số câu hỏi. / Number of items.',
      resolve: (record) => record.row.itemCount,
    }),
    dimensions: t.field({
      type: [InstrumentDimensionRef],
      description: 'Nhóm và câu hỏi theo thứ tự trả lời. / Dimensions and items in answer order.',
      resolve: (record) => {
        let ordinal = 0;
        return record.definition.dimensions.map((dimension) => ({
          code: dimension.code,
          name: dimension.name,
          items: dimension.items.map((item) => ({ ...item, ordinal: ordinal++ })),
        }));
      },
    }),
    ownerUnit: t.field({
      description: 'Đơn vị sở hữu (bộ câu hỏi tự định nghĩa). / Owning unit (custom instruments).',
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (record, _args, context) =>
        record.row.ownerUnitId ? context.loaders.units.unitById.load(record.row.ownerUnitId) : null,
    }),
    basedOn: t.field({
      type: InstrumentRef,
      nullable: true,
      description:
        'Mẫu hoặc phiên bản trước mà bộ này dựa vào. / The template or earlier version it derives from.',
      resolve: (record, _args, context) =>
        record.row.basedOnId ? context.loaders.surveys.instrumentById.load(record.row.basedOnId) : null,
    }),
    publishedAt: t.field({
      description:
        'Thời điểm công bố (ISO 8601; trống khi đang soạn). / When it was published (ISO 8601; null while a draft).',
      type: 'String',
      nullable: true,
      resolve: (record) => record.row.publishedAt?.toISOString() ?? null,
    }),
  }),
});

builder.queryField('instruments', (t) =>
  t.field({
    type: [InstrumentRef],
    nullable: { list: true, items: false },
    description: 'Các bộ câu hỏi. / Instruments.',
    authScopes: { public: true },
    args: {
      origin: t.arg({ description: 'Chỉ nguồn gốc này. / Only this origin.', type: InstrumentOriginEnum }),
      status: t.arg({ description: 'Chỉ trạng thái này. / Only this status.', type: InstrumentStatusEnum }),
    },
    resolve: (_root, args, context) => listInstruments(context, args),
  }),
);

builder.queryField('instrument', (t) =>
  t.field({
    type: InstrumentRef,
    description:
      'Một bộ câu hỏi theo mã và phiên bản (mặc định: bản công bố mới nhất). / An instrument by code and version (default: latest published).',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      code: t.arg.string({ description: 'Mã bộ câu hỏi. / Instrument code.', required: true }),
      version: t.arg.string({
        description: 'Phiên bản (mặc định: bản công bố mới nhất). / Version (default: latest published).',
      }),
    },
    resolve: (_root, args, context) => getInstrumentRecord(context, args.code, args.version),
  }),
);

const LocalizedTextInput = builder.inputType('LocalizedTextInput', {
  description: 'Một văn bản bằng hai ngôn ngữ. / A text in both languages.',
  fields: (t) => ({
    vi: t.string({ required: true, description: 'Tiếng Việt. / Vietnamese.' }),
    en: t.string({ required: true, description: 'Tiếng Anh. / English.' }),
  }),
});

const ScaleLevelInput = builder.inputType('ScaleLevelInput', {
  description: 'Một mức trả lời. / One answer level.',
  fields: (t) => ({
    value: t.int({
      description: 'Giá trị số, trong khoảng min–max. / Numeric value, within min–max.',
      required: true,
    }),
    label: t.field({ type: LocalizedTextInput, description: 'Nhãn. / Label.', required: true }),
  }),
});

const AnswerScaleInput = builder.inputType('AnswerScaleInput', {
  description: 'Một thang trả lời. / An answer scale.',
  fields: (t) => ({
    min: t.int({ description: 'Giá trị nhỏ nhất. / Lowest value.', required: true }),
    max: t.int({ description: 'Giá trị lớn nhất. / Highest value.', required: true }),
    satisfiedFrom: t.int({
      description: 'Từ mức này trở lên được tính là hài lòng. / Levels from this one up count as satisfied.',
      required: true,
    }),
    levels: t.field({
      type: [ScaleLevelInput],
      description: 'Mọi mức từ min đến max. / Every level from min to max.',
      required: true,
    }),
  }),
});

const InstrumentItemInput = builder.inputType('InstrumentItemInput', {
  description: 'Một câu hỏi. / One item.',
  fields: (t) => ({
    code: t.string({
      description: 'Mã câu hỏi, duy nhất trong bộ. / Item code, unique in the instrument.',
      required: true,
    }),
    text: t.field({ type: LocalizedTextInput, description: 'Câu hỏi. / The wording.', required: true }),
    wordingStatus: t.field({
      description:
        'Câu chữ chính thức hay tái dựng (mặc định chính thức). / Official or reconstructed wording (default official).',
      type: WordingStatusEnum,
    }),
  }),
});

const InstrumentDimensionInput = builder.inputType('InstrumentDimensionInput', {
  description: 'Một nhóm câu hỏi. / One dimension.',
  fields: (t) => ({
    code: t.string({
      description: 'Mã nhóm, duy nhất trong bộ. / Dimension code, unique in the instrument.',
      required: true,
    }),
    name: t.field({ type: LocalizedTextInput, description: 'Tên nhóm. / Name.', required: true }),
    items: t.field({
      type: [InstrumentItemInput],
      description: 'Câu hỏi của nhóm. / Its items.',
      required: true,
    }),
  }),
});

const AddItemsInput = builder.inputType('AddItemsInput', {
  description: 'Câu hỏi thêm vào một nhóm. / Items added to one dimension.',
  fields: (t) => ({
    dimension: t.string({
      required: true,
      description: 'Mã nhóm nhận thêm câu hỏi. / Code of the dimension.',
    }),
    items: t.field({
      type: [InstrumentItemInput],
      description: 'Câu hỏi thêm, cuối nhóm. / Items to append to the dimension.',
      required: true,
    }),
  }),
});

const InstrumentChangesInput = builder.inputType('InstrumentChangesInput', {
  description: 'Những gì khác với mẫu. / What differs from the template.',
  fields: (t) => ({
    name: t.field({ description: 'Tên mới. / New name.', type: LocalizedTextInput }),
    description: t.field({ type: LocalizedTextInput, description: 'Mô tả mới. / New description.' }),
    source: t.string({ description: 'Văn bản gốc của phương pháp. / The document behind it.' }),
    scale: t.field({ description: 'Thang trả lời mới. / New answer scale.', type: AnswerScaleInput }),
    dimensions: t.field({
      type: [InstrumentDimensionInput],
      description: 'Thay toàn bộ nhóm. / Replaces all.',
    }),
    omitItems: t.stringList({ description: 'Mã các câu hỏi bỏ đi. / Codes of items to leave out.' }),
    addItems: t.field({
      description: 'Câu hỏi thêm vào nhóm. / Items to add to dimensions.',
      type: [AddItemsInput],
    }),
    aggregation: t.string({ description: 'Mã quy tắc tổng hợp đã đăng ký. / A registered rule id.' }),
  }),
});

const InstrumentKeyInput = builder.inputType('InstrumentKeyInput', {
  description: 'Mã và phiên bản của một bộ câu hỏi. / Code and version of an instrument.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Mã bộ câu hỏi, ví dụ SIPAS. / Instrument code, e.g. SIPAS.',
    }),
    version: t.string({ required: true, description: 'Phiên bản, ví dụ 2017. / Version, e.g. 2017.' }),
  }),
});

type ChangesArg = typeof InstrumentChangesInput.$inferInput;

function toChanges(changes: ChangesArg | null | undefined): Omit<InstrumentOverrides, 'code' | 'version'> {
  if (!changes) return {};
  const result: Omit<InstrumentOverrides, 'code' | 'version'> = {};
  if (changes.name) result.name = changes.name;
  if (changes.description) result.description = changes.description;
  if (changes.source != null) result.source = changes.source;
  if (changes.scale) result.scale = changes.scale;
  const item = (i: {
    code: string;
    text: { vi: string; en: string };
    wordingStatus?: 'official' | 'believed' | null;
  }) => ({
    code: i.code,
    text: i.text,
    ...(i.wordingStatus ? { wordingStatus: i.wordingStatus } : {}),
  });
  if (changes.dimensions) {
    result.dimensions = changes.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      items: d.items.map(item),
    }));
  }
  if (changes.omitItems) result.omitItems = changes.omitItems;
  if (changes.addItems) {
    result.addItems = changes.addItems.map((a) => ({ dimension: a.dimension, items: a.items.map(item) }));
  }
  if (changes.aggregation != null) result.aggregation = changes.aggregation;
  return result;
}

builder.mutationField('createCustomInstrument', (t) =>
  t.field({
    type: InstrumentRef,
    description:
      'Tạo bộ câu hỏi riêng (bản nháp) từ một mẫu. Quản trị của đơn vị sở hữu. / Creates a custom instrument (a draft) from a template; for admins of the owning unit.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError, ConflictError, NotFoundError] },
    args: {
      template: t.arg({
        type: InstrumentKeyInput,
        description: 'Bộ câu hỏi làm mẫu. / The instrument to start from.',
        required: true,
      }),
      ownerUnit: t.arg.globalID({
        description:
          'ID toàn cục của AdministrativeUnit sở hữu. / Global ID of the owning AdministrativeUnit.',
        required: true,
        for: AdministrativeUnitRef,
      }),
      code: t.arg.string({ description: 'Mã bộ mới. / Code of the new instrument.', required: true }),
      version: t.arg.string({ description: 'Phiên bản đầu tiên. / Its first version.', required: true }),
      overrides: t.arg({
        description: 'Những gì khác với mẫu. / What differs from the template.',
        type: InstrumentChangesInput,
      }),
    },
    resolve: (_root, args, context) =>
      createCustomInstrument(context, {
        template: args.template,
        ownerUnitId: args.ownerUnit.id,
        overrides: { ...toChanges(args.overrides), code: args.code, version: args.version },
      }),
  }),
);

builder.mutationField('reviseInstrument', (t) =>
  t.field({
    type: InstrumentRef,
    description:
      'Sửa bộ câu hỏi riêng: bản nháp sửa tại chỗ; bản đã công bố sinh phiên bản nháp mới. / Edits a custom instrument: a draft in place; a published one into a new draft version.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError, ConflictError, NotFoundError] },
    args: {
      code: t.arg.string({ description: 'Mã bộ câu hỏi. / Instrument code.', required: true }),
      version: t.arg.string({
        description:
          'Phiên bản cần sửa (bản nháp sửa tại chỗ; bản đã công bố tạo phiên bản mới). / Version to revise (a draft changes in place; a published one yields a new version).',
        required: true,
      }),
      newVersion: t.arg.string({
        description:
          'Phiên bản nháp mới khi sửa bản đã công bố (mặc định: số kế tiếp còn trống). / The new draft version when revising a published one (default: the next free one).',
      }),
      changes: t.arg({
        type: InstrumentChangesInput,
        description: 'Các thay đổi. / The changes.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      reviseCustomInstrument(context, {
        code: args.code,
        version: args.version,
        newVersion: args.newVersion,
        changes: toChanges(args.changes),
      }),
  }),
);

builder.mutationField('publishInstrument', (t) =>
  t.field({
    type: InstrumentRef,
    description:
      'Công bố bản nháp; từ đó không thay đổi nữa. / Publishes a draft; it never changes afterwards.',
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError, ConflictError, NotFoundError] },
    args: {
      code: t.arg.string({ description: 'Mã bộ câu hỏi. / Instrument code.', required: true }),
      version: t.arg.string({ description: 'Phiên bản cần công bố. / Version to publish.', required: true }),
    },
    resolve: (_root, args, context) => publishInstrument(context, args.code, args.version),
  }),
);
