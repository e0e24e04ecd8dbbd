import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  addResponsesToRollups,
  type Database,
  type DB,
  type MarginResponse,
  poolOf,
  type ResponseChannel,
  type RollupCellKey,
} from '@chiso/db';
import { type Instrument, instrumentLayout, validateAnswers } from '@chiso/scoring';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createLoaders } from '../../context.js';
import { type FieldError, NotFoundError, ValidationError } from '../../errors.js';
import { AccessControl, anonymousViewer, type Viewer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { campaignCoversAgency, monthOf, provinceOfUnit } from './campaigns.service.js';
import { toFieldErrors, toInstrumentRecord } from './instruments.service.js';
import { payloadHash } from './pseudonyms.js';
import { findCampaignsByIds, findInstrumentsByIds } from './surveys.repo.js';

/** Columns before the answers; then one column per item, named by its code, in answer order. */
export const IMPORT_COLUMNS = [
  'row_key',
  'agency_code',
  'month',
  'channel',
  'weight',
  'gender',
  'age_band',
  'education',
] as const;

const CHANNELS: ResponseChannel[] = ['in_person', 'online', 'postal', 'kiosk', 'phone', 'paper'];
const GENDERS = ['female', 'male', 'other'];

export interface ImportRowError {
  /** Line of the CSV file (the header is line 1). */
  line: number;
  path: string[];
  message: string;
  messageEn: string;
}

export interface ImportResult {
  rows: number;
  inserted: number;
  alreadyImported: number;
  rowErrors: ImportRowError[];
}

/** The header an import file of this instrument must have. */
export function importHeader(instrument: Instrument): string[] {
  return [...IMPORT_COLUMNS, ...instrumentLayout(instrument).itemCodes];
}

function parseHeader(csv: string): string[] {
  const end = csv.search(/\r?\n/);
  const line = end === -1 ? csv : csv.slice(0, end);
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/** Kysely over one checked-out `pg` client, so COPY and the queries share a connection and a transaction. */
function kyselyOnClient(client: pg.PoolClient): Kysely<Database> {
  const pool = {
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  };
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as never }),
    plugins: [new CamelCasePlugin()],
  });
}

type StagedRow = Record<string, string | null> & { line: string };

/**
 * Imports responses of a survey run elsewhere from CSV, in one transaction: COPY into a temporary staging
 * table, validate every row (errors reported by CSV line and column), insert the valid ones with source
 * 'import' (idempotent per batch key and row key), then add the rows inserted now to their rollup cells and margins.
 */
