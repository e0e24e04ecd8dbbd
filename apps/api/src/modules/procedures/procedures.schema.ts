import { encodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { civilDateInput } from '../../schema/input-rules.js';
import { checkPageSize } from '../../schema/pagination.js';
import { AgencyRef } from '../agencies/agencies.schema.js';
import type { ImportCellError, ImportReport, ImportRowReport } from './procedures.import.js';
import { importProcedures } from './procedures.import.js';
import type {
  ProcedureAgencyRow,
  ProcedureCaseRow,
  ProcedureDocumentRow,
  ProcedureFeeRow,
  ProcedureFieldRow,
  ProcedureRow,
} from './procedures.repo.js';
import {
  createProcedure,
  getProcedurePage,
  HOURS_PER_WORKING_DAY,
  isProcedureRetired,
  listProcedureFields,
  listProcedures,
  retireProcedure,
  updateProcedure,
} from './procedures.service.js';

export const ProcedureLevelEnum = builder.enumType('ProcedureLevel', {
  description: 'Cấp thực hiện. / Level that carries out the procedure.',
  values: {
    CENTRAL: { value: 'central', description: 'Trung ương. / Central.' },
    PROVINCE: { value: 'province', description: 'Tỉnh. / Province.' },
    DISTRICT: { value: 'district', description: 'Huyện (đến 30/6/2025). / District (until 2025-06-30).' },
    COMMUNE: { value: 'commune', description: 'Xã. / Commune.' },
  } as const,
});

export const OnlineLevelEnum = builder.enumType('OnlineLevel', {
  description: 'Mức dịch vụ công trực tuyến. / Online service level.',
  values: {
    FULL: { value: 'full', description: 'Toàn trình. / Fully online.' },
    PARTIAL: { value: 'partial', description: 'Một phần. / Partly online.' },
    NONE: { value: 'none', description: 'Không trực tuyến. / Not online.' },
  } as const,
});

export const TimeBasisEnum = builder.enumType('TimeBasis', {
  description: 'Cách tính thời hạn giải quyết. / How the processing time is counted.',
  values: {
    WORKING_DAYS: { value: 'working_days', description: 'Ngày làm việc (8 giờ). / Working days (8 hours).' },
    CALENDAR_DAYS: { value: 'calendar_days', description: 'Ngày theo lịch. / Calendar days.' },
  } as const,
});

export const ProcedureRef = builder.objectRef<ProcedureRow>('Procedure');
const ProcedureFieldRef = builder.objectRef<ProcedureFieldRow>('ProcedureField').implement({
  description: 'Lĩnh vực thủ tục. / Procedure field.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã lĩnh vực. / Field code.' }),
    name: t.exposeString('nameVi', {
      description: 'Tên lĩnh vực, tiếng Việt. / Vietnamese name of the field.',
    }),
    nameEn: t.exposeString('nameEn', {
      description: 'Tên lĩnh vực, tiếng Anh. / English name of the field.',
    }),
  }),
});

const hoursToDays = (hours: string | null) => (hours === null ? null : Number(hours) / HOURS_PER_WORKING_DAY);

export const ProcedureCaseRef = builder.objectRef<ProcedureCaseRow>('ProcedureCase').implement({
  description:
    'Một trường hợp của thủ tục với thời hạn giải quyết riêng. / One case of a procedure with its own processing time.',
  fields: (t) => ({
    id: t.id({
      description:
        'ID toàn cục, dùng khi tiếp nhận hồ sơ (`receiveDossier.caseId`). / Global ID, as `receiveDossier.caseId` takes it.',
      resolve: (procedureCase) => encodeGlobalID('ProcedureCase', procedureCase.id),
    }),
    ordinal: t.exposeInt('ordinal', {
      description: 'Thứ tự trong thủ tục (từ 1). / Order within the procedure (from 1).',
    }),
    name: t.exposeString('nameVi', {
      description: 'Tên trường hợp, tiếng Việt. / Vietnamese name of the case.',
    }),
    nameEn: t.exposeString('nameEn', {
      description: 'Tên trường hợp, tiếng Anh. / English name of the case.',
      nullable: true,
    }),
    processingHours: t.float({
      nullable: true,
      description: 'Giờ làm việc, nộp trực tiếp. / Working hours, in person.',
      resolve: (c) => (c.processingHours === null ? null : Number(c.processingHours)),
    }),
    processingHoursOnline: t.float({
      nullable: true,
      description: 'Giờ làm việc, nộp trực tuyến. / Working hours, online.',
      resolve: (c) => (c.processingHoursOnline === null ? null : Number(c.processingHoursOnline)),
    }),
    processingDays: t.float({
      nullable: true,
      description: 'Ngày làm việc (8 giờ), trực tiếp. / Working days (8 h), in person.',
      resolve: (c) => hoursToDays(c.processingHours),
    }),
    processingDaysOnline: t.float({
      nullable: true,
      description: 'Ngày làm việc, trực tuyến. / Working days, online.',
      resolve: (c) => hoursToDays(c.processingHoursOnline),
    }),
    calendarDays: t.exposeInt('calendarDays', {
      nullable: true,
      description: 'Ngày theo lịch (khi tính theo lịch). / Calendar days (calendar-day procedures).',
    }),
  }),
});

