import type { Database, OnlineLevel, ProcedureLevel } from '@chiso/db';
import { normalizeSearchText } from '@chiso/db';
import { type Kysely, sql } from 'kysely';
import { isCivilDate } from '../../civil-date.js';
import type { Context } from '../../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { FieldErrorList, fieldError } from '../../schema/field-errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveAsOf } from '../units/units.service.js';
import {
  findFieldsByCodes,
  findFieldsInUse,
  findProcedurePage,
  findProcedurePageByCode,
  type ProcedureFilter,
  type ProcedureRow,
} from './procedures.repo.js';

export type TimeBasis = 'working_days' | 'calendar_days';
const PROCEDURE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** Working time is kept in hours; a working day is 8 hours (DOMAIN.md §3). */
export const HOURS_PER_WORKING_DAY = 8;
const MAX_FEE_VND = 2_000_000_000;

export async function listProcedures(
  context: Context,
  filter: Omit<ProcedureFilter, 'today' | 'search' | 'searchRaw' | 'agencyId'> & {
    search?: string | null;
    agencyCode?: string | null;
    agencyId?: string | null;
  },
  offset: number,
  limit: number,
) {
  let agencyId = filter.agencyId ?? null;
  if (filter.agencyCode) {
    const agency = await context.loaders.agencies.agencyByCode.load(filter.agencyCode);
    if (!agency) return { rows: [], total: 0 };
    agencyId = agency.id;
  }
  const search = filter.search ? normalizeSearchText(filter.search) : null;
  return findProcedurePage(
    context.db,
    { ...filter, agencyId, search, searchRaw: filter.search ?? null, today: resolveAsOf(undefined) },
    offset,
    limit,
  );
}

/** The fields offered by the catalog filter (of one agency, by code; none for an unknown agency). */
export async function listProcedureFields(context: Context, agencyCode: string | null) {
  let agencyId: string | null = null;
  if (agencyCode) {
    const agency = await context.loaders.agencies.agencyByCode.load(agencyCode);
    if (!agency) return [];
    agencyId = agency.id;
  }
  return findFieldsInUse(context.db, { today: resolveAsOf(undefined), agencyId });
}

export function isProcedureRetired(row: { validTo: string | null }, today = resolveAsOf(undefined)): boolean {
  return row.validTo !== null && row.validTo < today;
}

/**
 * The procedure of a page (`procedure(code:)`): one statement reads it with its field, cases, documents, fees and
 * agencies, and primes this request's loaders with them, so the page's resolvers find every row in the caches.
 */
export async function getProcedurePage(context: Context, code: string): Promise<ProcedureRow> {
  const page = await findProcedurePageByCode(context.db, code);
  if (!page) throw procedureNotFound(code);
  const { procedures, agencies } = context.loaders;
  const { procedure } = page;
  procedures.procedureByCode.prime(code, procedure);
  procedures.procedureById.prime(procedure.id, procedure);
  if (page.field) procedures.fieldById.prime(page.field.id, page.field);
  procedures.casesOf.prime(procedure.id, page.cases);
  for (const row of page.cases) procedures.caseById.prime(row.id, row);
  procedures.documentsOf.prime(procedure.id, page.documents);
  procedures.feesOf.prime(procedure.id, page.fees);
  procedures.agenciesOf.prime(procedure.id, page.agencies);
  for (const { agency } of page.agencies) {
    agencies.agencyById.prime(agency.id, agency);
    agencies.agencyByCode.prime(agency.code, agency);
  }
  return procedure;
}

function procedureNotFound(code: string): NotFoundError {
  return new NotFoundError(`Không có thủ tục mã ${code}.`, `No procedure has code ${code}.`);
}

export interface CaseInput {
  name: string;
  nameEn?: string | null;
  /** Working days (time basis working_days) or calendar days. */
  processingDays?: number | null;
  processingDaysOnline?: number | null;
}
export interface DocumentInput {
  name: string;
  nameEn?: string | null;
  originals?: number | null;
  copies?: number | null;
  reusable?: boolean | null;
  note?: string | null;
}
export interface FeeInput {
  name: string;
  nameEn?: string | null;
  amountVnd: number;
  note?: string | null;
}

