import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { civilDateInput, stringRule } from '../../schema/input-rules.js';
import { checkPageSize } from '../../schema/pagination.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import type { AgencyRow, ServicePointRow } from './agencies.repo.js';
import {
  assignProcedures,
  createAgency,
  createServicePoint,
  deleteServicePoint,
  getAgencyByCode,
  isRetired,
  listAgencies,
  moveAgency,
  retireAgency,
  unassignProcedures,
  updateAgency,
  updateServicePoint,
} from './agencies.service.js';

export const AgencyKindEnum = builder.enumType('AgencyKind', {
  description: 'Loại cơ quan. / Kind of agency.',
  values: {
    DEPARTMENT: { value: 'department', description: 'Sở, ban, ngành. / Provincial department.' },
    CENTRAL_VERTICAL: {
      value: 'central_vertical',
      description:
        'Cơ quan ngành dọc trung ương (BHXH, công an…). / Central vertical agency (social insurance, police…).',
    },
    ENTERPRISE: {
      value: 'enterprise',
      description: 'Doanh nghiệp (điện lực…). / Enterprise (power company…).',
    },
    SERVICE_CENTER: {
      value: 'service_center',
      description: 'Trung tâm phục vụ hành chính công. / Public administration service center.',
    },
    COMMUNE_DESK: { value: 'commune_desk', description: 'Bộ phận một cửa cấp xã. / Commune one-stop desk.' },
    MINISTRY: { value: 'ministry', description: 'Bộ, cơ quan ngang bộ. / Ministry.' },
    OTHER: { value: 'other', description: 'Khác. / Other.' },
  } as const,
});

export const ServicePointChannelEnum = builder.enumType('ServicePointChannel', {
  description: 'Cách người dân nộp hồ sơ tại điểm này. / How citizens submit at this point.',
  values: {
    IN_PERSON: { value: 'in_person', description: 'Trực tiếp. / In person.' },
    ONLINE: { value: 'online', description: 'Trực tuyến. / Online.' },
    POSTAL: { value: 'postal', description: 'Qua bưu chính công ích. / By public postal service.' },
  } as const,
});

export const AgencyRef = builder.objectRef<AgencyRow>('Agency');
export const ServicePointRef = builder.objectRef<ServicePointRow>('ServicePoint');

const agencyCodeArg = stringRule(
  (code) => /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/.test(code),
  'Mã cơ quan gồm 2–40 chữ cái không dấu, chữ số, ".", "-" hoặc "_".',
  'An agency code has 2–40 ASCII letters, digits, ".", "-" or "_".',
);

builder.node(ServicePointRef, {
  description:
    'Nơi người dân nộp hồ sơ cho một cơ quan: quầy, cổng trực tuyến, địa chỉ bưu chính. / Where citizens submit dossiers to an agency: a desk, a portal, a postal address.',
  id: { resolve: (point) => point.id },
  loadOne: (id, context) => context.loaders.agencies.servicePointById.load(id),
  fields: (t) => ({
    name: t.exposeString('nameVi', {
      description: 'Tên điểm tiếp nhận, tiếng Việt. / Vietnamese name of the service point.',
    }),
    nameEn: t.exposeString('nameEn', { description: 'Tên tiếng Anh. / English name.', nullable: true }),
    channel: t.field({
      type: ServicePointChannelEnum,
      description: 'Trực tiếp, trực tuyến hay bưu chính. / In person, online or postal.',
      resolve: (point) => point.channel,
    }),
    address: t.exposeString('address', {
      description: 'Địa chỉ (điểm trực tiếp, bưu chính). / Street address (in-person and postal points).',
      nullable: true,
    }),
    url: t.exposeString('url', {
      description: 'Địa chỉ web (điểm trực tuyến). / Web address (online points).',
      nullable: true,
    }),
    phone: t.exposeString('phone', { description: 'Số điện thoại. / Phone number.', nullable: true }),
    openingHours: t.exposeString('openingHours', {
      nullable: true,
      description:
        'Ví dụ "Thứ Hai–Thứ Sáu 07:00–11:30, 13:30–17:00". / e.g. "Mon–Fri 07:00–11:30, 13:30–17:00".',
    }),
    ordinal: t.exposeInt('ordinal', {
      description: 'Thứ tự hiển thị trong cơ quan. / Display order within the agency.',
    }),
    agency: t.field({
      description: 'Cơ quan của điểm này. / The agency it belongs to.',
      type: AgencyRef,
      resolve: async (point, _args, context) =>
        (await context.loaders.agencies.agencyById.load(point.agencyId))!,
    }),
  }),
});

