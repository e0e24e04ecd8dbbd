import { UNIT_LEVELS } from '@chiso/db';
import { NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { civilDateInput, stringRule } from '../../schema/input-rules.js';
import { findLevels, type LevelRow, type RegionRow, type SuccessionRow, type UnitRow } from './units.repo.js';
import { getUnitByCode, getUnitHistory, isValidOn, listUnitsValidOn, resolveAsOf } from './units.service.js';

type LevelCode = (typeof UNIT_LEVELS)[number]['code'];

/** The levels are data (`unit_level`); the enum is generated from the same constant the reference loader uses. */
export const UnitLevelEnum = builder.enumType('UnitLevel', {
  description: 'Cấp hành chính. / Administrative level.',
  values: Object.fromEntries(
    UNIT_LEVELS.map((level) => [
      level.code,
      { value: level.code, description: `${level.nameVi} / ${level.nameEn}` },
    ]),
  ) as Record<LevelCode, { value: LevelCode; description: string }>,
});

export const SuccessionKindEnum = builder.enumType('SuccessionKind', {
  description: 'Cách một đơn vị kế tiếp đơn vị trước. / How a unit followed another.',
  values: {
    CONTINUED: { value: 'continued', description: 'Giữ nguyên, không sáp nhập. / Carried on unchanged.' },
    MERGED: { value: 'merged', description: 'Sáp nhập với đơn vị khác. / Merged with other units.' },
    RENAMED: { value: 'renamed', description: 'Đổi tên. / Renamed.' },
    SPLIT: { value: 'split', description: 'Chia tách. / Split.' },
  } as const,
});

const unitCodeInput = stringRule(
  (code) => /^\d{2,5}$/.test(code),
  'Mã đơn vị hành chính gồm 2 đến 5 chữ số, ví dụ 01 hoặc 79.',
  'An administrative unit code has 2 to 5 digits, e.g. 01 or 79.',
);

export const AdministrativeLevelRef = builder.objectRef<LevelRow>('AdministrativeLevel').implement({
  description: 'Một cấp hành chính. / One administrative level.',
  fields: (t) => ({
    code: t.field({
      type: UnitLevelEnum,
      description: 'Mã cấp. / Level code.',
      resolve: (level) => level.code as LevelCode,
    }),
    name: t.exposeString('nameVi', { description: 'Tên cấp, tiếng Việt. / Vietnamese name of the level.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên cấp, tiếng Anh. / English name of the level.' }),
    depth: t.exposeInt('depth', { description: '1 = province, 2 = district, 3 = commune.' }),
  }),
});

export const RegionRef = builder.objectRef<RegionRow>('Region').implement({
  description: 'Vùng kinh tế - xã hội. / Socio-economic region.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã vùng. / Region code.' }),
    name: t.exposeString('nameVi', { description: 'Tên vùng, tiếng Việt. / Vietnamese name of the region.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên vùng, tiếng Anh. / English name of the region.' }),
    scheme: t.exposeString('scheme', { description: 'The legal act defining the grouping.' }),
  }),
});

export const AdministrativeUnitRef = builder.objectRef<UnitRow>('AdministrativeUnit');
export const UnitSuccessionRef = builder.objectRef<SuccessionRow>('UnitSuccession');

builder.node(AdministrativeUnitRef, {
  description:
    'Một phiên bản của đơn vị hành chính trong thời gian hiệu lực của nó. / One version of an administrative unit over its validity period.',
  id: { resolve: (unit) => unit.id },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.units.unitById.load(id))),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã GSO. / GSO code.' }),
    level: t.field({
      type: UnitLevelEnum,
      description: 'Cấp hành chính. / Administrative level.',
      resolve: (unit) => unit.levelCode as LevelCode,
    }),
    name: t.exposeString('nameVi', { description: 'Tên tiếng Việt. / Vietnamese name.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên tiếng Anh. / English name.' }),
    nameAscii: t.exposeString('nameAscii', { description: 'Tên không dấu. / Name without diacritics.' }),
    fullName: t.exposeString('fullNameVi', {
      description: 'Ví dụ "Tỉnh Thái Nguyên". / e.g. "Tỉnh Thái Nguyên".',
    }),
    type: t.exposeString('typeVi', { description: 'Ví dụ "tỉnh", "thành phố trực thuộc trung ương".' }),
    isoCode: t.exposeString('isoCode', { nullable: true, description: 'ISO 3166-2.' }),
    region: t.field({
      description: 'Vùng kinh tế - xã hội (cấp tỉnh). / Socio-economic region (provinces).',
      type: RegionRef,
      nullable: true,
      resolve: (unit, _args, context) =>
        unit.regionCode ? context.loaders.units.regionByCode.load(unit.regionCode) : null,
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'Ngày đầu tiên có hiệu lực. / First valid day.',
      resolve: (unit) => unit.validFrom,
    }),
    validTo: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Ngày cuối cùng còn hiệu lực; trống nếu vẫn còn. / Last valid day; empty while still valid.',
      resolve: (unit) => unit.validTo,
    }),
    isCurrent: t.boolean({
      description:
        'Còn hiệu lực vào ngày asOf (mặc định hôm nay, giờ Việt Nam). / Valid on asOf (default: today in Vietnam).',
      args: {
        asOf: t.arg({
          type: 'Date',
          description:
            'Ngày xét (YYYY-MM-DD; mặc định hôm nay). / The day to check (YYYY-MM-DD; default today).',
          validate: civilDateInput,
        }),
      },
      resolve: (unit, args) => isValidOn(unit, resolveAsOf(args.asOf)),
    }),
    parent: t.field({
      description: 'Đơn vị cấp trên cùng thời. / The parent unit of the same period.',
      type: AdministrativeUnitRef,
      nullable: true,
      resolve: (unit, _args, context) =>
        unit.parentId ? context.loaders.units.unitById.load(unit.parentId) : null,
    }),
    predecessors: t.field({
      type: [UnitSuccessionRef],
      description: 'Các đơn vị mà đơn vị này kế tiếp. / The units this one followed.',
      resolve: (unit, _args, context) => context.loaders.units.predecessionsOf.load(unit.id),
    }),
    successors: t.field({
      type: [UnitSuccessionRef],
      description: 'Các đơn vị kế tiếp đơn vị này. / The units that followed this one.',
      resolve: (unit, _args, context) => context.loaders.units.successionsOf.load(unit.id),
    }),
  }),
});