export interface ProcedureInput {
  code?: string | null;
  name?: string | null;
  nameEn?: string | null;
  field?: string | null;
  level?: ProcedureLevel | null;
  onlineLevel?: OnlineLevel | null;
  timeBasis?: TimeBasis | null;
  interAgency?: boolean | null;
  resultDocument?: string | null;
  legalBasis?: string | null;
  applicantKinds?: readonly string[] | null;
  validFrom?: string | null;
  announcementDecision?: string | null;
  announcedOn?: string | null;
  publishedOn?: string | null;
  cases?: readonly CaseInput[] | null;
  documents?: readonly DocumentInput[] | null;
  fees?: readonly FeeInput[] | null;
  agencies?: readonly string[] | null;
}

/** A procedure as written: every column, and the lists that replace the stored ones as a whole. */
export interface ProcedureData {
  code: string;
  nameVi: string;
  nameEn: string | null;
  fieldId: string;
  fieldName: string;
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  timeBasis: TimeBasis;
  interAgency: boolean;
  resultDocument: string | null;
  legalBasis: string | null;
  applicantKinds: string[];
  validFrom: string | null;
  /** The decision announcing the procedure (quyết định công bố): its number and signing day. */
  announcementDecision: string | null;
  announcedOn: string | null;
  /** The day the procedure was made public (công khai); never before `announcedOn`. */
  publishedOn: string | null;
  cases: {
    nameVi: string;
    nameEn: string | null;
    processingHours: number | null;
    processingHoursOnline: number | null;
    calendarDays: number | null;
  }[];
  documents: {
    nameVi: string;
    nameEn: string | null;
    originals: number;
    copies: number;
    reusable: boolean;
    note: string | null;
  }[];
  fees: { nameVi: string; nameEn: string | null; amountVnd: number; note: string | null }[];
}

const APPLICANT_KINDS = new Set(['citizen', 'organisation']);

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Checks a procedure input against the stored procedure (`current`, for updates) and returns the full data to
 * write. `paths` names each input in errors (`["input", "cases", "0", "processingDays"]`; import uses columns).
 */
