import type { AgencyKind, ServicePointChannel } from '@chiso/db';
import { normalizeSearchText } from '@chiso/db';
import { sql } from 'kysely';
import type { Context } from '../../context.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { FieldErrorList, fieldError } from '../../schema/field-errors.js';
import { BIGINT_ID } from '../../schema/global-id.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveAsOf } from '../units/units.service.js';
import {
  type AgencyFilter,
  type AgencyRow,
  findAgencyPage,
  findSubtreeIds,
  type ServicePointRow,
} from './agencies.repo.js';

const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
const RECEIPT_PREFIX = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

export function isRetired(row: { validTo: string | null }, today = resolveAsOf(undefined)): boolean {
  return row.validTo !== null && row.validTo < today;
}

export async function listAgencies(
  context: Context,
  filter: Omit<AgencyFilter, 'today' | 'parentId' | 'search'> & {
    parentCode?: string | null;
    search?: string | null;
  },
  offset: number,
  limit: number,
) {
  let parentId: string | null = null;
  if (filter.parentCode) {
    const parent = await context.loaders.agencies.agencyByCode.load(filter.parentCode);
    if (!parent) return { rows: [], total: 0 };
    parentId = parent.id;
  }
  const search = filter.search ? normalizeSearchText(filter.search) : null;
  return findAgencyPage(
    context.db,
    { ...filter, parentId, search, today: resolveAsOf(undefined) },
    offset,
    limit,
  );
}

export async function getAgencyByCode(context: Context, code: string): Promise<AgencyRow> {
  const agency = await context.loaders.agencies.agencyByCode.load(code);
  if (!agency) throw agencyNotFound(code);
  return agency;
}

export function agencyNotFound(code: string): NotFoundError {
  return new NotFoundError(`Không có cơ quan mã ${code}.`, `No agency has code ${code}.`);
}

export interface AgencyInput {
  code?: string | null;
  kind?: AgencyKind | null;
  name?: string | null;
  nameEn?: string | null;
  shortName?: string | null;
  receiptPrefix?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  validFrom?: string | null;
}

function checkText(
  errors: FieldErrorList,
  path: string[],
  value: string | null | undefined,
  max: number,
  required: boolean,
) {
  if (value == null || value.trim() === '') {
    if (required) errors.add(path, 'Không được để trống.', 'Required.');
    return;
  }
  if (value.length > max) errors.add(path, `Tối đa ${max} ký tự.`, `At most ${max} characters.`);
}

