import { normalizeSearchText, parseCsv } from '@chiso/db';
import type { Context } from '../../context.js';
import { ForbiddenError } from '../../errors.js';
import { FieldErrorList, fieldError } from '../../schema/field-errors.js';
import { findAgenciesByCodes } from '../agencies/agencies.repo.js';
import { recordAudit } from '../audit/audit.service.js';
import { findFieldsByCodes, findProceduresByCodes } from './procedures.repo.js';
import {
  canWriteProcedure,
  checkProcedureInput,
  loadProcedureData,
  type ProcedureData,
  type ProcedureInput,
  sameProcedureData,
  writeProcedure,
} from './procedures.service.js';

/**
 * Bulk import of the procedure catalog from CSV (UTF-8, comma-separated, header row) or XLSX (first sheet,
 * header row). One row per procedure; the header names the columns, in any order:
 *
 * | column | required | content |
 * |---|---|---|
 * | code | yes | national procedure code, e.g. 1.004227 |
 * | name | yes | Vietnamese name |
 * | name_en | | English name |
 * | field | yes | code of the procedure field (lĩnh vực), which must exist |
 * | level | yes | central, province, district or commune (or trung ương, tỉnh, huyện, xã) |
 * | online_level | yes | full, partial or none (or toàn trình, một phần, không) |
 * | time_basis | | working_days (default) or calendar_days |
 * | processing_days | yes | processing time in person (working or calendar days by time_basis) |
 * | processing_days_online | | processing time online (default: as in person) |
 * | inter_agency | | yes/no (có/không, true/false, 1/0) |
 * | result_document, legal_basis | | text |
 * | agencies | | `;`-separated agency codes that handle it (added; existing links stay) |
 * | submission_place | | where to submit, for the agencies of this row |
 * | documents | | `;`-separated, each `name|originals|copies|reusable` (counts default 1 original, 0 copies; reusable = x/yes/có) |
 * | fees | | `;`-separated, each `name|amount in VND` |
 * | valid_from | | YYYY-MM-DD |
 * | announcement_decision | | number of the decision announcing the procedure (quyết định công bố), e.g. 1234/QĐ-UBND |
 * | announced_on | | YYYY-MM-DD, the day that decision was signed |
 * | published_on | | YYYY-MM-DD, the day the procedure was made public (công khai); not before announced_on |
 *
 * A row replaces the procedure as a whole (one general case with the row's processing times, its documents, its
 * fees). Rows with errors are REJECTED and skipped; the other rows are written in one transaction, so a failure
 * while writing leaves nothing behind. A dry run checks and reports exactly the same and writes nothing.
 */
export const IMPORT_COLUMNS = [
  'code',
  'name',
  'name_en',
  'field',
  'level',
  'online_level',
  'time_basis',
  'processing_days',
  'processing_days_online',
  'inter_agency',
  'result_document',
  'legal_basis',
  'agencies',
  'submission_place',
  'documents',
  'fees',
  'valid_from',
  'announcement_decision',
  'announced_on',
  'published_on',
] as const;
const REQUIRED_COLUMNS = ['code', 'name', 'field', 'level', 'online_level', 'processing_days'];
export const MAX_IMPORT_ROWS = 2000;

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportCellError {
  column: string;
  message: string;
  messageEn: string;
}

export interface ImportRowReport {
  row: number;
  code: string;
  outcome: ImportOutcome;
  errors: ImportCellError[];
}

export interface ImportReport {
  dryRun: boolean;
  rows: ImportRowReport[];
}

interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

async function readRows(name: string, contentBase64: string): Promise<SheetRow[]> {
  const bytes = Buffer.from(contentBase64, 'base64');
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) {
    const records = parseCsv(bytes.toString('utf8'));
    return records.map((cells, i) => ({ row: i + 2, cells: normalizeHeader(cells) }));
  }
  if (lower.endsWith('.xlsx')) {
    // Loaded on the first XLSX file (about 30 MB of resident memory), not at start.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw fieldError(
        ['file', 'contentBase64'],
        'Không đọc được tệp XLSX.',
        'The XLSX file cannot be read.',
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    let header: string[] = [];
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        // A date cell is a Date at UTC midnight of that day: keep the day, whatever the cell's display format.
        values[column - 1] =
          cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text.trim();
      });
      if (header.length === 0) {
        header = values.map((v) => v ?? '');
        return;
      }
      const cells: Record<string, string> = {};
      header.forEach((column, i) => {
        cells[column] = values[i] ?? '';
      });
      rows.push({ row: rowNumber, cells: normalizeHeader(cells) });
    });
    if (header.length === 0) return [];
    return rows;
  }
  throw fieldError(
    ['file', 'name'],
    'Chỉ nhận tệp .csv hoặc .xlsx.',
    'Only .csv and .xlsx files are accepted.',
  );
}

