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
  values: { PERCENT: { value: 'percent' }, POINTS: { value: 'points' } } as const,
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
    value: t.exposeInt('value'),
    label: t.string({ resolve: (level) => level.label.vi }),
    labelEn: t.string({ resolve: (level) => level.label.en }),
  }),
});

const AnswerScaleRef = builder.objectRef<InstrumentRecord['definition']['scale']>('AnswerScale').implement({
  description: 'Thang trả lời chung của mọi câu hỏi. / The answer scale shared by every item.',
  fields: (t) => ({
    min: t.exposeInt('min'),
    max: t.exposeInt('max'),
    satisfiedFrom: t.exposeInt('satisfiedFrom', {
      description: 'Từ mức này trở lên là "hài lòng". / Answers at or above this level count as satisfied.',
    }),
    levels: t.field({ type: [ScaleLevelRef], resolve: (scale) => scale.levels }),
  }),
});

const InstrumentItemRef = builder.objectRef<ItemShape>('InstrumentItem').implement({
  description: 'Một câu hỏi (tiêu chí). / One item (criterion).',
  fields: (t) => ({
    code: t.exposeString('code'),
    ordinal: t.exposeInt('ordinal', {
      description: 'Vị trí trong danh sách câu trả lời (từ 0). / Index in the answers list (from 0).',
    }),
    text: t.string({ resolve: (item) => item.text.vi }),
    textEn: t.string({ resolve: (item) => item.text.en }),
    wordingStatus: t.field({
      type: WordingStatusEnum,
      nullable: true,
      resolve: (item) => item.wordingStatus ?? null,
    }),
  }),
});

const InstrumentDimensionRef = builder.objectRef<DimensionShape>('InstrumentDimension').implement({
  description: 'Một nhóm tiêu chí (yếu tố). / A group of items (factor).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({ resolve: (dimension) => dimension.name.vi }),
    nameEn: t.string({ resolve: (dimension) => dimension.name.en }),
    items: t.field({ type: [InstrumentItemRef], resolve: (dimension) => dimension.items }),
  }),
});

const AggregationRef = builder.objectRef<{ id: string }>('AggregationRule').implement({
  description: 'Cách tính chỉ số từ câu trả lời. / How answers become index values.',
  fields: (t) => ({
    id: t.exposeString('id'),
    description: t.string({ resolve: ({ id }) => getAggregationRule(id).description.vi }),
    descriptionEn: t.string({ resolve: ({ id }) => getAggregationRule(id).description.en }),
    unit: t.field({ type: ValueUnitEnum, resolve: ({ id }) => getAggregationRule(id).unit }),
  }),
});

export const InstrumentRef = builder.objectRef<InstrumentRecord>('Instrument');

builder.node(InstrumentRef, {
  description:
    'Một phiên bản bộ câu hỏi khảo sát hoặc đánh giá. / One version of a survey or evaluation instrument.',
  id: { resolve: (record) => record.row.id },
  loadOne: (id, context) => context.loaders.surveys.instrumentById.load(id),
  fields: (t) => ({
    code: t.string({ resolve: (record) => record.row.code }),
    version: t.string({ resolve: (record) => record.row.version }),
    origin: t.field({ type: InstrumentOriginEnum, resolve: (record) => record.row.origin }),
    status: t.field({ type: InstrumentStatusEnum, resolve: (record) => record.row.status }),
    name: t.string({ resolve: (record) => record.definition.name.vi }),
    nameEn: t.string({ resolve: (record) => record.definition.name.en }),
    description: t.string({ nullable: true, resolve: (record) => record.definition.description?.vi ?? null }),
    descriptionEn: t.string({
      nullable: true,
      resolve: (record) => record.definition.description?.en ?? null,
    }),
    source: t.string({
      nullable: true,
      description: 'Văn bản gốc của phương pháp. / The legal act or document behind it.',
      resolve: (record) => record.definition.source ?? null,
    }),
    scale: t.field({ type: AnswerScaleRef, resolve: (record) => record.definition.scale }),
    aggregation: t.field({
      type: AggregationRef,
      resolve: (record) => ({ id: record.definition.aggregation }),
    }),
    itemCount: t.int({ resolve: (record) => record.row.itemCount }),
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
      origin: t.arg({ type: InstrumentOriginEnum }),
      status: t.arg({ type: InstrumentStatusEnum }),
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
      code: t.arg.string({ required: true }),
      version: t.arg.string(),
    },
    resolve: (_root, args, context) => getInstrumentRecord(context, args.code, args.version),
  }),
);

const LocalizedTextInput = builder.inputType('LocalizedTextInput', {
  fields: (t) => ({ vi: t.string({ required: true }), en: t.string({ required: true }) }),
});

const ScaleLevelInput = builder.inputType('ScaleLevelInput', {
  fields: (t) => ({
    value: t.int({ required: true }),
    label: t.field({ type: LocalizedTextInput, required: true }),
  }),
});

const AnswerScaleInput = builder.inputType('AnswerScaleInput', {
  fields: (t) => ({
    min: t.int({ required: true }),
    max: t.int({ required: true }),
    satisfiedFrom: t.int({ required: true }),
    levels: t.field({ type: [ScaleLevelInput], required: true }),
  }),
});

const InstrumentItemInput = builder.inputType('InstrumentItemInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    text: t.field({ type: LocalizedTextInput, required: true }),
    wordingStatus: t.field({ type: WordingStatusEnum }),
  }),
});

const InstrumentDimensionInput = builder.inputType('InstrumentDimensionInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.field({ type: LocalizedTextInput, required: true }),
    items: t.field({ type: [InstrumentItemInput], required: true }),
  }),
});

const AddItemsInput = builder.inputType('AddItemsInput', {
  fields: (t) => ({
    dimension: t.string({
      required: true,
      description: 'Mã nhóm nhận thêm câu hỏi. / Code of the dimension.',
    }),
    items: t.field({ type: [InstrumentItemInput], required: true }),
  }),
});

const InstrumentChangesInput = builder.inputType('InstrumentChangesInput', {
  description: 'Những gì khác với mẫu. / What differs from the template.',
  fields: (t) => ({
    name: t.field({ type: LocalizedTextInput }),
    description: t.field({ type: LocalizedTextInput }),
    source: t.string(),
    scale: t.field({ type: AnswerScaleInput }),
    dimensions: t.field({
      type: [InstrumentDimensionInput],
      description: 'Thay toàn bộ nhóm. / Replaces all.',
    }),
    omitItems: t.stringList(),
    addItems: t.field({ type: [AddItemsInput] }),
    aggregation: t.string({ description: 'Mã quy tắc tổng hợp đã đăng ký. / A registered rule id.' }),
  }),
});

const InstrumentKeyInput = builder.inputType('InstrumentKeyInput', {
  fields: (t) => ({ code: t.string({ required: true }), version: t.string({ required: true }) }),
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
      template: t.arg({ type: InstrumentKeyInput, required: true }),
      ownerUnit: t.arg.globalID({ required: true, for: AdministrativeUnitRef }),
      code: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      overrides: t.arg({ type: InstrumentChangesInput }),
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
      code: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      newVersion: t.arg.string(),
      changes: t.arg({ type: InstrumentChangesInput, required: true }),
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
    args: { code: t.arg.string({ required: true }), version: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => publishInstrument(context, args.code, args.version),
  }),
);
