import { instrumentItemRows } from '@chiso/db';
import {
  createInstrumentFromTemplate,
  getAggregationRule,
  getInstrument as getBuiltinInstrument,
  INSTRUMENTS,
  type Instrument,
  type InstrumentOverrides,
  InstrumentValidationError,
  instrumentLayout,
  type FieldError as ScoringFieldError,
} from '@chiso/scoring';
import type { Context } from '../../context.js';
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findInstrument,
  findInstrumentVersions,
  type InstrumentRow,
  listInstrumentRows,
} from './surveys.repo.js';

/** A stored instrument with its definition: from `@chiso/scoring` for built-ins, from `definition` otherwise. */
export interface InstrumentRecord {
  row: InstrumentRow;
  definition: Instrument;
}

export function toInstrumentRecord(row: InstrumentRow): InstrumentRecord {
  const definition =
    row.origin === 'builtin' ? getBuiltinInstrument(row.code, row.version) : (row.definition as Instrument);
  if (!definition) {
    throw new Error(`Built-in instrument ${row.code} ${row.version} is registered but not shipped`);
  }
  return { row, definition };
}

/**
 * A path of `@chiso/scoring` (`answers[3]`, `dimensions[1].items[0].code`) as an API path under `prefix`:
 * `[...prefix, 'answers', '3']`.
 */
export function scoringPath(prefix: readonly string[], path: string): string[] {
  const parts = path.split(/[.[\]]+/).filter((part) => part !== '');
  return [...prefix, ...parts];
}

export function toFieldErrors(prefix: readonly string[], errors: readonly ScoringFieldError[]): FieldError[] {
  return errors.map((error) => ({
    path: scoringPath(prefix, error.path),
    message: error.message.vi,
    messageEn: error.message.en,
  }));
}

function isDraftVisible(context: Pick<Context, 'access'>, row: InstrumentRow): Promise<boolean> {
  if (row.status !== 'draft') return Promise.resolve(true);
  return row.ownerUnitId
    ? context.access.coversUnit(row.ownerUnitId, ['unit_admin'])
    : Promise.resolve(false);
}

/** Instruments, built-in and custom; drafts only for the admins of their owning unit. */
export async function listInstruments(
  context: Pick<Context, 'db' | 'access'>,
  filter: { origin?: InstrumentRow['origin'] | null; status?: InstrumentRow['status'] | null },
): Promise<InstrumentRecord[]> {
  const rows = await listInstrumentRows(context.db, filter);
  const visible = await Promise.all(rows.map((row) => isDraftVisible(context, row)));
  return rows.filter((_, i) => visible[i]).map(toInstrumentRecord);
}

function notFound(code: string, version?: string | null): NotFoundError {
  return version
    ? new NotFoundError(
        `Không có bộ câu hỏi ${code} phiên bản ${version}.`,
        `There is no instrument ${code} version ${version}.`,
      )
    : new NotFoundError(`Không có bộ câu hỏi ${code}.`, `There is no instrument ${code}.`);
}

/** One instrument; without a version, the latest published one. */
export async function getInstrumentRecord(
  context: Pick<Context, 'db' | 'access'>,
  code: string,
  version?: string | null,
): Promise<InstrumentRecord> {
  let row: InstrumentRow | undefined;
  if (version) {
    row = await findInstrument(context.db, code, version);
  } else {
    row = (await findInstrumentVersions(context.db, code))
      .filter((candidate) => candidate.status === 'published')
      .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
  }
  if (!row || !(await isDraftVisible(context, row))) throw notFound(code, version);
  return toInstrumentRecord(row);
}

export interface CustomInstrumentInput {
  template: { code: string; version: string };
  ownerUnitId: string;
  overrides: InstrumentOverrides;
}

function builtinCodeError(code: string): ValidationError {
  return new ValidationError([
    {
      path: ['overrides', 'code'],
      message: `Mã ${code} là của một bộ câu hỏi có sẵn; hãy chọn mã khác.`,
      messageEn: `Code ${code} belongs to a built-in instrument; choose another code.`,
    },
  ]);
}