function checkAgencyInput(input: AgencyInput, creating: boolean): FieldErrorList {
  const errors = new FieldErrorList();
  if (creating || input.code != null) {
    if (!input.code || !AGENCY_CODE.test(input.code)) {
      errors.add(
        ['input', 'code'],
        'Mã cơ quan gồm 2–40 chữ cái không dấu, chữ số, ".", "-" hoặc "_", ví dụ BKN-STP.',
        'An agency code has 2–40 ASCII letters, digits, ".", "-" or "_", e.g. BKN-STP.',
      );
    }
  }
  checkText(errors, ['input', 'name'], input.name, 300, creating);
  checkText(errors, ['input', 'nameEn'], input.nameEn, 300, creating);
  checkText(errors, ['input', 'shortName'], input.shortName, 60, false);
  checkText(errors, ['input', 'address'], input.address, 500, false);
  checkText(errors, ['input', 'phone'], input.phone, 40, false);
  if (creating && !input.kind) errors.add(['input', 'kind'], 'Chọn loại cơ quan.', 'Choose the agency kind.');
  if (creating || input.receiptPrefix != null) {
    if (!input.receiptPrefix || !RECEIPT_PREFIX.test(input.receiptPrefix)) {
      errors.add(
        ['input', 'receiptPrefix'],
        'Tiền tố số biên nhận gồm 1–20 chữ in hoa không dấu, chữ số hoặc "-", ví dụ BKN-STP.',
        'A receipt prefix has 1–20 capital ASCII letters, digits or "-", e.g. BKN-STP.',
      );
    }
  }
  if (input.email && !EMAIL.test(input.email)) {
    errors.add(['input', 'email'], 'Địa chỉ thư điện tử không hợp lệ.', 'The email address is not valid.');
  }
  if (input.website && !URL_PATTERN.test(input.website)) {
    errors.add(
      ['input', 'website'],
      'Trang web phải bắt đầu bằng http:// hoặc https://.',
      'A website starts with http:// or https://.',
    );
  }
  return errors;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

function duplicateAgencyCode(code: string): ConflictError {
  return new ConflictError(`Đã có cơ quan mã ${code}.`, `An agency with code ${code} already exists.`);
}

/** The unit an input names by global ID, or a validation error on `path`. */
async function resolveUnit(context: Context, unitId: string, errors: FieldErrorList, path: string[]) {
  const unit = BIGINT_ID.test(unitId) ? await context.loaders.units.unitById.load(unitId) : null;
  if (!unit) errors.add(path, 'Không có đơn vị hành chính này.', 'No such administrative unit.');
  return unit;
}

async function resolveParent(context: Context, code: string, errors: FieldErrorList, path: string[]) {
  const parent = await context.loaders.agencies.agencyByCode.load(code);
  if (!parent) errors.add(path, `Không có cơ quan mã ${code}.`, `No agency has code ${code}.`);
  return parent;
}

export async function createAgency(
  context: Context,
  args: { input: AgencyInput & { unitId: string; parentCode?: string | null } },
): Promise<AgencyRow> {
  const { input } = args;
  const errors = checkAgencyInput(input, true);
  const unit = await resolveUnit(context, input.unitId, errors, ['input', 'unit']);
  const parent = input.parentCode
    ? await resolveParent(context, input.parentCode, errors, ['input', 'parent'])
    : null;
  if (unit) await context.access.assertCoversUnit(unit.id, ['unit_admin']);
  else await context.access.assertCoversUnit('0', ['unit_admin']);
  if (parent) await context.access.assertAtAgency(parent.id, 'manage');
  errors.throwIfAny();
  try {
    return await context.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('agency')
        .values({
          code: input.code!,
          kind: input.kind!,
          parentId: parent?.id ?? null,
          unitId: unit!.id,
          calendarId: parent?.calendarId ?? null,
          nameVi: input.name!.trim(),
          nameEn: input.nameEn!.trim(),
          shortName: input.shortName?.trim() || null,
          receiptPrefix: input.receiptPrefix!,
          address: input.address?.trim() || null,
          phone: input.phone?.trim() || null,
          email: input.email?.trim() || null,
          website: input.website?.trim() || null,
          ...(input.validFrom ? { validFrom: input.validFrom } : {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: 'agency.create',
        entity: 'agency',
        entityId: row.id,
        unitId: row.unitId,
        data: { code: row.code, parentId: row.parentId },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateAgencyCode(input.code!);
    throw error;
  }
}

/** The agency by code, after checking the viewer may manage it (a missing agency is NotFound only to those who could). */
async function agencyToManage(context: Context, code: string): Promise<AgencyRow> {
  const agency = await context.loaders.agencies.agencyByCode.load(code);
  if (!agency) {
    if (!context.access.isSystemAdmin && !context.viewer.roles.includes('unit_admin')) {
      await context.access.assertAtAgency('0', 'manage');
    }
    throw agencyNotFound(code);
  }
  await context.access.assertAtAgency(agency.id, 'manage');
  return agency;
}

export async function updateAgency(
  context: Context,
  args: { code: string; input: AgencyInput },
): Promise<AgencyRow> {
  const agency = await agencyToManage(context, args.code);
  const { input } = args;
  const errors = checkAgencyInput(input, false);
  errors.throwIfAny();
  const changes = {
    ...(input.code != null ? { code: input.code } : {}),
    ...(input.kind != null ? { kind: input.kind } : {}),
    ...(input.name != null ? { nameVi: input.name.trim() } : {}),
    ...(input.nameEn != null ? { nameEn: input.nameEn.trim() } : {}),
    ...(input.shortName !== undefined ? { shortName: input.shortName?.trim() || null } : {}),
    ...(input.receiptPrefix != null ? { receiptPrefix: input.receiptPrefix } : {}),
    ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
    ...(input.email !== undefined ? { email: input.email?.trim() || null } : {}),
    ...(input.website !== undefined ? { website: input.website?.trim() || null } : {}),
    ...(input.validFrom != null ? { validFrom: input.validFrom } : {}),
  };
  try {
    return await context.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('agency')
        .set({ ...changes, updatedAt: sql<Date>`now()` })
        .where('id', '=', agency.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: 'agency.update',
        entity: 'agency',
        entityId: agency.id,
        unitId: agency.unitId,
        data: { code: agency.code, changes },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateAgencyCode(input.code!);
    throw error;
  }
}

/**
 * Moves an agency under another parent (`parentCode`: a code, `null` = top level, `undefined` = keep) and/or to
 * another unit (`unitId`). The viewer must manage the agency and the destination. A parent inside the agency's
 * own subtree would make a cycle: ConflictError.
 */
export async function moveAgency(
  context: Context,
  args: { code: string; parentCode?: string | null; unitId?: string | null },
): Promise<AgencyRow> {
  const agency = await agencyToManage(context, args.code);
  const errors = new FieldErrorList();
  if (args.parentCode === undefined && args.unitId == null) {
    errors.add(['parent'], 'Cần cơ quan cha mới hoặc đơn vị mới.', 'Give a new parent or a new unit.');
  }
  const unit = args.unitId != null ? await resolveUnit(context, args.unitId, errors, ['unit']) : null;
  const parent = args.parentCode ? await resolveParent(context, args.parentCode, errors, ['parent']) : null;
  errors.throwIfAny();
  if (parent) await context.access.assertAtAgency(parent.id, 'manage');
  if (unit) await context.access.assertCoversUnit(unit.id, ['unit_admin']);
  if (parent) {
    const subtree = await findSubtreeIds(context.db, agency.id);
    if (subtree.includes(parent.id)) {
      throw new ConflictError(
        `Không thể chuyển ${agency.code} vào dưới ${parent.code}: ${parent.code} là chính nó hoặc thuộc cấp dưới của nó.`,
        `Cannot move ${agency.code} under ${parent.code}: ${parent.code} is the agency itself or below it.`,
      );
    }
  }
  const parentId = args.parentCode === undefined ? agency.parentId : (parent?.id ?? null);
  const unitId = unit?.id ?? agency.unitId;
  return context.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('agency')
      .set({ parentId, unitId, updatedAt: sql<Date>`now()` })
      .where('id', '=', agency.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'agency.move',
      entity: 'agency',
      entityId: agency.id,
      unitId,
      data: {
        code: agency.code,
        from: { parentId: agency.parentId, unitId: agency.unitId },
        to: { parentId, unitId },
      },
    });
    return row;
  });
}

/** Sets validTo (default today). Children still valid after that day must be moved or retired first. */
export async function retireAgency(
  context: Context,
  args: { code: string; on?: string | null },
): Promise<AgencyRow> {
  const agency = await agencyToManage(context, args.code);
  const on = resolveAsOf(args.on);
  if (on < agency.validFrom) {
    throw fieldError(
      ['on'],
      'Ngày ngừng hoạt động trước ngày bắt đầu.',
      'The retirement day is before the agency’s first day.',
    );
  }
  if (agency.validTo !== null) {
    throw new ConflictError(
      `Cơ quan ${agency.code} đã ngừng hoạt động từ ${agency.validTo}.`,
      `Agency ${agency.code} was already retired on ${agency.validTo}.`,
    );
  }
  return context.db.transaction().execute(async (trx) => {
    const active = await trx
      .selectFrom('agency')
      .select('code')
      .where('parentId', '=', agency.id)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', on)]))
      .orderBy('code')
      .forUpdate()
      .execute();
    if (active.length > 0) {
      const codes = active.map((a) => a.code).join(', ');
      throw new ConflictError(
        `Cơ quan ${agency.code} còn ${active.length} cơ quan trực thuộc đang hoạt động (${codes}); hãy chuyển hoặc cho ngừng hoạt động trước.`,
        `Agency ${agency.code} still has ${active.length} active child agencies (${codes}); move or retire them first.`,
      );
    }
    const row = await trx
      .updateTable('agency')
      .set({ validTo: on, updatedAt: sql<Date>`now()` })
      .where('id', '=', agency.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'agency.retire',
      entity: 'agency',
      entityId: agency.id,
      unitId: agency.unitId,
      data: { code: agency.code, validTo: on },
    });
    return row;
  });
}

export async function assignProcedures(
  context: Context,
  args: { code: string; procedures: readonly string[]; submissionPlace?: string | null },
): Promise<AgencyRow> {
  const agency = await agencyToManage(context, args.code);
  const errors = new FieldErrorList();
  if (args.procedures.length === 0 || args.procedures.length > 500) {
    errors.add(['procedures'], 'Cần từ 1 đến 500 mã thủ tục.', 'Give 1 to 500 procedure codes.');
  }
  const found = await context.db
    .selectFrom('procedure')
    .select(['id', 'code'])
    .where('code', 'in', args.procedures.length ? [...args.procedures] : [''])
    .execute();
  const byCode = new Map(found.map((p) => [p.code, p.id]));
  args.procedures.forEach((code, i) => {
    if (!byCode.has(code))
      errors.add(['procedures', i], `Không có thủ tục mã ${code}.`, `No procedure has code ${code}.`);
  });
  errors.throwIfAny();
  const place = args.submissionPlace?.trim() || null;
  await context.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agencyProcedure')
      .values(
        [...byCode.values()].map((procedureId) => ({
          agencyId: agency.id,
          procedureId,
          submissionPlace: place,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['agencyId', 'procedureId']).doUpdateSet((eb) => ({
          submissionPlace:
            place === null ? eb.ref('agencyProcedure.submissionPlace') : eb.ref('excluded.submissionPlace'),
        })),
      )
      .execute();
    await recordAudit(trx, context, {
      action: 'agency.assign_procedures',
      entity: 'agency',
      entityId: agency.id,
      unitId: agency.unitId,
      data: { code: agency.code, procedures: [...byCode.keys()], submissionPlace: place },
    });
  });
  return agency;
}

export async function unassignProcedures(
  context: Context,
  args: { code: string; procedures: readonly string[] },
): Promise<AgencyRow> {
  const agency = await agencyToManage(context, args.code);
  const errors = new FieldErrorList();
  if (args.procedures.length === 0 || args.procedures.length > 500) {
    errors.add(['procedures'], 'Cần từ 1 đến 500 mã thủ tục.', 'Give 1 to 500 procedure codes.');
  }
  errors.throwIfAny();
  await context.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('agencyProcedure')
      .where('agencyId', '=', agency.id)
      .where('procedureId', 'in', (eb) =>
        eb
          .selectFrom('procedure')
          .select('id')
          .where('code', 'in', [...args.procedures]),
      )
      .returning('procedureId')
      .execute();
    await recordAudit(trx, context, {
      action: 'agency.unassign_procedures',
      entity: 'agency',
      entityId: agency.id,
      unitId: agency.unitId,
      data: { code: agency.code, procedures: args.procedures, removed: removed.length },
    });
  });
  return agency;
}