builder.node(AgencyRef, {
  description:
    'Cơ quan tiếp nhận và giải quyết thủ tục hành chính. / An agency that receives and handles administrative procedures.',
  id: { resolve: (agency) => agency.id },
  loadOne: (id, context) => context.loaders.agencies.agencyById.load(id),
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Mã cơ quan, duy nhất (ví dụ BKN-STP). / Agency code, unique (e.g. BKN-STP).',
    }),
    kind: t.field({
      type: AgencyKindEnum,
      description: 'Loại cơ quan. / Kind of agency.',
      resolve: (agency) => agency.kind,
    }),
    name: t.exposeString('nameVi', { description: 'Tên tiếng Việt. / Vietnamese name.' }),
    nameEn: t.exposeString('nameEn', { description: 'Tên tiếng Anh. / English name.' }),
    shortName: t.exposeString('shortName', { description: 'Tên viết tắt. / Short name.', nullable: true }),
    receiptPrefix: t.exposeString('receiptPrefix', {
      description: 'Tiền tố số biên nhận hồ sơ. / Prefix of dossier receipt codes.',
    }),
    unit: t.field({
      description: "Đơn vị hành chính của cơ quan. / The agency's administrative unit.",
      type: AdministrativeUnitRef,
      resolve: async (agency, _args, context) => (await context.loaders.units.unitById.load(agency.unitId))!,
    }),
    parent: t.field({
      description: 'Cơ quan cha (trống ở cấp cao nhất). / Parent agency (null at the top level).',
      type: AgencyRef,
      nullable: true,
      resolve: (agency, _args, context) =>
        agency.parentId ? context.loaders.agencies.agencyById.load(agency.parentId) : null,
    }),
    children: t.field({
      type: [AgencyRef],
      description:
        'Cơ quan trực thuộc, theo mã (kể cả đã ngừng). / Child agencies by code (retired ones too).',
      resolve: (agency, _args, context) => context.loaders.agencies.childrenOf.load(agency.id),
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'Ngày bắt đầu hoạt động. / First day of operation.',
      resolve: (agency) => agency.validFrom,
    }),
    validTo: t.field({
      type: 'Date',
      description: 'Ngày cuối hoạt động (trống nếu còn). / Last day of operation (null while operating).',
      nullable: true,
      resolve: (agency) => agency.validTo,
    }),
    retired: t.boolean({
      description: 'Đã ngừng hoạt động trước hôm nay. / Stopped operating before today.',
      resolve: (agency) => isRetired(agency),
    }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Dữ liệu mẫu. / Demo data.' }),
    address: t.exposeString('address', { description: 'Địa chỉ trụ sở. / Office address.', nullable: true }),
    phone: t.exposeString('phone', { description: 'Số điện thoại. / Phone number.', nullable: true }),
    email: t.exposeString('email', { description: 'Email liên hệ. / Contact email.', nullable: true }),
    website: t.exposeString('website', { description: 'Trang web. / Website.', nullable: true }),
    servicePoints: t.field({
      description: 'Các điểm tiếp nhận hồ sơ, theo thứ tự. / Where dossiers are submitted, in order.',
      type: [ServicePointRef],
      resolve: (agency, _args, context) => context.loaders.agencies.servicePointsOf.load(agency.id),
    }),
  }),
});