function buildFromTemplate(
  template: Instrument,
  overrides: InstrumentOverrides,
  prefix: string[],
): Instrument {
  try {
    return createInstrumentFromTemplate(template, overrides);
  } catch (error) {
    if (error instanceof InstrumentValidationError) {
      throw new ValidationError(toFieldErrors(prefix, error.errors));
    }
    throw error;
  }
}

async function insertCustom(
  context: Pick<Context, 'db' | 'viewer'>,
  definition: Instrument,
  ownerUnitId: string,
  basedOnId: string,
  action: string,
): Promise<InstrumentRecord> {
  const existing = await findInstrument(context.db, definition.code, definition.version);
  if (existing) {
    throw new ConflictError(
      `Bộ câu hỏi ${definition.code} phiên bản ${definition.version} đã tồn tại.`,
      `Instrument ${definition.code} version ${definition.version} already exists.`,
    );
  }
  const row = await context.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('instrument')
      .values({
        code: definition.code,
        version: definition.version,
        origin: 'custom',
        definition: JSON.stringify(definition),
        status: 'draft',
        ownerUnitId,
        itemCount: instrumentLayout(definition).itemCodes.length,
        basedOnId,
      })
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      throw new ConflictError(
        `Bộ câu hỏi ${definition.code} phiên bản ${definition.version} đã tồn tại.`,
        `Instrument ${definition.code} version ${definition.version} already exists.`,
      );
    }
    await trx.insertInto('instrumentItem').values(instrumentItemRows(definition, inserted.id)).execute();
    await recordAudit(trx, context, {
      action,
      entity: 'instrument',
      entityId: inserted.id,
      unitId: ownerUnitId,
      data: { code: definition.code, version: definition.version, basedOnId },
    });
    return inserted;
  });
  return { row, definition };
}

/**
 * A unit's own instrument, derived from a template (built-in or custom, published) with `overrides`; stored as
 * a draft until published. Its code may not be a built-in's, and a code belongs to one owning unit.
 */
export async function createCustomInstrument(
  context: Pick<Context, 'db' | 'access' | 'viewer'>,
  input: CustomInstrumentInput,
): Promise<InstrumentRecord> {
  if (!(await context.access.coversUnit(input.ownerUnitId, ['unit_admin']))) throw new ForbiddenError();
  const { overrides } = input;
  if (INSTRUMENTS.some((builtin) => builtin.code === overrides.code)) throw builtinCodeError(overrides.code);
  const templateRow = await findInstrument(context.db, input.template.code, input.template.version);
  if (!templateRow || templateRow.status === 'draft') {
    throw new ValidationError([
      {
        path: ['template'],
        message: `Không có bộ câu hỏi mẫu ${input.template.code} ${input.template.version} đã công bố.`,
        messageEn: `There is no published template instrument ${input.template.code} ${input.template.version}.`,
      },
    ]);
  }
  const others = await findInstrumentVersions(context.db, overrides.code);
  if (others.some((other) => other.ownerUnitId !== input.ownerUnitId)) {
    throw new ConflictError(
      `Mã ${overrides.code} đã được đơn vị khác sử dụng.`,
      `Code ${overrides.code} is already used by another unit.`,
    );
  }
  const definition = buildFromTemplate(toInstrumentRecord(templateRow).definition, overrides, ['overrides']);
  return insertCustom(context, definition, input.ownerUnitId, templateRow.id, 'instrument.create');
}

/** The next free version after `version`: `2025` → `2025.1`, `2025.1` → `2025.2` (skipping taken ones). */
export function nextVersion(version: string, taken: ReadonlySet<string>): string {
  const match = /^(.*\.)(\d+)$/.exec(version);
  let [base, n] = match ? [match[1]!, Number(match[2])] : [`${version}.`, 0];
  for (;;) {
    n += 1;
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
    if (n > 10_000) [base, n] = [`${candidate}.`, 0];
  }
}