export interface ServicePointInput {
  name?: string | null;
  nameEn?: string | null;
  channel?: ServicePointChannel | null;
  address?: string | null;
  url?: string | null;
  phone?: string | null;
  openingHours?: string | null;
  ordinal?: number | null;
}

function checkServicePoint(
  input: ServicePointInput,
  creating: boolean,
  merged: ServicePointInput,
): FieldErrorList {
  const errors = new FieldErrorList();
  checkText(errors, ['input', 'name'], input.name, 300, creating);
  checkText(errors, ['input', 'nameEn'], input.nameEn, 300, false);
  checkText(errors, ['input', 'address'], input.address, 500, false);
  checkText(errors, ['input', 'openingHours'], input.openingHours, 300, false);
  checkText(errors, ['input', 'phone'], input.phone, 40, false);
  if (creating && !input.channel)
    errors.add(['input', 'channel'], 'Chọn kênh tiếp nhận.', 'Choose the channel.');
  if (input.url && !URL_PATTERN.test(input.url)) {
    errors.add(
      ['input', 'url'],
      'Địa chỉ web phải bắt đầu bằng http:// hoặc https://.',
      'A URL starts with http:// or https://.',
    );
  }
  if (input.ordinal != null && (input.ordinal < 1 || input.ordinal > 999)) {
    errors.add(['input', 'ordinal'], 'Thứ tự từ 1 đến 999.', 'The order is 1 to 999.');
  }
  if (merged.channel === 'online' && !merged.url) {
    errors.add(
      ['input', 'url'],
      'Điểm tiếp nhận trực tuyến cần địa chỉ web.',
      'An online service point needs a URL.',
    );
  }
  if ((merged.channel === 'in_person' || merged.channel === 'postal') && !merged.address) {
    errors.add(
      ['input', 'address'],
      'Điểm tiếp nhận trực tiếp hoặc qua bưu chính cần địa chỉ.',
      'An in-person or postal service point needs an address.',
    );
  }
  return errors;
}