/** Column names compared without case, diacritics or spaces ("Online level" = "online_level"). */
function normalizeHeader(cells: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(cells).map(([key, value]) => [
      normalizeSearchText(key).replace(/[ .]+/g, '_'),
      value.trim(),
    ]),
  );
}

const LEVELS: Record<string, ProcedureInput['level']> = {
  central: 'central',
  'trung uong': 'central',
  province: 'province',
  tinh: 'province',
  district: 'district',
  huyen: 'district',
  commune: 'commune',
  xa: 'commune',
};
const ONLINE_LEVELS: Record<string, ProcedureInput['onlineLevel']> = {
  full: 'full',
  'toan trinh': 'full',
  partial: 'partial',
  'mot phan': 'partial',
  none: 'none',
  khong: 'none',
};
const YES = new Set(['x', 'yes', 'y', 'co', 'true', '1']);
const NO = new Set(['', 'no', 'n', 'khong', 'false', '0']);

/** Which column an input path came from, so errors name the column a person edits. */
function columnOf(path: (string | number)[]): string {
  const [head, , key] = path;
  if (head === 'cases') return key === 'processingDaysOnline' ? 'processing_days_online' : 'processing_days';
  if (head === 'documents' || head === 'fees' || head === 'agencies') return String(head);
  const map: Record<string, string> = {
    nameEn: 'name_en',
    onlineLevel: 'online_level',
    timeBasis: 'time_basis',
    validFrom: 'valid_from',
    announcementDecision: 'announcement_decision',
    announcedOn: 'announced_on',
    publishedOn: 'published_on',
  };
  return map[String(head)] ?? String(head);
}

function parseNumber(value: string): number | null {
  if (value === '') return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The row as a procedure input; format errors (unknown level, bad number) go to `errors` with their column. */
function rowToInput(cells: Record<string, string>, errors: FieldErrorList): ProcedureInput {
  const get = (column: string) => cells[column] ?? '';
  const level = LEVELS[normalizeSearchText(get('level'))];
  if (!level && get('level') !== '') {
    errors.add(
      ['level'],
      'Cấp là central, province, district hoặc commune.',
      'The level is central, province, district or commune.',
    );
  }
  const onlineLevel = ONLINE_LEVELS[normalizeSearchText(get('online_level'))];
  if (!onlineLevel && get('online_level') !== '') {
    errors.add(
      ['online_level'],
      'Mức trực tuyến là full, partial hoặc none.',
      'The online level is full, partial or none.',
    );
  }
  const basisText = normalizeSearchText(get('time_basis')).replace(/ /g, '_');
  const timeBasis = basisText === '' ? 'working_days' : basisText;
  if (timeBasis !== 'working_days' && timeBasis !== 'calendar_days') {
    errors.add(
      ['time_basis'],
      'Cách tính thời hạn là working_days hoặc calendar_days.',
      'The time basis is working_days or calendar_days.',
    );
  }
  const flag = normalizeSearchText(get('inter_agency'));
  if (!YES.has(flag) && !NO.has(flag)) {
    errors.add(['inter_agency'], 'Liên thông: có hoặc không.', 'Inter-agency: yes or no.');
  }
  const days = parseNumber(get('processing_days'));
  const daysOnline = parseNumber(get('processing_days_online'));
  for (const [column, value] of [
    ['processing_days', days],
    ['processing_days_online', daysOnline],
  ] as const) {
    if (Number.isNaN(value)) errors.add([column], 'Cần một số ngày.', 'A number of days is expected.');
  }
  const list = (column: string) =>
    get(column)
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean);
  const documents = list('documents').map((item) => {
    const [name = '', originals, copies, reusable] = item.split('|').map((part) => part.trim());
    const count = (value: string | undefined, fallback: number) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n)) {
        errors.add(
          ['documents'],
          `Số bản của "${name}" không hợp lệ.`,
          `The number of copies of "${name}" is not valid.`,
        );
        return fallback;
      }
      return n;
    };
    return {
      name,
      originals: count(originals, 1),
      copies: count(copies, 0),
      reusable: YES.has(normalizeSearchText(reusable ?? '')),
    };
  });
  const fees = list('fees').map((item) => {
    const [name = '', amount = ''] = item.split('|').map((part) => part.trim());
    const value = Number(amount.replace(/[.\s]/g, ''));
    if (amount === '' || !Number.isInteger(value)) {
      errors.add(
        ['fees'],
        `Số tiền của "${name}" phải là số nguyên đồng.`,
        `The amount of "${name}" must be a whole number of VND.`,
      );
    }
    return { name, amountVnd: Number.isInteger(value) ? value : 0 };
  });
  return {
    code: get('code'),
    name: get('name'),
    nameEn: get('name_en') || null,
    field: get('field'),
    level: level ?? null,
    onlineLevel: onlineLevel ?? null,
    timeBasis: timeBasis === 'calendar_days' ? 'calendar_days' : 'working_days',
    interAgency: YES.has(flag),
    resultDocument: get('result_document') || null,
    legalBasis: get('legal_basis') || null,
    validFrom: get('valid_from') || null,
    announcementDecision: get('announcement_decision') || null,
    announcedOn: get('announced_on') || null,
    publishedOn: get('published_on') || null,
    cases: [
      {
        name: 'Trường hợp chung',
        nameEn: 'General case',
        processingDays: Number.isNaN(days) ? null : days,
        processingDaysOnline: Number.isNaN(daysOnline) ? null : daysOnline,
      },
    ],
    documents,
    fees,
    agencies: list('agencies'),
  };
}