builder.queryField('agencies', (t) =>
  t.connection(
    {
      type: AgencyRef,
      nullable: true,
      description:
        'Các cơ quan, theo mã (hoặc theo mức khớp khi tìm kiếm); tối đa 100 mỗi trang. / Agencies by code (or by relevance when searching); at most 100 per page.',
      authScopes: { public: true },
      args: {
        unit: t.arg.globalID({
          description: 'Một phiên bản đơn vị hành chính. / One administrative unit version.',
        }),
        unitCode: t.arg.string({
          description: 'Mọi phiên bản đơn vị mang mã này. / Every unit version with this code.',
        }),
        kind: t.arg({ description: 'Chỉ loại cơ quan này. / Only this kind.', type: AgencyKindEnum }),
        parent: t.arg.string({ description: 'Mã cơ quan cha. / Code of the parent agency.' }),
        topLevel: t.arg.boolean({
          description: 'Chỉ cơ quan không có cơ quan cha. / Only agencies without a parent.',
        }),
        includeRetired: t.arg.boolean({
          description: 'Kể cả cơ quan đã ngừng hoạt động. / Include retired agencies.',
          defaultValue: false,
        }),
        search: t.arg.string({
          description: 'Tìm theo mã, tên; không phân biệt dấu. / By code or name, diacritics ignored.',
        }),
      },
      resolve: async (_root, args, context) => {
        checkPageSize(args);
        let total: number | null = null;
        const connection = await resolveOffsetConnection({ args }, async ({ offset, limit }) => {
          const page = await listAgencies(
            context,
            {
              unitId: args.unit ? (args.unit.typename === 'AdministrativeUnit' ? args.unit.id : '0') : null,
              unitCode: args.unitCode ?? null,
              kind: args.kind ?? null,
              parentCode: args.parent ?? null,
              topLevel: args.topLevel ?? false,
              includeRetired: args.includeRetired ?? false,
              search: args.search ?? null,
            },
            offset,
            limit,
          );
          total = page.total;
          return page.rows;
        });
        return { ...connection, totalCount: total };
      },
    },
    {
      name: 'AgencyConnection',
      fields: (t) => ({
        totalCount: t.int({
          nullable: true,
          description:
            'Số cơ quan khớp (trống nếu trang rỗng). / Matching agencies (empty on an empty page).',
          resolve: (connection) => (connection as { totalCount?: number | null }).totalCount ?? null,
        }),
      }),
    },
    { name: 'AgencyEdge' },
  ),
);

builder.queryField('agency', (t) =>
  t.field({
    type: AgencyRef,
    description: 'Cơ quan theo mã. / The agency with this code.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      code: t.arg.string({
        description: 'Mã cơ quan. / Agency code.',
        required: true,
        validate: agencyCodeArg,
      }),
    },
    resolve: (_root, args, context) => getAgencyByCode(context, args.code),
  }),
);

const AgencyFields = {
  name: 'Tên tiếng Việt. / Vietnamese name.',
  nameEn: 'English name.',
};

const CreateAgencyInput = builder.inputType('CreateAgencyInput', {
  description: 'Một cơ quan mới. / A new agency.',
  fields: (t) => ({
    code: t.string({
      description:
        'Mã cơ quan, 2–40 chữ không dấu, số, ".", "-", "_"; duy nhất. / Agency code, 2–40 ASCII letters, digits, ".", "-", "_"; unique.',
      required: true,
    }),
    kind: t.field({ type: AgencyKindEnum, description: 'Loại cơ quan. / Kind of agency.', required: true }),
    name: t.string({ required: true, description: AgencyFields.name }),
    nameEn: t.string({ required: true, description: AgencyFields.nameEn }),
    shortName: t.string({ description: 'Tên viết tắt. / Short name.' }),
    unit: t.globalID({ required: true, description: 'Đơn vị hành chính. / Administrative unit.' }),
    parent: t.string({ description: 'Mã cơ quan cha. / Code of the parent agency.' }),
    receiptPrefix: t.string({
      description:
        'Tiền tố số biên nhận hồ sơ, ví dụ BKN-STP. / Prefix of dossier receipt codes, e.g. BKN-STP.',
      required: true,
    }),
    address: t.string({ description: 'Địa chỉ trụ sở. / Office address.' }),
    phone: t.string({ description: 'Số điện thoại. / Phone number.' }),
    email: t.string({ description: 'Email liên hệ. / Contact email.' }),
    website: t.string({ description: 'Trang web. / Website.' }),
    validFrom: t.field({
      type: 'Date',
      description: 'Ngày bắt đầu hoạt động (mặc định hôm nay). / First day of operation (default today).',
      validate: civilDateInput,
    }),
  }),
});