export async function checkProcedureInput(
  context: Pick<Context, 'db'>,
  input: ProcedureInput,
  current: { row: ProcedureRow; data: ProcedureData } | null,
  errors: FieldErrorList,
  at: (...path: (string | number)[]) => (string | number)[],
  fields?: Map<string, { id: string; nameVi: string }>,
): Promise<ProcedureData | null> {
  const before = current?.data;
  const code = input.code ?? before?.code ?? '';
  if (!PROCEDURE_CODE.test(code)) {
    errors.add(
      at('code'),
      'Mã thủ tục gồm 1–40 chữ cái không dấu, chữ số, ".", "-" hoặc "_", ví dụ 1.004227.',
      'A procedure code has 1–40 ASCII letters, digits, ".", "-" or "_", e.g. 1.004227.',
    );
  }
  const nameVi = input.name !== undefined ? text(input.name) : (before?.nameVi ?? null);
  if (!nameVi) errors.add(at('name'), 'Cần tên thủ tục.', 'The procedure name is required.');
  else if (nameVi.length > 1000) errors.add(at('name'), 'Tối đa 1000 ký tự.', 'At most 1000 characters.');
  let fieldId = before?.fieldId ?? '';
  let fieldName = before?.fieldName ?? '';
  if (input.field != null || !before) {
    const fieldCode = input.field ?? '';
    const field =
      fields?.get(fieldCode) ??
      (fieldCode ? (await findFieldsByCodes(context.db, [fieldCode]))[0] : undefined);
    if (!field) {
      errors.add(
        at('field'),
        `Không có lĩnh vực mã "${fieldCode}".`,
        `No procedure field has code "${fieldCode}".`,
      );
    } else {
      fieldId = field.id;
      fieldName = field.nameVi;
    }
  }
  const level = input.level ?? before?.level;
  if (!level) errors.add(at('level'), 'Chọn cấp thực hiện.', 'Choose the level.');
  const onlineLevel = input.onlineLevel ?? before?.onlineLevel;
  if (!onlineLevel) errors.add(at('onlineLevel'), 'Chọn mức dịch vụ trực tuyến.', 'Choose the online level.');
  const timeBasis = input.timeBasis ?? before?.timeBasis ?? 'working_days';
  const validFrom = input.validFrom ?? before?.validFrom ?? null;
  if (validFrom !== null && !isCivilDate(validFrom)) {
    errors.add(at('validFrom'), 'Ngày không hợp lệ (YYYY-MM-DD).', 'Invalid date (YYYY-MM-DD).');
  }
  const announcementDecision =
    input.announcementDecision !== undefined
      ? text(input.announcementDecision)
      : (before?.announcementDecision ?? null);
  if (announcementDecision !== null && announcementDecision.length > 100) {
    errors.add(
      at('announcementDecision'),
      'Số quyết định công bố tối đa 100 ký tự.',
      'The announcing decision number has at most 100 characters.',
    );
  }
  const announcedOn =
    input.announcedOn !== undefined ? text(input.announcedOn) : (before?.announcedOn ?? null);
  const publishedOn =
    input.publishedOn !== undefined ? text(input.publishedOn) : (before?.publishedOn ?? null);
  for (const [key, value] of [
    ['announcedOn', announcedOn],
    ['publishedOn', publishedOn],
  ] as const) {
    if (value !== null && !isCivilDate(value)) {
      errors.add(at(key), 'Ngày không hợp lệ (YYYY-MM-DD).', 'Invalid date (YYYY-MM-DD).');
    }
  }
  if (publishedOn !== null && isCivilDate(publishedOn)) {
    if (announcedOn === null) {
      errors.add(
        at('announcedOn'),
        'Cần ngày ký quyết định công bố khi đã có ngày công khai.',
        'A publication day needs the signing day of the announcing decision.',
      );
    } else if (isCivilDate(announcedOn) && publishedOn < announcedOn) {
      errors.add(
        at('publishedOn'),
        'Ngày công khai không thể trước ngày ký quyết định công bố.',
        'A procedure cannot be made public before the decision announcing it is signed.',
      );
    }
  }
  const applicantKinds = input.applicantKinds ? [...input.applicantKinds] : (before?.applicantKinds ?? []);
  applicantKinds.forEach((kind, i) => {
    if (!APPLICANT_KINDS.has(kind)) {
      errors.add(
        at('applicantKinds', i),
        'Đối tượng là "citizen" hoặc "organisation".',
        'An applicant kind is "citizen" or "organisation".',
      );
    }
  });

  let cases = before?.cases ?? [];
  if (input.cases != null || (before && input.timeBasis != null && input.timeBasis !== before.timeBasis)) {
    const given = input.cases;
    if (!given || given.length === 0) {
      errors.add(
        at('cases'),
        'Cần ít nhất một trường hợp với thời hạn giải quyết.',
        'At least one case with a processing time is required.',
      );
      cases = [];
    } else {
      cases = given.map((c, i) => {
        const name = text(c.name);
        if (!name) errors.add(at('cases', i, 'name'), 'Cần tên trường hợp.', 'The case name is required.');
        const check = (value: number | null | undefined, key: string, required: boolean) => {
          if (value == null) {
            if (required)
              errors.add(at('cases', i, key), 'Cần thời hạn giải quyết.', 'The processing time is required.');
            return null;
          }
          if (!(value > 0 && value <= 365)) {
            errors.add(
              at('cases', i, key),
              'Thời hạn từ trên 0 đến 365 ngày.',
              'A processing time is more than 0 and at most 365 days.',
            );
            return null;
          }
          if (timeBasis === 'calendar_days' && !Number.isInteger(value)) {
            errors.add(
              at('cases', i, key),
              'Ngày theo lịch phải là số nguyên.',
              'Calendar days are whole numbers.',
            );
            return null;
          }
          if (Math.round(value * HOURS_PER_WORKING_DAY * 100) !== value * HOURS_PER_WORKING_DAY * 100) {
            errors.add(
              at('cases', i, key),
              'Tối đa hai chữ số thập phân giờ.',
              'At most two decimals of hours.',
            );
          }
          return value;
        };
        const days = check(c.processingDays, 'processingDays', true);
        const online = check(c.processingDaysOnline, 'processingDaysOnline', false);
        return {
          nameVi: name ?? '',
          nameEn: text(c.nameEn),
          processingHours:
            timeBasis === 'working_days' && days !== null ? days * HOURS_PER_WORKING_DAY : null,
          processingHoursOnline:
            timeBasis === 'working_days' ? (online ?? days ?? 0) * HOURS_PER_WORKING_DAY || null : null,
          calendarDays: timeBasis === 'calendar_days' ? days : null,
        };
      });
    }
  }
  const documents =
    input.documents != null
      ? input.documents.map((d, i) => {
          const name = text(d.name);
          if (!name)
            errors.add(at('documents', i, 'name'), 'Cần tên giấy tờ.', 'The document name is required.');
          const originals = d.originals ?? 0;
          const copies = d.copies ?? 0;
          for (const [key, value] of [
            ['originals', originals],
            ['copies', copies],
          ] as const) {
            if (!Number.isInteger(value) || value < 0 || value > 99) {
              errors.add(at('documents', i, key), 'Số bản từ 0 đến 99.', 'The number of copies is 0 to 99.');
            }
          }
          if (originals + copies === 0) {
            errors.add(
              at('documents', i, 'originals'),
              'Cần ít nhất một bản chính hoặc bản sao.',
              'At least one original or copy is required.',
            );
          }
          return {
            nameVi: name ?? '',
            nameEn: text(d.nameEn),
            originals,
            copies,
            reusable: d.reusable ?? false,
            note: text(d.note),
          };
        })
      : (before?.documents ?? []);
  const fees =
    input.fees != null
      ? input.fees.map((f, i) => {
          const name = text(f.name);
          if (!name)
            errors.add(at('fees', i, 'name'), 'Cần tên khoản phí, lệ phí.', 'The fee name is required.');
          if (!Number.isInteger(f.amountVnd) || f.amountVnd < 0 || f.amountVnd > MAX_FEE_VND) {
            errors.add(
              at('fees', i, 'amountVnd'),
              'Số tiền là số nguyên đồng từ 0 đến 2 tỷ.',
              'The amount is a whole number of VND from 0 to 2 billion.',
            );
          }
          return { nameVi: name ?? '', nameEn: text(f.nameEn), amountVnd: f.amountVnd, note: text(f.note) };
        })
      : (before?.fees ?? []);
  if (!errors.isEmpty || !nameVi || !level || !onlineLevel) return null;
  return {
    code,
    nameVi,
    nameEn: input.nameEn !== undefined ? text(input.nameEn) : (before?.nameEn ?? null),
    fieldId,
    fieldName,
    level,
    onlineLevel,
    timeBasis,
    interAgency: input.interAgency ?? before?.interAgency ?? false,
    resultDocument:
      input.resultDocument !== undefined ? text(input.resultDocument) : (before?.resultDocument ?? null),
    legalBasis: input.legalBasis !== undefined ? text(input.legalBasis) : (before?.legalBasis ?? null),
    applicantKinds,
    validFrom,
    announcementDecision,
    announcedOn,
    publishedOn,
    cases,
    documents,
    fees,
  };
}