const ProcedureDocumentRef = builder.objectRef<ProcedureDocumentRow>('ProcedureDocument').implement({
  description: 'Thành phần hồ sơ. / A required document.',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal', {
      description: 'Thứ tự trong thành phần hồ sơ (từ 1). / Order among the documents (from 1).',
    }),
    name: t.exposeString('nameVi', {
      description: 'Tên giấy tờ, tiếng Việt. / Vietnamese name of the document.',
    }),
    nameEn: t.exposeString('nameEn', {
      description: 'Tên giấy tờ, tiếng Anh. / English name of the document.',
      nullable: true,
    }),
    originals: t.exposeInt('originals', { description: 'Số bản chính. / Originals.' }),
    copies: t.exposeInt('copies', { description: 'Số bản sao. / Copies.' }),
    reusable: t.exposeBoolean('reusable', {
      description: 'Có thể tái sử dụng từ kho dữ liệu số. / Reusable from the national document store.',
    }),
    note: t.exposeString('note', {
      description: 'Ghi chú (mẫu đơn, điều kiện). / Note (form, conditions).',
      nullable: true,
    }),
  }),
});

const ProcedureFeeRef = builder.objectRef<ProcedureFeeRow>('ProcedureFee').implement({
  description: 'Phí, lệ phí. / A fee.',
  fields: (t) => ({
    name: t.exposeString('nameVi', {
      description: 'Tên khoản phí, tiếng Việt. / Vietnamese name of the fee.',
    }),
    nameEn: t.exposeString('nameEn', {
      description: 'Tên khoản phí, tiếng Anh. / English name of the fee.',
      nullable: true,
    }),
    amountVnd: t.int({
      description: 'Số tiền (đồng). / Amount in VND.',
      resolve: (f) => Number(f.amountVnd),
    }),
    note: t.exposeString('note', {
      description: 'Ghi chú (miễn, giảm). / Note (exemptions, reductions).',
      nullable: true,
    }),
  }),
});

const ProcedureAgencyRef = builder.objectRef<ProcedureAgencyRow>('ProcedureAgency').implement({
  description: 'Một cơ quan thực hiện thủ tục. / An agency implementing the procedure.',
  fields: (t) => ({
    agency: t.field({
      type: AgencyRef,
      description: 'Cơ quan thực hiện. / The implementing agency.',
      resolve: (link) => link.agency,
    }),
    submissionPlace: t.exposeString('submissionPlace', {
      nullable: true,
      description: 'Nơi nộp hồ sơ. / Where to submit.',
    }),
  }),
});