const UpdateAgencyInput = builder.inputType('UpdateAgencyInput', {
  description: 'Chỉ các trường được gửi mới thay đổi. / Only the fields sent change.',
  fields: (t) => ({
    code: t.string({ description: 'Mã mới. / New code.' }),
    kind: t.field({ description: 'Loại mới. / New kind.', type: AgencyKindEnum }),
    name: t.string({ description: AgencyFields.name }),
    nameEn: t.string({ description: AgencyFields.nameEn }),
    shortName: t.string({ description: 'Tên viết tắt. / Short name.' }),
    receiptPrefix: t.string({ description: 'Tiền tố số biên nhận. / Receipt code prefix.' }),
    address: t.string({ description: 'Địa chỉ trụ sở. / Office address.' }),
    phone: t.string({ description: 'Số điện thoại. / Phone number.' }),
    email: t.string({ description: 'Email liên hệ. / Contact email.' }),
    website: t.string({ description: 'Trang web. / Website.' }),
    validFrom: t.field({
      type: 'Date',
      description: 'Ngày bắt đầu hoạt động. / First day of operation.',
      validate: civilDateInput,
    }),
  }),
});

const ServicePointInput = builder.inputType('ServicePointInput', {
  description:
    'Một điểm tiếp nhận; khi sửa, chỉ các trường được gửi mới thay đổi. / A service point; when updating, only the fields sent change.',
  fields: (t) => ({
    name: t.string({
      description: 'Tên tiếng Việt (bắt buộc khi tạo). / Vietnamese name (required to create).',
    }),
    nameEn: t.string({ description: 'Tên tiếng Anh. / English name.' }),
    channel: t.field({
      description:
        'Trực tiếp, trực tuyến hay bưu chính (bắt buộc khi tạo). / In person, online or postal (required to create).',
      type: ServicePointChannelEnum,
    }),
    address: t.string({ description: 'Địa chỉ. / Street address.' }),
    url: t.string({ description: 'Địa chỉ web. / Web address.' }),
    phone: t.string({ description: 'Số điện thoại. / Phone number.' }),
    openingHours: t.string({
      description:
        'Giờ tiếp nhận, ví dụ "Thứ Hai–Thứ Sáu 07:00–11:30". / Opening hours, e.g. "Mon–Fri 07:00–11:30".',
    }),
    ordinal: t.int({ description: 'Thứ tự hiển thị. / Display order.' }),
  }),
});

const MUTATION_ERRORS = [ForbiddenError, NotFoundError, ConflictError];

builder.mutationField('createAgency', (t) =>
  t.field({
    type: AgencyRef,
    description:
      'Tạo cơ quan (quản trị đơn vị, quản trị hệ thống). / Create an agency (unit or system admins).',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      input: t.arg({
        type: CreateAgencyInput,
        description: 'Cơ quan mới. / The new agency.',
        required: true,
      }),
    },
    resolve: (_root, { input }, context) =>
      createAgency(context, {
        input: {
          ...input,
          unitId: input.unit.typename === 'AdministrativeUnit' ? input.unit.id : '0',
          parentCode: input.parent ?? null,
        },
      }),
  }),
);

builder.mutationField('updateAgency', (t) =>
  t.field({
    type: AgencyRef,
    description: 'Sửa thông tin cơ quan. / Edit an agency.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      code: t.arg.string({
        description: 'Mã cơ quan cần sửa. / Code of the agency to edit.',
        required: true,
      }),
      input: t.arg({
        type: UpdateAgencyInput,
        description: 'Các trường cần đổi. / Fields to change.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => updateAgency(context, args),
  }),
);

builder.mutationField('moveAgency', (t) =>
  t.field({
    type: AgencyRef,
    description:
      'Chuyển cơ quan sang cơ quan cha khác (null = cấp cao nhất) và/hoặc đơn vị khác; từ chối vòng lặp. / Move an agency under another parent (null = top level) and/or to another unit; cycles are refused.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      code: t.arg.string({
        description: 'Mã cơ quan cần chuyển. / Code of the agency to move.',
        required: true,
      }),
      parent: t.arg.string({
        description: 'Mã cơ quan cha mới; null = không có cha; bỏ trống = giữ nguyên.',
      }),
      unit: t.arg.globalID({
        description:
          'ID toàn cục của AdministrativeUnit mới; bỏ trống = giữ nguyên. / Global ID of the new AdministrativeUnit; omitted = unchanged.',
      }),
    },
    resolve: (_root, args, context) =>
      moveAgency(context, {
        code: args.code,
        ...(args.parent !== undefined ? { parentCode: args.parent } : {}),
        unitId: args.unit ? (args.unit.typename === 'AdministrativeUnit' ? args.unit.id : '0') : null,
      }),
  }),
);