/** The stored procedure as `ProcedureData` (to merge an update into, or to compare an import row with). */
export async function loadProcedureData(db: Kysely<Database>, row: ProcedureRow): Promise<ProcedureData> {
  const [field, cases, documents, fees] = await Promise.all([
    db.selectFrom('procedureField').select('nameVi').where('id', '=', row.fieldId).executeTakeFirstOrThrow(),
    db.selectFrom('procedureCase').selectAll().where('procedureId', '=', row.id).orderBy('ordinal').execute(),
    db
      .selectFrom('procedureDocument')
      .selectAll()
      .where('procedureId', '=', row.id)
      .orderBy('ordinal')
      .execute(),
    db.selectFrom('procedureFee').selectAll().where('procedureId', '=', row.id).orderBy('id').execute(),
  ]);
  return {
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    fieldId: row.fieldId,
    fieldName: field.nameVi,
    level: row.level,
    onlineLevel: row.onlineLevel,
    timeBasis: row.timeBasis,
    interAgency: row.interAgency,
    resultDocument: row.resultDocument,
    legalBasis: row.legalBasis,
    applicantKinds: row.applicantKinds,
    validFrom: row.validFrom,
    announcementDecision: row.announcementDecision,
    announcedOn: row.announcedOn,
    publishedOn: row.publishedOn,
    cases: cases.map((c) => ({
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      processingHours: c.processingHours === null ? null : Number(c.processingHours),
      processingHoursOnline: c.processingHoursOnline === null ? null : Number(c.processingHoursOnline),
      calendarDays: c.calendarDays,
    })),
    documents: documents.map((d) => ({
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      originals: d.originals,
      copies: d.copies,
      reusable: d.reusable,
      note: d.note,
    })),
    fees: fees.map((f) => ({
      nameVi: f.nameVi,
      nameEn: f.nameEn,
      amountVnd: Number(f.amountVnd),
      note: f.note,
    })),
  };
}