export async function importSurveyResponsesCsv(
  db: DB,
  input: { campaignId: string; batchKey: string; csv: string; viewer?: Viewer },
): Promise<ImportResult> {
  const pool = poolOf(db);
  if (!pool) throw new Error('importSurveyResponsesCsv needs a database made by createDatabase');
  const [campaign] = await findCampaignsByIds(db, [input.campaignId]);
  if (!campaign) throw new NotFoundError('Không có cuộc khảo sát này.', 'There is no such campaign.');
  const [instrumentRow] = await findInstrumentsByIds(db, [campaign.instrumentId]);
  const instrument = toInstrumentRecord(instrumentRow!).definition;
  const expected = importHeader(instrument);
  const header = parseHeader(input.csv);
  if (header.join(',') !== expected.join(',')) {
    throw new ValidationError([
      {
        path: ['csv'],
        message: `Dòng tiêu đề phải là: ${expected.join(',')}`,
        messageEn: `The header line must be: ${expected.join(',')}`,
      },
    ]);
  }
  if (!/^[A-Za-z0-9._:-]{3,128}$/.test(input.batchKey)) {
    throw new ValidationError([
      {
        path: ['batchKey'],
        message: 'Mã lô gồm 3–128 ký tự chữ, số, dấu chấm, gạch, hai chấm.',
        messageEn: 'A batch key has 3–128 letters, digits, dots, dashes, underscores or colons.',
      },
    ]);
  }
  const itemCount = instrumentLayout(instrument).itemCodes.length;
  const answerColumns = Array.from({ length: itemCount }, (_, i) => `a${i}`);
  const viewer = input.viewer ?? anonymousViewer;
  const access = new AccessControl(db, viewer);
  const scopeContext = { access, loaders: createLoaders(db, access) };

  const client = await pool.connect();
  const kysely = kyselyOnClient(client);
  try {
    return await kysely.transaction().execute(async (trx) => {
      const columns = [...IMPORT_COLUMNS, ...answerColumns];
      await sql`
        create temporary table survey_import_staging (
          line bigint generated always as identity,
          ${sql.join(columns.map((c) => sql`${sql.ref(c)} text`))}
        ) on commit drop
      `.execute(trx);
      await pipeline(
        Readable.from([input.csv]),
        client.query(
          copyFrom(
            `copy survey_import_staging (${columns.join(', ')}) from stdin with (format csv, header true)`,
          ),
        ),
      );
      const { rows: staged } = await sql<StagedRow>`
        select line::text as line, ${sql.join(columns.map((c) => sql.ref(c)))}
        from survey_import_staging order by line
      `.execute(trx.withoutPlugins());

      const agencyCodes = [...new Set(staged.map((r) => r.agency_code).filter((c): c is string => !!c))];
      const agencies = new Map(
        (agencyCodes.length > 0
          ? await trx
              .selectFrom('agency')
              .select(['id', 'code', 'unitId'])
              .where('code', 'in', agencyCodes)
              .execute()
          : []
        ).map((a) => [a.code, a]),
      );
      const covered = new Map<string, boolean>();
      for (const agency of agencies.values()) {
        covered.set(agency.id, await campaignCoversAgency(scopeContext, campaign, agency.id));
      }
      const provinces = new Map<string, string>();
      const provinceOf = async (unitId: string) => {
        let province = provinces.get(unitId);
        if (!province) {
          province = await provinceOfUnit(trx, unitId);
          provinces.set(unitId, province);
        }
        return province;
      };

      const rowErrors: ImportRowError[] = [];
      const seenKeys = new Set<string>();
      const valid: {
        line: number;
        key: RollupCellKey;
        response: MarginResponse;
        values: Record<string, unknown>;
      }[] = [];
      for (const row of staged) {
        const line = Number(row.line) + 1;
        const errors: FieldError[] = [];
        const fail = (column: string, message: string, messageEn: string) =>
          errors.push({ path: [column], message, messageEn });
        const rowKey = row.row_key?.trim() ?? '';
        if (!/^[A-Za-z0-9._:-]{1,128}$/.test(rowKey)) {
          fail(
            'row_key',
            'Cần mã dòng (chữ, số, . _ : -).',
            'A row key is required (letters, digits, . _ : -).',
          );
        } else if (seenKeys.has(rowKey)) {
          fail('row_key', 'Mã dòng bị lặp trong tệp.', 'This row key appears twice in the file.');
        }
        seenKeys.add(rowKey);
        const agency = row.agency_code ? agencies.get(row.agency_code) : undefined;
        if (row.agency_code && (!agency || !covered.get(agency.id))) {
          fail(
            'agency_code',
            `Không có cơ quan mã ${row.agency_code} trong phạm vi khảo sát.`,
            `There is no agency ${row.agency_code} in the campaign's scope.`,
          );
        }
        const month = row.month?.trim() ?? '';
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
          fail('month', 'Tháng dạng YYYY-MM, ví dụ 2025-09.', 'A month is written YYYY-MM, e.g. 2025-09.');
        }
        const channel = (row.channel?.trim() ?? '') as ResponseChannel;
        if (!CHANNELS.includes(channel)) {
          fail(
            'channel',
            `Kênh phải là một trong: ${CHANNELS.join(', ')}.`,
            `Channel must be one of: ${CHANNELS.join(', ')}.`,
          );
        }
        const weight = row.weight?.trim() ? Number(row.weight) : 1;
        if (!Number.isFinite(weight) || weight <= 0) {
          fail('weight', 'Trọng số phải là số dương.', 'A weight must be a positive number.');
        }
        const gender = row.gender?.trim() || null;
        if (gender !== null && !GENDERS.includes(gender)) {
          fail('gender', 'Giới tính: female, male hoặc other.', 'Gender: female, male or other.');
        }
        const answers = answerColumns.map((column) => {
          const raw = row[column]?.trim() ?? '';
          if (raw === '') return null;
          return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
        });
        const answerErrors = toFieldErrors([], validateAnswers(instrument, answers, 'answers'));
        const codes = instrumentLayout(instrument).itemCodes;
        for (const error of answerErrors) {
          const index = error.path[1];
          errors.push({ ...error, path: index === undefined ? ['answers'] : [codes[Number(index)]!] });
        }
        if (errors.length > 0) {
          rowErrors.push(...errors.map((error) => ({ line, ...error })));
          continue;
        }
        const unitId = agency?.unitId ?? campaign.ownerUnitId;
        const key: RollupCellKey = {
          provinceUnitId: await provinceOf(unitId),
          campaignId: campaign.id,
          unitId,
          agencyId: agency?.id ?? null,
          periodMonth: monthOf(`${month}-01`),
          channel,
        };
        const attributes = {
          gender: gender as 'female' | null,
          ageBand: row.age_band?.trim() || null,
          education: row.education?.trim() || null,
        };
        valid.push({
          line,
          key,
          response: { answers, weight, ...attributes },
          values: {
            ...key,
            channel,
            instrumentId: campaign.instrumentId,
            source: 'import',
            answers,
            weight,
            ...attributes,
            idempotencyKey: `import:${campaign.id}:${input.batchKey}:${rowKey}`,
            payloadHash: payloadHash({ ...key, answers, weight, ...attributes }),
          },
        });
      }

      let inserted = 0;
      const touched = new Map<string, { key: RollupCellKey; rows: MarginResponse[] }>();
      for (let i = 0; i < valid.length; i += 500) {
        const chunk = valid.slice(i, i + 500);
        const done = await trx
          .insertInto('surveyResponse')
          .values(chunk.map((row) => row.values as never))
          .onConflict((oc) => oc.columns(['provinceUnitId', 'idempotencyKey']).doNothing())
          .returning('idempotencyKey')
          .execute();
        const fresh = new Set(done.map((row) => row.idempotencyKey));
        inserted += fresh.size;
        for (const row of chunk) {
          if (!fresh.has(row.values.idempotencyKey as string)) continue;
          const id = JSON.stringify(row.key);
          const cell = touched.get(id) ?? { key: row.key, rows: [] };
          cell.rows.push(row.response);
          touched.set(id, cell);
        }
      }

      // Only the rows inserted now are added to their cells and margins (a repeated row changes nothing).
      for (const { key, rows } of touched.values()) {
        await addResponsesToRollups(trx, instrument, key, rows);
      }
      await recordAudit(
        trx,
        { viewer },
        {
          action: 'survey.import',
          entity: 'campaign',
          entityId: campaign.id,
          unitId: campaign.ownerUnitId,
          data: {
            batchKey: input.batchKey,
            rows: staged.length,
            inserted,
            rejected: staged.length - valid.length,
          },
        },
      );
      return {
        rows: staged.length,
        inserted,
        alreadyImported: valid.length - inserted,
        rowErrors,
      };
    });
  } finally {
    await kysely.destroy();
    client.release();
  }
}