function servicePointValues(input: ServicePointInput) {
  return {
    ...(input.name != null ? { nameVi: input.name.trim() } : {}),
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn?.trim() || null } : {}),
    ...(input.channel != null ? { channel: input.channel } : {}),
    ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
    ...(input.url !== undefined ? { url: input.url?.trim() || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
    ...(input.openingHours !== undefined ? { openingHours: input.openingHours?.trim() || null } : {}),
    ...(input.ordinal != null ? { ordinal: input.ordinal } : {}),
  };
}

export async function createServicePoint(
  context: Context,
  args: { agencyCode: string; input: ServicePointInput },
): Promise<ServicePointRow> {
  const agency = await agencyToManage(context, args.agencyCode);
  checkServicePoint(args.input, true, args.input).throwIfAny();
  return context.db.transaction().execute(async (trx) => {
    const values = servicePointValues(args.input);
    const row = await trx
      .insertInto('agencyServicePoint')
      .values({ ...values, agencyId: agency.id, nameVi: values.nameVi!, channel: values.channel! })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'agency.create_service_point',
      entity: 'agency_service_point',
      entityId: row.id,
      unitId: agency.unitId,
      data: { agency: agency.code, name: row.nameVi, channel: row.channel },
    });
    return row;
  });
}

async function servicePointToManage(context: Context, id: string) {
  const point = await context.loaders.agencies.servicePointById.load(id);
  if (!point) {
    if (!context.access.isSystemAdmin && !context.viewer.roles.includes('unit_admin')) {
      await context.access.assertAtAgency('0', 'manage');
    }
    throw new NotFoundError('Không có điểm tiếp nhận này.', 'No such service point.');
  }
  await context.access.assertAtAgency(point.agencyId, 'manage');
  const agency = (await context.loaders.agencies.agencyById.load(point.agencyId))!;
  return { point, agency };
}