/** True when writing `next` over `before` would change nothing. */
export function sameProcedureData(before: ProcedureData, next: ProcedureData): boolean {
  return JSON.stringify(before) === JSON.stringify(next);
}

/**
 * Writes a procedure and replaces its cases (matched by ordinal, so dossiers pointing at a case keep it), its
 * documents and its fees. `search_text` is recomputed from code, names and field on every write.
 */
export async function writeProcedure(
  trx: Kysely<Database>,
  data: ProcedureData,
  existingId: string | null,
): Promise<ProcedureRow> {
  const values = {
    code: data.code,
    nameVi: data.nameVi,
    nameEn: data.nameEn,
    fieldId: data.fieldId,
    level: data.level,
    onlineLevel: data.onlineLevel,
    timeBasis: data.timeBasis,
    interAgency: data.interAgency,
    resultDocument: data.resultDocument,
    legalBasis: data.legalBasis,
    applicantKinds: data.applicantKinds,
    announcementDecision: data.announcementDecision,
    announcedOn: data.announcedOn,
    publishedOn: data.publishedOn,
    searchText: normalizeSearchText(`${data.code} ${data.nameVi} ${data.nameEn ?? ''} ${data.fieldName}`),
    ...(data.validFrom ? { validFrom: data.validFrom } : {}),
  };
  const row = existingId
    ? await trx
        .updateTable('procedure')
        .set({ ...values, updatedAt: sql<Date>`now()` })
        .where('id', '=', existingId)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx.insertInto('procedure').values(values).returningAll().executeTakeFirstOrThrow();
  if (data.cases.length > 0) {
    await trx
      .insertInto('procedureCase')
      .values(data.cases.map((c, i) => ({ ...c, procedureId: row.id, ordinal: i + 1 })))
      .onConflict((oc) =>
        oc.columns(['procedureId', 'ordinal']).doUpdateSet((eb) => ({
          nameVi: eb.ref('excluded.nameVi'),
          nameEn: eb.ref('excluded.nameEn'),
          processingHours: eb.ref('excluded.processingHours'),
          processingHoursOnline: eb.ref('excluded.processingHoursOnline'),
          calendarDays: eb.ref('excluded.calendarDays'),
        })),
      )
      .execute();
  }
  try {
    await trx
      .deleteFrom('procedureCase')
      .where('procedureId', '=', row.id)
      .where('ordinal', '>', data.cases.length)
      .execute();
  } catch (error) {
    if ((error as { code?: string }).code === '23503') {
      throw new ConflictError(
        `Không thể bỏ trường hợp của thủ tục ${data.code}: đã có hồ sơ theo trường hợp đó.`,
        `Cannot remove a case of procedure ${data.code}: dossiers were filed under it.`,
      );
    }
    throw error;
  }
  await trx
    .deleteFrom('procedureDocument')
    .where('procedureId', '=', row.id)
    .where('caseId', 'is', null)
    .execute();
  if (data.documents.length > 0) {
    await trx
      .insertInto('procedureDocument')
      .values(data.documents.map((d, i) => ({ ...d, procedureId: row.id, ordinal: i + 1 })))
      .execute();
  }
  await trx
    .deleteFrom('procedureFee')
    .where('procedureId', '=', row.id)
    .where('caseId', 'is', null)
    .execute();
  if (data.fees.length > 0) {
    await trx
      .insertInto('procedureFee')
      .values(data.fees.map((f) => ({ ...f, procedureId: row.id })))
      .execute();
  }
  return row;
}

/**
 * Who may write a procedure: system admins; unit admins who manage every agency that handles it now
 * (`currentAgencyIds`) and every agency the write would add. A procedure no agency handles may be written by any
 * unit admin (catalog codes are national; assigning agencies is what ties a procedure to a province).
 */
export async function canWriteProcedure(
  context: Context,
  currentAgencyIds: readonly string[],
  addedAgencyIds: readonly string[],
): Promise<boolean> {
  if (context.access.isSystemAdmin) return true;
  if (!context.viewer.roles.includes('unit_admin')) return false;
  for (const id of new Set([...currentAgencyIds, ...addedAgencyIds])) {
    if (!(await context.access.canAtAgency(id, 'manage'))) return false;
  }
  return true;
}