export async function importProcedures(
  context: Context,
  args: { file: { name: string; contentBase64: string }; dryRun: boolean },
): Promise<ImportReport> {
  if (!context.access.isSystemAdmin && !context.viewer.roles.includes('unit_admin'))
    throw new ForbiddenError();
  const sheet = await readRows(args.file.name, args.file.contentBase64);
  if (sheet.length === 0) {
    throw fieldError(
      ['file', 'contentBase64'],
      'Tệp không có dòng dữ liệu nào.',
      'The file has no data rows.',
    );
  }
  if (sheet.length > MAX_IMPORT_ROWS) {
    throw fieldError(
      ['file', 'contentBase64'],
      `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng.`,
      `At most ${MAX_IMPORT_ROWS} rows per import.`,
    );
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !(column in sheet[0]!.cells));
  if (missing.length > 0) {
    throw fieldError(
      ['file', 'contentBase64'],
      `Thiếu cột: ${missing.join(', ')}.`,
      `Missing columns: ${missing.join(', ')}.`,
    );
  }

  const column = (row: SheetRow, name: string) => row.cells[name] ?? '';
  const codes = [...new Set(sheet.map((r) => column(r, 'code')).filter(Boolean))];
  const [fieldRows, procedureRows, agencyRows, links] = await Promise.all([
    findFieldsByCodes(context.db, [...new Set(sheet.map((r) => column(r, 'field')).filter(Boolean))]),
    findProceduresByCodes(context.db, codes),
    findAgenciesByCodes(context.db, [
      ...new Set(
        sheet
          .flatMap((r) =>
            column(r, 'agencies')
              .split(';')
              .map((c) => c.trim()),
          )
          .filter(Boolean),
      ),
    ]),
    codes.length
      ? context.db
          .selectFrom('agencyProcedure')
          .innerJoin('procedure', 'procedure.id', 'agencyProcedure.procedureId')
          .select(['procedure.code', 'agencyProcedure.agencyId', 'agencyProcedure.submissionPlace'])
          .where('procedure.code', 'in', codes)
          .execute()
      : [],
  ]);
  const fields = new Map(fieldRows.map((f) => [f.code, f]));
  const procedures = new Map(procedureRows.map((p) => [p.code, p]));
  const agencies = new Map(agencyRows.map((a) => [a.code, a]));
  const linksByCode = new Map<string, { agencyId: string; submissionPlace: string | null }[]>();
  for (const link of links) linksByCode.set(link.code, [...(linksByCode.get(link.code) ?? []), link]);

  const seen = new Set<string>();
  const reports: ImportRowReport[] = [];
  const writes: {
    data: ProcedureData;
    existingId: string | null;
    agencyIds: string[];
    submissionPlace: string | null;
  }[] = [];
  for (const row of sheet) {
    const errors = new FieldErrorList();
    const input = rowToInput(row.cells, errors);
    const code = input.code ?? '';
    if (code && seen.has(code)) {
      errors.add(
        ['code'],
        `Mã ${code} đã có ở một dòng trước.`,
        `Code ${code} already appears on an earlier row.`,
      );
    }
    seen.add(code);
    const agencyIds: string[] = [];
    for (const agencyCode of input.agencies ?? []) {
      const agency = agencies.get(agencyCode);
      if (!agency)
        errors.add(['agencies'], `Không có cơ quan mã ${agencyCode}.`, `No agency has code ${agencyCode}.`);
      else agencyIds.push(agency.id);
    }
    const existing = procedures.get(code) ?? null;
    const currentLinks = linksByCode.get(code) ?? [];
    let data: ProcedureData | null = null;
    if (errors.isEmpty) {
      if (
        !(await canWriteProcedure(
          context,
          currentLinks.map((l) => l.agencyId),
          agencyIds,
        ))
      ) {
        errors.add(
          ['code'],
          'Bạn không có quyền sửa thủ tục này hoặc giao nó cho các cơ quan này.',
          'You may not edit this procedure or assign it to these agencies.',
        );
      } else {
        const current = existing
          ? { row: existing, data: await loadProcedureData(context.db, existing) }
          : null;
        // A single stored case keeps its name: the row only carries processing times.
        const [onlyCase] = current?.data.cases.length === 1 ? current.data.cases : [];
        if (onlyCase && input.cases?.[0]) {
          input.cases = [{ ...input.cases[0], name: onlyCase.nameVi, nameEn: onlyCase.nameEn }];
        }
        data = await checkProcedureInput(context, input, current, errors, (...path) => path, fields);
        const submissionPlace = column(row, 'submission_place') || null;
        if (data) {
          const linksChange = agencyIds.some((id) => {
            const link = currentLinks.find((l) => l.agencyId === id);
            return !link || (submissionPlace !== null && link.submissionPlace !== submissionPlace);
          });
          const outcome: ImportOutcome = !current
            ? 'created'
            : sameProcedureData(current.data, data) && !linksChange
              ? 'unchanged'
              : 'updated';
          reports.push({ row: row.row, code, outcome, errors: [] });
          if (outcome !== 'unchanged') {
            writes.push({ data, existingId: existing?.id ?? null, agencyIds, submissionPlace });
          }
          continue;
        }
      }
    }
    reports.push({
      row: row.row,
      code,
      outcome: 'rejected',
      errors: errors.errors.map((e) => ({
        column: columnOf(e.path),
        message: e.message,
        messageEn: e.messageEn,
      })),
    });
  }

  if (!args.dryRun && writes.length > 0) {
    await context.db.transaction().execute(async (trx) => {
      for (const write of writes) {
        const row = await writeProcedure(trx, write.data, write.existingId);
        if (write.agencyIds.length > 0) {
          await trx
            .insertInto('agencyProcedure')
            .values(
              write.agencyIds.map((agencyId) => ({
                agencyId,
                procedureId: row.id,
                submissionPlace: write.submissionPlace,
              })),
            )
            .onConflict((oc) =>
              oc.columns(['agencyId', 'procedureId']).doUpdateSet((eb) => ({
                submissionPlace:
                  write.submissionPlace === null
                    ? eb.ref('agencyProcedure.submissionPlace')
                    : eb.ref('excluded.submissionPlace'),
              })),
            )
            .execute();
        }
      }
      const count = (outcome: ImportOutcome) => reports.filter((r) => r.outcome === outcome).length;
      await recordAudit(trx, context, {
        action: 'procedure.import',
        entity: 'procedure',
        data: {
          file: args.file.name,
          created: count('created'),
          updated: count('updated'),
          unchanged: count('unchanged'),
          rejected: count('rejected'),
          codes: writes.map((w) => w.data.code),
        },
      });
    });
  }
  return { dryRun: args.dryRun, rows: reports };
}