async function ownedCustom(
  context: Pick<Context, 'db' | 'access'>,
  code: string,
  version: string,
): Promise<InstrumentRow> {
  const row = await findInstrument(context.db, code, version);
  if (!row || !(await isDraftVisible(context, row))) throw notFound(code, version);
  if (row.origin === 'builtin') {
    throw new ConflictError(
      'Bộ câu hỏi có sẵn không thể sửa; hãy tạo bộ câu hỏi riêng từ mẫu này.',
      'A built-in instrument cannot be changed; create a custom instrument from it as a template.',
    );
  }
  if (!row.ownerUnitId || !(await context.access.coversUnit(row.ownerUnitId, ['unit_admin']))) {
    throw new ForbiddenError();
  }
  return row;
}

/**
 * Edits a custom instrument. A draft is changed in place; a published (or retired) one never changes: the edit
 * becomes a new draft version (`newVersion`, or the next free one).
 */
export async function reviseCustomInstrument(
  context: Pick<Context, 'db' | 'access' | 'viewer'>,
  input: {
    code: string;
    version: string;
    newVersion?: string | null;
    changes: Omit<InstrumentOverrides, 'code' | 'version'>;
  },
): Promise<InstrumentRecord> {
  const row = await ownedCustom(context, input.code, input.version);
  const current = toInstrumentRecord(row).definition;
  if (row.status === 'draft') {
    const definition = buildFromTemplate(
      current,
      { ...input.changes, code: row.code, version: row.version },
      ['changes'],
    );
    const updated = await context.db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('instrument')
        .set({
          definition: JSON.stringify(definition),
          itemCount: instrumentLayout(definition).itemCodes.length,
        })
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .returningAll()
        .executeTakeFirst();
      if (!changed) {
        throw new ConflictError(
          'Bộ câu hỏi vừa được công bố; hãy sửa lại để tạo phiên bản mới.',
          'The instrument was just published; edit it again to create a new version.',
        );
      }
      await trx.deleteFrom('instrumentItem').where('instrumentId', '=', row.id).execute();
      await trx.insertInto('instrumentItem').values(instrumentItemRows(definition, row.id)).execute();
      await recordAudit(trx, context, {
        action: 'instrument.revise_draft',
        entity: 'instrument',
        entityId: row.id,
        unitId: row.ownerUnitId,
        data: { code: row.code, version: row.version },
      });
      return changed;
    });
    return { row: updated, definition };
  }
  const taken = new Set((await findInstrumentVersions(context.db, row.code)).map((other) => other.version));
  const version = input.newVersion ?? nextVersion(row.version, taken);
  const definition = buildFromTemplate(current, { ...input.changes, code: row.code, version }, ['changes']);
  return insertCustom(context, definition, row.ownerUnitId!, row.id, 'instrument.new_version');
}

/** Publishes a draft: from then on it never changes and campaigns may use it. */
export async function publishInstrument(
  context: Pick<Context, 'db' | 'access' | 'viewer'>,
  code: string,
  version: string,
): Promise<InstrumentRecord> {
  const row = await ownedCustom(context, code, version);
  if (row.status !== 'draft') {
    throw new ConflictError(
      `Bộ câu hỏi ${code} phiên bản ${version} đã được công bố.`,
      `Instrument ${code} version ${version} is already published.`,
    );
  }
  const definition = toInstrumentRecord(row).definition;
  // The rule must exist when the instrument goes live (it was checked on creation; registries can change).
  getAggregationRule(definition.aggregation);
  const published = await context.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('instrument')
      .set({ status: 'published', publishedAt: new Date() })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      throw new ConflictError(
        `Bộ câu hỏi ${code} phiên bản ${version} đã được công bố.`,
        `Instrument ${code} version ${version} is already published.`,
      );
    }
    await recordAudit(trx, context, {
      action: 'instrument.publish',
      entity: 'instrument',
      entityId: row.id,
      unitId: row.ownerUnitId,
      data: { code, version },
    });
    return updated;
  });
  return { row: published, definition };
}