async function agencyIdsOf(db: Kysely<Database>, procedureId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agencyProcedure')
    .select('agencyId')
    .where('procedureId', '=', procedureId)
    .execute();
  return rows.map((r) => r.agencyId);
}

async function resolveAgencyCodes(
  context: Context,
  codes: readonly string[],
  errors: FieldErrorList,
  path: string[],
) {
  const ids: string[] = [];
  for (const [i, code] of codes.entries()) {
    const agency = await context.loaders.agencies.agencyByCode.load(code);
    if (!agency)
      errors.add([...path, String(i)], `Không có cơ quan mã ${code}.`, `No agency has code ${code}.`);
    else ids.push(agency.id);
  }
  return ids;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export async function createProcedure(context: Context, input: ProcedureInput): Promise<ProcedureRow> {
  if (!context.access.isSystemAdmin && !context.viewer.roles.includes('unit_admin'))
    throw new ForbiddenError();
  const errors = new FieldErrorList();
  const agencyIds = await resolveAgencyCodes(context, input.agencies ?? [], errors, ['input', 'agencies']);
  if (!(await canWriteProcedure(context, [], agencyIds))) throw new ForbiddenError();
  if (!input.code) errors.add(['input', 'code'], 'Cần mã thủ tục.', 'The procedure code is required.');
  const data = await checkProcedureInput(context, input, null, errors, (...p) => ['input', ...p]);
  errors.throwIfAny();
  try {
    return await context.db.transaction().execute(async (trx) => {
      const row = await writeProcedure(trx, data!, null);
      if (agencyIds.length > 0) {
        await trx
          .insertInto('agencyProcedure')
          .values(agencyIds.map((agencyId) => ({ agencyId, procedureId: row.id })))
          .execute();
      }
      await recordAudit(trx, context, {
        action: 'procedure.create',
        entity: 'procedure',
        entityId: row.id,
        data: { code: row.code, agencies: input.agencies ?? [] },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `Đã có thủ tục mã ${input.code}.`,
        `A procedure with code ${input.code} already exists.`,
      );
    }
    throw error;
  }
}

async function procedureToWrite(context: Context, code: string) {
  if (!context.access.isSystemAdmin && !context.viewer.roles.includes('unit_admin'))
    throw new ForbiddenError();
  const row = await context.loaders.procedures.procedureByCode.load(code);
  if (!row) throw procedureNotFound(code);
  const agencyIds = await agencyIdsOf(context.db, row.id);
  if (!(await canWriteProcedure(context, agencyIds, []))) throw new ForbiddenError();
  return row;
}

export async function updateProcedure(
  context: Context,
  args: { code: string; input: Omit<ProcedureInput, 'agencies'> },
) {
  const row = await procedureToWrite(context, args.code);
  const errors = new FieldErrorList();
  const current = { row, data: await loadProcedureData(context.db, row) };
  const data = await checkProcedureInput(context, args.input, current, errors, (...p) => ['input', ...p]);
  errors.throwIfAny();
  try {
    return await context.db.transaction().execute(async (trx) => {
      const updated = await writeProcedure(trx, data!, row.id);
      await recordAudit(trx, context, {
        action: 'procedure.update',
        entity: 'procedure',
        entityId: row.id,
        data: { code: row.code, newCode: data!.code, fields: Object.keys(args.input) },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `Đã có thủ tục mã ${data!.code}.`,
        `A procedure with code ${data!.code} already exists.`,
      );
    }
    throw error;
  }
}

export async function retireProcedure(context: Context, args: { code: string; on?: string | null }) {
  const row = await procedureToWrite(context, args.code);
  const on = resolveAsOf(args.on);
  if (on < row.validFrom) {
    throw fieldError(
      ['on'],
      'Ngày bãi bỏ trước ngày hiệu lực.',
      'The retirement day is before the procedure took effect.',
    );
  }
  if (row.validTo !== null) {
    throw new ConflictError(
      `Thủ tục ${row.code} đã bãi bỏ từ ${row.validTo}.`,
      `Procedure ${row.code} was already retired on ${row.validTo}.`,
    );
  }
  return context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('procedure')
      .set({ validTo: on, updatedAt: sql<Date>`now()` })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'procedure.retire',
      entity: 'procedure',
      entityId: row.id,
      data: { code: row.code, validTo: on },
    });
    return updated;
  });
}