UnitSuccessionRef.implement({
  description: 'Một liên kết kế tiếp giữa hai đơn vị. / One succession link between two units.',
  fields: (t) => ({
    predecessor: t.field({
      description: 'Đơn vị trước. / The earlier unit.',
      type: AdministrativeUnitRef,
      resolve: async (link, _args, context) =>
        (await context.loaders.units.unitById.load(link.predecessorId))!,
    }),
    successor: t.field({
      description: 'Đơn vị kế tiếp. / The later unit.',
      type: AdministrativeUnitRef,
      resolve: async (link, _args, context) => (await context.loaders.units.unitById.load(link.successorId))!,
    }),
    effectiveOn: t.field({
      type: 'Date',
      description: 'Ngày có hiệu lực. / The day it took effect.',
      resolve: (link) => link.effectiveOn,
    }),
    kind: t.field({
      type: SuccessionKindEnum,
      description: 'Tiếp nối, sáp nhập, đổi tên hay chia tách. / Continued, merged, renamed or split.',
      resolve: (link) => link.kind,
    }),
    codeKept: t.exposeBoolean('codeKept', {
      description: 'Đơn vị kế tiếp giữ mã của đơn vị trước. / The successor kept the predecessor’s code.',
    }),
    legalBasis: t.exposeString('legalBasis', {
      description:
        'Văn bản pháp lý, ví dụ "Nghị quyết 202/2025/QH15". / Legal basis, e.g. "Resolution 202/2025/QH15".',
      nullable: true,
    }),
  }),
});

builder.queryField('levels', (t) =>
  t.field({
    type: [AdministrativeLevelRef],
    nullable: { list: true, items: false },
    description: 'Các cấp hành chính. / The administrative levels.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => findLevels(context.db),
  }),
);

builder.queryField('units', (t) =>
  t.field({
    type: [AdministrativeUnitRef],
    nullable: { list: true, items: false },
    description:
      'Các đơn vị của một cấp còn hiệu lực vào ngày asOf (mặc định hôm nay). / Units of a level valid on asOf (default: today).',
    authScopes: { public: true },
    args: {
      level: t.arg({
        type: UnitLevelEnum,
        description: 'Cấp hành chính. / The administrative level.',
        required: true,
      }),
      asOf: t.arg({
        type: 'Date',
        description: 'Ngày xét (YYYY-MM-DD; mặc định hôm nay). / The day (YYYY-MM-DD; default today).',
        validate: civilDateInput,
      }),
    },
    resolve: (_root, args, context) => listUnitsValidOn(context, args.level, args.asOf),
  }),
);

builder.queryField('unit', (t) =>
  t.field({
    type: AdministrativeUnitRef,
    description:
      'Đơn vị mang mã này vào ngày asOf (mặc định hôm nay). / The unit with this code on asOf (default: today).',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      code: t.arg.string({
        description: 'Mã GSO, ví dụ "06". / GSO code, e.g. "06".',
        required: true,
        validate: unitCodeInput,
      }),
      asOf: t.arg({
        type: 'Date',
        description: 'Ngày xét (YYYY-MM-DD; mặc định hôm nay). / The day (YYYY-MM-DD; default today).',
        validate: civilDateInput,
      }),
    },
    resolve: (_root, args, context) => getUnitByCode(context, args.code, args.asOf),
  }),
);

builder.queryField('unitHistory', (t) =>
  t.field({
    type: [AdministrativeUnitRef],
    nullable: { list: true, items: false },
    description:
      'Mọi phiên bản của đơn vị từng mang mã này, cũ nhất trước. / Every version of the units that used this code, oldest first.',
    authScopes: { public: true },
    args: {
      code: t.arg.string({
        description: 'Mã GSO của đơn vị. / GSO code of the unit.',
        required: true,
        validate: unitCodeInput,
      }),
    },
    resolve: (_root, args, context) => getUnitHistory(context, args.code),
  }),
);