export async function updateServicePoint(
  context: Context,
  args: { id: string; input: ServicePointInput },
): Promise<ServicePointRow> {
  const { point, agency } = await servicePointToManage(context, args.id);
  const merged: ServicePointInput = {
    channel: args.input.channel ?? point.channel,
    url: args.input.url !== undefined ? args.input.url : point.url,
    address: args.input.address !== undefined ? args.input.address : point.address,
  };
  checkServicePoint(args.input, false, merged).throwIfAny();
  return context.db.transaction().execute(async (trx) => {
    const changes = servicePointValues(args.input);
    const row = await trx
      .updateTable('agencyServicePoint')
      .set({ ...changes, updatedAt: sql<Date>`now()` })
      .where('id', '=', point.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, {
      action: 'agency.update_service_point',
      entity: 'agency_service_point',
      entityId: point.id,
      unitId: agency.unitId,
      data: { agency: agency.code, changes },
    });
    return row;
  });
}

export async function deleteServicePoint(context: Context, args: { id: string }): Promise<AgencyRow> {
  const { point, agency } = await servicePointToManage(context, args.id);
  await context.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('agencyServicePoint').where('id', '=', point.id).execute();
    await recordAudit(trx, context, {
      action: 'agency.delete_service_point',
      entity: 'agency_service_point',
      entityId: point.id,
      unitId: agency.unitId,
      data: { agency: agency.code, name: point.nameVi, channel: point.channel },
    });
  });
  return agency;
}
