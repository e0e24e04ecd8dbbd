import { encodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { checkPageSize } from '../../schema/field-errors.js';
import { civilDateInput } from '../../schema/input-rules.js';
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
  getProcedureByCode,
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
    code: t.exposeString('code'),
    name: t.exposeString('nameVi'),
    nameEn: t.exposeString('nameEn'),
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
    ordinal: t.exposeInt('ordinal'),
    name: t.exposeString('nameVi'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
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
    ordinal: t.exposeInt('ordinal'),
    name: t.exposeString('nameVi'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    originals: t.exposeInt('originals', { description: 'Số bản chính. / Originals.' }),
    copies: t.exposeInt('copies', { description: 'Số bản sao. / Copies.' }),
    reusable: t.exposeBoolean('reusable', {
      description: 'Có thể tái sử dụng từ kho dữ liệu số. / Reusable from the national document store.',
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const ProcedureFeeRef = builder.objectRef<ProcedureFeeRow>('ProcedureFee').implement({
  description: 'Phí, lệ phí. / A fee.',
  fields: (t) => ({
    name: t.exposeString('nameVi'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    amountVnd: t.int({
      description: 'Số tiền (đồng). / Amount in VND.',
      resolve: (f) => Number(f.amountVnd),
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const ProcedureAgencyRef = builder.objectRef<ProcedureAgencyRow>('ProcedureAgency').implement({
  description: 'Một cơ quan thực hiện thủ tục. / An agency implementing the procedure.',
  fields: (t) => ({
    agency: t.field({ type: AgencyRef, resolve: (link) => link.agency }),
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
    name: t.exposeString('nameVi'),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    field: t.field({
      type: ProcedureFieldRef,
      resolve: async (p, _args, context) => (await context.loaders.procedures.fieldById.load(p.fieldId))!,
    }),
    level: t.field({ type: ProcedureLevelEnum, resolve: (p) => p.level }),
    onlineLevel: t.field({ type: OnlineLevelEnum, resolve: (p) => p.onlineLevel }),
    timeBasis: t.field({ type: TimeBasisEnum, resolve: (p) => p.timeBasis }),
    interAgency: t.exposeBoolean('interAgency', { description: 'Liên thông. / Inter-agency.' }),
    resultDocument: t.exposeString('resultDocument', { nullable: true }),
    legalBasis: t.exposeString('legalBasis', { nullable: true }),
    applicantKinds: t.exposeStringList('applicantKinds'),
    validFrom: t.field({ type: 'Date', resolve: (p) => p.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, resolve: (p) => p.validTo }),
    retired: t.boolean({ resolve: (p) => isProcedureRetired(p) }),
    isDemo: t.exposeBoolean('isDemo'),
    cases: t.field({
      type: [ProcedureCaseRef],
      resolve: (p, _args, context) => context.loaders.procedures.casesOf.load(p.id),
    }),
    documents: t.field({
      type: [ProcedureDocumentRef],
      resolve: (p, _args, context) => context.loaders.procedures.documentsOf.load(p.id),
    }),
    fees: t.field({
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
        search: t.arg.string(),
        field: t.arg.string({ description: 'Mã lĩnh vực. / Field code.' }),
        agency: t.arg.string({ description: 'Mã cơ quan thực hiện. / Agency code.' }),
        level: t.arg({ type: ProcedureLevelEnum }),
        onlineLevel: t.arg({ type: OnlineLevelEnum }),
        includeRetired: t.arg.boolean({ defaultValue: false }),
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
        search: t.arg.string(),
        field: t.arg.string(),
        level: t.arg({ type: ProcedureLevelEnum }),
        onlineLevel: t.arg({ type: OnlineLevelEnum }),
        includeRetired: t.arg.boolean({ defaultValue: false }),
      },
      resolve: (agency, args, context) => resolveProcedureConnection(args, context, agency.id),
    },
    {
      name: 'AgencyProcedureConnection',
      fields: (t) => ({
        totalCount: t.int({
          nullable: true,
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
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => getProcedureByCode(context, args.code),
  }),
);

const ProcedureCaseInput = builder.inputType('ProcedureCaseInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string(),
    processingDays: t.float({
      description:
        'Ngày làm việc hoặc ngày theo lịch (theo timeBasis). / Working or calendar days (per timeBasis).',
    }),
    processingDaysOnline: t.float(),
  }),
});

const ProcedureDocumentInput = builder.inputType('ProcedureDocumentInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string(),
    originals: t.int(),
    copies: t.int(),
    reusable: t.boolean(),
    note: t.string(),
  }),
});

const ProcedureFeeInput = builder.inputType('ProcedureFeeInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nameEn: t.string(),
    amountVnd: t.int({ required: true }),
    note: t.string(),
  }),
});

const procedureInputFields = (t: PothosSchemaTypes.InputFieldBuilder<never, 'InputObject'>) => ({
  name: t.string(),
  nameEn: t.string(),
  field: t.string({ description: 'Mã lĩnh vực. / Field code.' }),
  level: t.field({ type: ProcedureLevelEnum }),
  onlineLevel: t.field({ type: OnlineLevelEnum }),
  timeBasis: t.field({ type: TimeBasisEnum }),
  interAgency: t.boolean(),
  resultDocument: t.string(),
  legalBasis: t.string(),
  applicantKinds: t.stringList({ description: '"citizen", "organisation".' }),
  validFrom: t.field({ type: 'Date' }),
  cases: t.field({ type: [ProcedureCaseInput], description: 'Thay toàn bộ. / Replaces all cases.' }),
  documents: t.field({
    type: [ProcedureDocumentInput],
    description: 'Thay toàn bộ. / Replaces all documents.',
  }),
  fees: t.field({ type: [ProcedureFeeInput], description: 'Thay toàn bộ. / Replaces all fees.' }),
});

const CreateProcedureInput = builder.inputType('CreateProcedureInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
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
    type: ProcedureRef,
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateProcedureInput, required: true }) },
    resolve: (_root, args, context) => createProcedure(context, args.input),
  }),
);

builder.mutationField('updateProcedure', (t) =>
  t.field({
    type: ProcedureRef,
    // Signed-in staff only (API keys never write); the service checks the scope.
    authScopes: { loggedIn: true },
    errors: { types: MUTATION_ERRORS },
    args: {
      code: t.arg.string({ required: true }),
      input: t.arg({ type: UpdateProcedureInput, required: true }),
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
      code: t.arg.string({ required: true }),
      on: t.arg({ type: 'Date', validate: civilDateInput }),
    },
    resolve: (_root, args, context) => retireProcedure(context, args),
  }),
);

const ImportOutcomeEnum = builder.enumType('ImportOutcome', {
  values: {
    CREATED: { value: 'created' },
    UPDATED: { value: 'updated' },
    UNCHANGED: { value: 'unchanged' },
    REJECTED: {
      value: 'rejected',
      description: 'Có lỗi; dòng bị bỏ qua. / Has errors; the row was skipped.',
    },
  } as const,
});

const ImportCellErrorRef = builder.objectRef<ImportCellError>('ImportCellError').implement({
  fields: (t) => ({
    column: t.exposeString('column'),
    message: t.exposeString('message'),
    messageEn: t.exposeString('messageEn'),
  }),
});

const ImportRowReportRef = builder.objectRef<ImportRowReport>('ImportRowReport').implement({
  fields: (t) => ({
    row: t.exposeInt('row', {
      description: 'Số dòng trong tệp (dòng tiêu đề là 1). / Row in the file (header = 1).',
    }),
    code: t.exposeString('code'),
    outcome: t.field({ type: ImportOutcomeEnum, resolve: (r) => r.outcome }),
    errors: t.field({ type: [ImportCellErrorRef], resolve: (r) => r.errors }),
  }),
});

const count = (report: ImportReport, outcome: ImportRowReport['outcome']) =>
  report.rows.filter((r) => r.outcome === outcome).length;

const ImportReportRef = builder.objectRef<ImportReport>('ProcedureImportReport').implement({
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun', { description: 'Chạy thử: không ghi gì. / Preview: nothing written.' }),
    created: t.int({ resolve: (r) => count(r, 'created') }),
    updated: t.int({ resolve: (r) => count(r, 'updated') }),
    unchanged: t.int({ resolve: (r) => count(r, 'unchanged') }),
    rejected: t.int({ resolve: (r) => count(r, 'rejected') }),
    rows: t.field({ type: [ImportRowReportRef], resolve: (r) => r.rows }),
  }),
});

const ImportFileInput = builder.inputType('ImportFileInput', {
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Tên tệp, đuôi .csv hoặc .xlsx. / File name ending .csv or .xlsx.',
    }),
    contentBase64: t.string({ required: true }),
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
      file: t.arg({ type: ImportFileInput, required: true }),
      dryRun: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, context) =>
      importProcedures(context, { file: args.file, dryRun: args.dryRun ?? false }),
  }),
);