builder.mutationField('retireAgency', (t) =>
  t.field({
    type: AgencyRef,
    description:
      'Cho cơ quan ngừng hoạt động từ ngày `on` (mặc định hôm nay); cơ quan con phải được chuyển hoặc ngừng trước. / Retire an agency after `on` (default today); its children must be moved or retired first.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      code: t.arg.string({ description: 'Mã cơ quan. / Agency code.', required: true }),
      on: t.arg({
        type: 'Date',
        description:
          'Ngày cuối hoạt động (YYYY-MM-DD; mặc định hôm nay). / Last day of operation (YYYY-MM-DD; default today).',
        validate: civilDateInput,
      }),
    },
    resolve: (_root, args, context) => retireAgency(context, args),
  }),
);

builder.mutationField('assignProcedures', (t) =>
  t.field({
    type: AgencyRef,
    description: 'Giao thủ tục cho cơ quan giải quyết. / Make an agency handle these procedures.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      agency: t.arg.string({ description: 'Mã cơ quan. / Agency code.', required: true }),
      procedures: t.arg.stringList({ required: true, description: 'Mã thủ tục. / Procedure codes.' }),
      submissionPlace: t.arg.string({
        description: 'Nơi nộp hồ sơ cho các thủ tục này. / Where to submit dossiers for these procedures.',
      }),
    },
    resolve: (_root, args, context) =>
      assignProcedures(context, {
        code: args.agency,
        procedures: args.procedures,
        submissionPlace: args.submissionPlace,
      }),
  }),
);

builder.mutationField('unassignProcedures', (t) =>
  t.field({
    type: AgencyRef,
    description: 'Thôi giao thủ tục cho cơ quan. / Stop an agency handling these procedures.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      agency: t.arg.string({ description: 'Mã cơ quan. / Agency code.', required: true }),
      procedures: t.arg.stringList({ description: 'Mã thủ tục. / Procedure codes.', required: true }),
    },
    resolve: (_root, args, context) =>
      unassignProcedures(context, { code: args.agency, procedures: args.procedures }),
  }),
);

builder.mutationField('createServicePoint', (t) =>
  t.field({
    type: ServicePointRef,
    description: 'Thêm điểm tiếp nhận hồ sơ cho cơ quan. / Add a service point to an agency.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      agency: t.arg.string({ description: 'Mã cơ quan. / Agency code.', required: true }),
      input: t.arg({
        type: ServicePointInput,
        description: 'Điểm tiếp nhận mới. / The new service point.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      createServicePoint(context, { agencyCode: args.agency, input: args.input }),
  }),
);

builder.mutationField('updateServicePoint', (t) =>
  t.field({
    type: ServicePointRef,
    description: 'Sửa điểm tiếp nhận. / Edit a service point.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.globalID({
        description: 'ID toàn cục của ServicePoint. / Global ID of the ServicePoint.',
        required: true,
      }),
      input: t.arg({
        type: ServicePointInput,
        description: 'Các trường cần đổi. / Fields to change.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      updateServicePoint(context, {
        id: args.id.typename === 'ServicePoint' ? args.id.id : '0',
        input: args.input,
      }),
  }),
);

builder.mutationField('deleteServicePoint', (t) =>
  t.field({
    type: AgencyRef,
    description: 'Xóa điểm tiếp nhận; trả về cơ quan của nó. / Delete a service point; returns its agency.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      id: t.arg.globalID({
        description: 'ID toàn cục của ServicePoint. / Global ID of the ServicePoint.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      deleteServicePoint(context, { id: args.id.typename === 'ServicePoint' ? args.id.id : '0' }),
  }),
);