builder.node(ProcedureRef, {
  description: 'Một thủ tục hành chính trong danh mục. / An administrative procedure of the catalog.',
  id: { resolve: (p) => p.id },
  loadOne: (id, context) => context.loaders.procedures.procedureById.load(id),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Mã TTHC, ví dụ 1.004227. / Procedure code.' }),
    name: t.exposeString('nameVi', {
      description: 'Tên thủ tục, tiếng Việt. / Vietnamese name of the procedure.',
    }),
    nameEn: t.exposeString('nameEn', {
      description: 'Tên thủ tục, tiếng Anh. / English name of the procedure.',
      nullable: true,
    }),
    field: t.field({
      description: "Lĩnh vực. / The procedure's field.",
      type: ProcedureFieldRef,
      resolve: async (p, _args, context) => (await context.loaders.procedures.fieldById.load(p.fieldId))!,
    }),
    level: t.field({
      type: ProcedureLevelEnum,
      description: 'Cấp thực hiện. / Level that handles it.',
      resolve: (p) => p.level,
    }),
    onlineLevel: t.field({
      type: OnlineLevelEnum,
      description:
        'Mức dịch vụ công trực tuyến (toàn trình, một phần). / Online service level (full, partial).',
      resolve: (p) => p.onlineLevel,
    }),
    timeBasis: t.field({
      type: TimeBasisEnum,
      description:
        'Thời hạn tính theo ngày làm việc hay ngày theo lịch. / Deadlines in working days or calendar days.',
      resolve: (p) => p.timeBasis,
    }),
    interAgency: t.exposeBoolean('interAgency', { description: 'Liên thông. / Inter-agency.' }),
    resultDocument: t.exposeString('resultDocument', {
      description: 'Kết quả thực hiện (giấy tờ nhận được). / What the applicant receives.',
      nullable: true,
    }),
    legalBasis: t.exposeString('legalBasis', {
      description: 'Căn cứ pháp lý. / Legal basis.',
      nullable: true,
    }),
    applicantKinds: t.exposeStringList('applicantKinds', {
      description:
        'Đối tượng thực hiện: "citizen", "organisation". / Who may apply: "citizen", "organisation".',
    }),
    validFrom: t.field({
      type: 'Date',
      description: 'Ngày bắt đầu áp dụng. / First day in force.',
      resolve: (p) => p.validFrom,
    }),
    validTo: t.field({
      type: 'Date',
      description: 'Ngày cuối áp dụng (trống nếu còn). / Last day in force (null while in force).',
      nullable: true,
      resolve: (p) => p.validTo,
    }),
    announcementDecision: t.exposeString('announcementDecision', {
      nullable: true,
      description:
        'Số quyết định công bố thủ tục, ví dụ "1234/QĐ-UBND". / Number of the decision announcing the procedure, e.g. "1234/QĐ-UBND".',
    }),
    announcedOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Ngày ký quyết định công bố (YYYY-MM-DD). / Day the announcing decision was signed (YYYY-MM-DD).',
      resolve: (p) => p.announcedOn,
    }),
    publishedOn: t.field({
      type: 'Date',
      nullable: true,
      description:
        'Ngày thủ tục được công khai trên cơ sở dữ liệu, cổng dịch vụ công (YYYY-MM-DD); chỉ số 766 mục 1.1 so với hạn tính từ ngày ký quyết định công bố. / Day the procedure was made public on the procedure database or portal (YYYY-MM-DD); 766 indicator 1.1 compares it with the deadline counted from the announcing decision.',
      resolve: (p) => p.publishedOn,
    }),
    retired: t.boolean({
      description: 'Đã bãi bỏ trước hôm nay. / Retired before today.',
      resolve: (p) => isProcedureRetired(p),
    }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Dữ liệu mẫu. / Demo data.' }),
    cases: t.field({
      description: 'Các trường hợp giải quyết và thời hạn. / Cases and their processing times.',
      type: [ProcedureCaseRef],
      resolve: (p, _args, context) => context.loaders.procedures.casesOf.load(p.id),
    }),
    documents: t.field({
      description: 'Thành phần hồ sơ. / Required documents.',
      type: [ProcedureDocumentRef],
      resolve: (p, _args, context) => context.loaders.procedures.documentsOf.load(p.id),
    }),
    fees: t.field({
      description: 'Phí, lệ phí. / Fees.',
      type: [ProcedureFeeRef],
      resolve: (p, _args, context) => context.loaders.procedures.feesOf.load(p.id),
    }),
    agencies: t.field({
      type: [ProcedureAgencyRef],
      description: 'Cơ quan thực hiện. / Implementing agencies.',
      resolve: (p, _args, context) => context.loaders.procedures.agenciesOf.load(p.id),
    }),
    submissionPlaces: t.stringList({
      description: 'Các nơi nộp hồ sơ, không trùng. / Distinct submission places.',
      resolve: async (p, _args, context) => [
        ...new Set(
          (await context.loaders.procedures.agenciesOf.load(p.id))
            .map((link) => link.submissionPlace)
            .filter((place): place is string => place !== null),
        ),
      ],
    }),
  }),
});

interface ProcedureListArgs {
  search?: string | null;
  field?: string | null;
  agency?: string | null;
  level?: 'central' | 'province' | 'district' | 'commune' | null;
  onlineLevel?: 'full' | 'partial' | 'none' | null;
  includeRetired?: boolean | null;
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

async function resolveProcedureConnection(
  args: ProcedureListArgs,
  context: Parameters<typeof listProcedures>[0],
  agencyId: string | null,
) {
  checkPageSize(args);
  let total: number | null = null;
  const connection = await resolveOffsetConnection({ args }, async ({ offset, limit }) => {
    const page = await listProcedures(
      context,
      {
        search: args.search ?? null,
        fieldCode: args.field ?? null,
        agencyCode: args.agency ?? null,
        agencyId,
        level: args.level ?? null,
        onlineLevel: args.onlineLevel ?? null,
        includeRetired: args.includeRetired ?? false,
      },
      offset,
      limit,
    );
    total = page.total;
    return page.rows;
  });
  return { ...connection, totalCount: total };
}

builder.queryField('procedures', (t) =>
  t.connection(
    {
      type: ProcedureRef,
      nullable: true,
      description:
        'Danh mục thủ tục: tìm không phân biệt dấu, chịu lỗi gõ; xếp theo mức khớp (không tìm: theo mã); tối đa 100 mỗi trang. / The catalog: diacritic-insensitive, typo-tolerant search ranked by relevance (by code without a search); at most 100 per page.',
      authScopes: { public: true },
      args: {
        search: t.arg.string({
          description:
            'Tìm theo mã, tên; không phân biệt dấu, chịu lỗi gõ. / By code or name; diacritics ignored, typo tolerant.',
        }),
        field: t.arg.string({ description: 'Mã lĩnh vực. / Field code.' }),
        agency: t.arg.string({ description: 'Mã cơ quan thực hiện. / Agency code.' }),
        level: t.arg({ description: 'Chỉ cấp thực hiện này. / Only this level.', type: ProcedureLevelEnum }),
        onlineLevel: t.arg({
          description: 'Chỉ mức trực tuyến này. / Only this online level.',
          type: OnlineLevelEnum,
        }),
        includeRetired: t.arg.boolean({
          description: 'Kể cả thủ tục đã bãi bỏ. / Include retired procedures.',
          defaultValue: false,
        }),
      },
      resolve: (_root, args, context) => resolveProcedureConnection(args, context, null),
    },
    {
      name: 'ProcedureConnection',
      fields: (t) => ({
        totalCount: t.int({
          nullable: true,
          description:
            'Số thủ tục khớp (trống nếu trang rỗng). / Matching procedures (empty on an empty page).',
          resolve: (connection) => (connection as { totalCount?: number | null }).totalCount ?? null,
        }),
      }),
    },
    { name: 'ProcedureEdge' },
  ),
);

builder.objectField(AgencyRef, 'procedures', (t) =>
  t.connection(
    {
      type: ProcedureRef,
      description: 'Thủ tục cơ quan thực hiện. / Procedures the agency handles.',
      args: {
        search: t.arg.string({
          description: 'Tìm theo mã, tên; không phân biệt dấu. / By code or name, diacritics ignored.',
        }),
        field: t.arg.string({ description: 'Mã lĩnh vực. / Procedure field code.' }),
        level: t.arg({ type: ProcedureLevelEnum, description: 'Cấp thực hiện. / Level that handles it.' }),
        onlineLevel: t.arg({
          type: OnlineLevelEnum,
          description: 'Mức dịch vụ công trực tuyến. / Online service level.',
        }),
        includeRetired: t.arg.boolean({
          defaultValue: false,
          description: 'Kể cả thủ tục đã bãi bỏ. / Include retired procedures.',
        }),
      },
      resolve: (agency, args, context) => resolveProcedureConnection(args, context, agency.id),
    },
    {
      name: 'AgencyProcedureConnection',
      fields: (t) => ({
        totalCount: t.int({
          nullable: true,
          description:
            'Số thủ tục khớp (trống nếu trang rỗng). / Matching procedures (null on an empty page).',
          resolve: (connection) => (connection as { totalCount?: number | null }).totalCount ?? null,
        }),
      }),
    },
    { name: 'AgencyProcedureEdge' },
  ),
);

builder.queryField('procedureFields', (t) =>
  t.field({
    type: [ProcedureFieldRef],
    description:
      'Các lĩnh vực có thủ tục đang hiệu lực (của một cơ quan nếu chọn), theo tên: để lọc danh mục. / The fields with procedures in effect (of one agency if given), by name: for filtering the catalog.',
    authScopes: { public: true },
    args: {
      agency: t.arg.string({
        description:
          'Mã cơ quan thực hiện; mã không có thì danh sách rỗng. / Agency code; an unknown code gives an empty list.',
      }),
    },
    resolve: (_root, args, context) => listProcedureFields(context, args.agency ?? null),
  }),
);

builder.queryField('procedure', (t) =>
  t.field({
    type: ProcedureRef,
    description: 'Thủ tục theo mã. / The procedure with this code.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      code: t.arg.string({
        description: 'Mã TTHC, ví dụ 1.004227. / National procedure code, e.g. 1.004227.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => getProcedurePage(context, args.code),
  }),
);

const ProcedureCaseInput = builder.inputType('ProcedureCaseInput', {
  description: 'Một trường hợp giải quyết. / One case of a procedure.',
  fields: (t) => ({
    name: t.string({ description: 'Tên tiếng Việt. / Vietnamese name.', required: true }),
    nameEn: t.string({ description: 'Tên tiếng Anh. / English name.' }),
    processingDays: t.float({
      description:
        'Ngày làm việc hoặc ngày theo lịch (theo timeBasis). / Working or calendar days (per timeBasis).',
    }),
    processingDaysOnline: t.float({
      description:
        'Thời hạn khi nộp trực tuyến, nếu khác. / Processing time when submitted online, if different.',
    }),
  }),
});

const ProcedureDocumentInput = builder.inputType('ProcedureDocumentInput', {
  description: 'Một thành phần hồ sơ. / One required document.',
  fields: (t) => ({
    name: t.string({ description: 'Tên tiếng Việt. / Vietnamese name.', required: true }),
    nameEn: t.string({ description: 'Tên tiếng Anh. / English name.' }),
    originals: t.int({ description: 'Số bản chính (mặc định 0). / Originals (default 0).' }),
    copies: t.int({ description: 'Số bản sao (mặc định 0). / Copies (default 0).' }),
    reusable: t.boolean({
      description: 'Tái sử dụng được từ kho dữ liệu số. / Reusable from the national document store.',
    }),
    note: t.string({ description: 'Ghi chú. / Note.' }),
  }),
});

const ProcedureFeeInput = builder.inputType('ProcedureFeeInput', {
  description: 'Một khoản phí, lệ phí. / One fee.',
  fields: (t) => ({
    name: t.string({ description: 'Tên tiếng Việt. / Vietnamese name.', required: true }),
    nameEn: t.string({ description: 'Tên tiếng Anh. / English name.' }),
    amountVnd: t.int({
      description: 'Số tiền (đồng, số nguyên ≥ 0). / Amount in VND (integer ≥ 0).',
      required: true,
    }),
    note: t.string({ description: 'Ghi chú. / Note.' }),
  }),
});

const procedureInputFields = (t: PothosSchemaTypes.InputFieldBuilder<never, 'InputObject'>) => ({
  name: t.string({
    description: 'Tên tiếng Việt (bắt buộc khi tạo). / Vietnamese name (required to create).',
  }),
  nameEn: t.string({ description: 'Tên tiếng Anh. / English name.' }),
  field: t.string({ description: 'Mã lĩnh vực. / Field code.' }),
  level: t.field({ type: ProcedureLevelEnum, description: 'Cấp thực hiện. / Level that handles it.' }),
  onlineLevel: t.field({ type: OnlineLevelEnum, description: 'Mức trực tuyến. / Online service level.' }),
  timeBasis: t.field({
    type: TimeBasisEnum,
    description: 'Ngày làm việc hay ngày theo lịch. / Working days or calendar days.',
  }),
  interAgency: t.boolean({ description: 'Liên thông nhiều cơ quan. / Handled across agencies.' }),
  resultDocument: t.string({ description: 'Kết quả thực hiện. / What the applicant receives.' }),
  legalBasis: t.string({ description: 'Căn cứ pháp lý. / Legal basis.' }),
  applicantKinds: t.stringList({ description: '"citizen", "organisation".' }),
  validFrom: t.field({
    type: 'Date',
    description: 'Ngày bắt đầu áp dụng (YYYY-MM-DD). / First day in force (YYYY-MM-DD).',
  }),
  cases: t.field({ type: [ProcedureCaseInput], description: 'Thay toàn bộ. / Replaces all cases.' }),
  documents: t.field({
    type: [ProcedureDocumentInput],
    description: 'Thay toàn bộ. / Replaces all documents.',
  }),
  fees: t.field({ type: [ProcedureFeeInput], description: 'Thay toàn bộ. / Replaces all fees.' }),
  announcementDecision: t.string({
    description:
      'Số quyết định công bố, tối đa 100 ký tự. / Number of the announcing decision, at most 100 characters.',
  }),
  announcedOn: t.field({
    type: 'Date',
    description:
      'Ngày ký quyết định công bố (YYYY-MM-DD). / Day the announcing decision was signed (YYYY-MM-DD).',
  }),
  publishedOn: t.field({
    type: 'Date',
    description:
      'Ngày công khai thủ tục (YYYY-MM-DD), không trước ngày ký quyết định công bố. / Day the procedure was made public (YYYY-MM-DD), not before the decision was signed.',
  }),
});

const CreateProcedureInput = builder.inputType('CreateProcedureInput', {
  description: 'Một thủ tục mới. / A new procedure.',
  fields: (t) => ({
    code: t.string({ description: 'Mã TTHC, duy nhất. / National procedure code, unique.', required: true }),
    ...procedureInputFields(t as never),
    agencies: t.stringList({ description: 'Mã cơ quan thực hiện. / Codes of implementing agencies.' }),
  }),
});

const UpdateProcedureInput = builder.inputType('UpdateProcedureInput', {
  description: 'Chỉ các trường được gửi mới thay đổi. / Only the fields sent change.',
  fields: (t) => ({
    code: t.string({ description: 'Mã mới. / New code.' }),
    ...procedureInputFields(t as never),
  }),
});

const MUTATION_ERRORS = [ForbiddenError, NotFoundError, ConflictError];

builder.mutationField('createProcedure', (t) =>
  t.field({
    description: 'Thêm thủ tục vào danh mục. / Adds a procedure to the catalog.',
    type: ProcedureRef,
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      input: t.arg({
        type: CreateProcedureInput,
        description: 'Thủ tục mới. / The new procedure.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => createProcedure(context, args.input),
  }),
);

builder.mutationField('updateProcedure', (t) =>
  t.field({
    description: 'Sửa thủ tục. / Edits a procedure.',
    type: ProcedureRef,
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      code: t.arg.string({
        description: 'Mã TTHC của thủ tục cần sửa. / Code of the procedure to edit.',
        required: true,
      }),
      input: t.arg({
        type: UpdateProcedureInput,
        description: 'Các trường cần đổi. / Fields to change.',
        required: true,
      }),
    },
    resolve: (_root, args, context) => updateProcedure(context, args),
  }),
);

builder.mutationField('retireProcedure', (t) =>
  t.field({
    type: ProcedureRef,
    description:
      'Bãi bỏ thủ tục từ ngày `on` (mặc định hôm nay). / Retire a procedure after `on` (default today).',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      code: t.arg.string({ description: 'Mã TTHC. / Procedure code.', required: true }),
      on: t.arg({
        type: 'Date',
        description:
          'Ngày cuối áp dụng (YYYY-MM-DD; mặc định hôm nay). / Last day in force (YYYY-MM-DD; default today).',
        validate: civilDateInput,
      }),
    },
    resolve: (_root, args, context) => retireProcedure(context, args),
  }),
);

const ImportOutcomeEnum = builder.enumType('ImportOutcome', {
  description: 'Kết quả nhập một dòng. / What the import did with a row.',
  values: {
    CREATED: { description: 'Thêm mới. / Created.', value: 'created' },
    UPDATED: { description: 'Cập nhật. / Updated.', value: 'updated' },
    UNCHANGED: { description: 'Không đổi. / Unchanged.', value: 'unchanged' },
    REJECTED: {
      value: 'rejected',
      description: 'Có lỗi; dòng bị bỏ qua. / Has errors; the row was skipped.',
    },
  } as const,
});

const ImportCellErrorRef = builder.objectRef<ImportCellError>('ImportCellError').implement({
  description: 'Lỗi của một ô. / An error in one cell.',
  fields: (t) => ({
    column: t.exposeString('column', { description: 'Tên cột. / Column name.' }),
    message: t.exposeString('message', { description: 'Thông báo tiếng Việt. / Vietnamese message.' }),
    messageEn: t.exposeString('messageEn', { description: 'Thông báo tiếng Anh. / English message.' }),
  }),
});

const ImportRowReportRef = builder.objectRef<ImportRowReport>('ImportRowReport').implement({
  description: 'Kết quả nhập một dòng. / The outcome of one row.',
  fields: (t) => ({
    row: t.exposeInt('row', {
      description: 'Số dòng trong tệp (dòng tiêu đề là 1). / Row in the file (header = 1).',
    }),
    code: t.exposeString('code', { description: "Mã TTHC của dòng. / The row's procedure code." }),
    outcome: t.field({
      type: ImportOutcomeEnum,
      description: 'Thêm, cập nhật, không đổi hay bị từ chối. / Created, updated, unchanged or rejected.',
      resolve: (r) => r.outcome,
    }),
    errors: t.field({
      type: [ImportCellErrorRef],
      description: 'Lỗi theo ô (trống nếu hợp lệ). / Errors by cell (empty when valid).',
      resolve: (r) => r.errors,
    }),
  }),
});

const count = (report: ImportReport, outcome: ImportRowReport['outcome']) =>
  report.rows.filter((r) => r.outcome === outcome).length;

const ImportReportRef = builder.objectRef<ImportReport>('ProcedureImportReport').implement({
  description: 'Báo cáo nhập danh mục thủ tục. / Report of a procedure import.',
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'Chạy thử: không ghi gì. / Preview: nothing written.' }),
    created: t.int({ description: 'Số dòng thêm mới. / Rows created.', resolve: (r) => count(r, 'created') }),
    updated: t.int({ description: 'Số dòng cập nhật. / Rows updated.', resolve: (r) => count(r, 'updated') }),
    unchanged: t.int({
      description: 'Số dòng không đổi. / Rows unchanged.',
      resolve: (r) => count(r, 'unchanged'),
    }),
    rejected: t.int({
      description: 'Số dòng bị từ chối. / Rows rejected.',
      resolve: (r) => count(r, 'rejected'),
    }),
    rows: t.field({
      type: [ImportRowReportRef],
      description: 'Từng dòng, theo thứ tự trong tệp. / Every row, in file order.',
      resolve: (r) => r.rows,
    }),
  }),
});

const ImportFileInput = builder.inputType('ImportFileInput', {
  description: 'Một tệp tải lên. / An uploaded file.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Tên tệp, đuôi .csv hoặc .xlsx. / File name ending .csv or .xlsx.',
    }),
    contentBase64: t.string({
      description: 'Nội dung tệp, mã hoá base64. / File content, base64.',
      required: true,
    }),
  }),
});

builder.mutationField('importProcedures', (t) =>
  t.field({
    type: ImportReportRef,
    description:
      'Nhập danh mục thủ tục từ CSV hoặc XLSX (một dòng một thủ tục); dòng lỗi bị bỏ qua, các dòng khác ghi trong một giao dịch. / Import procedures from CSV or XLSX (one row each); rejected rows are skipped, the others written in one transaction.',
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: [ForbiddenError] },
    args: {
      file: t.arg({
        type: ImportFileInput,
        description: 'Tệp CSV hoặc XLSX. / The CSV or XLSX file.',
        required: true,
      }),
      dryRun: t.arg.boolean({
        description: 'Chạy thử: kiểm tra và báo cáo, không ghi. / Preview: check and report, write nothing.',
        defaultValue: false,
      }),
    },
    resolve: (_root, args, context) =>
      importProcedures(context, { file: args.file, dryRun: args.dryRun ?? false }),
  }),
);
