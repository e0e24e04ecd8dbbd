import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type Database,
  type DB,
  groupedRollupChanges,
  poolOf,
  type ResponseChannel,
  writeRollups,
} from '@chiso/db';
import { type Instrument, instrumentLayout } from '@chiso/scoring';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createLoaders } from '../../context.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { AccessControl, anonymousViewer, type Viewer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { campaignCoversAgency, provinceOfUnit } from './campaigns.service.js';
import { toInstrumentRecord } from './instruments.service.js';
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

/** The characters of a row key (translate() is much cheaper than a pattern match per row). */
const KEY_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-';

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

/**
 * Imports responses of a survey run elsewhere from CSV, in one transaction and a fixed number of statements
 * whatever the file's size: COPY into a temporary staging table, validate every row in SQL (errors reported by
 * CSV line and column, in Vietnamese and English), insert the valid ones with source 'import' in one statement
 * (idempotent per batch key and row key), then add the rows inserted now to their rollup cells and margins in
 * one more.
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
      const raw = trx.withoutPlugins();

      // The agencies the file names, and whether the campaign covers them (a file names a few agencies; the
      // scope check runs once per agency, never per row).
      const { rows: named } = await sql<{ id: string; code: string; unit_id: string }>`
        select a.id::text as id, a.code, a.unit_id::text as unit_id from agency a
        where a.code in (select distinct agency_code from survey_import_staging where agency_code <> '')
      `.execute(raw);
      const allowed: { code: string; agency_id: string; unit_id: string; province_unit_id: string }[] = [];
      for (const agency of named) {
        if (!(await campaignCoversAgency(scopeContext, campaign, agency.id))) continue;
        allowed.push({
          code: agency.code,
          agency_id: agency.id,
          unit_id: agency.unit_id,
          province_unit_id: await provinceOfUnit(db, agency.unit_id),
        });
      }
      const ownerProvince = await provinceOfUnit(db, campaign.ownerUnitId);
      const { min, max } = instrument.scale;
      const codes = instrumentLayout(instrument).itemCodes;
      // A row whose answers are all plain levels of the scale (or empty) passes one array check; only the
      // others are taken apart item by item.
      const plainLevels = ['', ...Array.from({ length: max - min + 1 }, (_, i) => String(min + i))];
      const trimmed = (column: string) => sql`nullif(btrim(s.${sql.ref(column)}), '')`;

      // Every check of every row at once, set-based; a row with any problem is left out.
      await sql`
        create temporary table survey_import_problem on commit drop as
        with agencies as (
          select * from jsonb_to_recordset(${JSON.stringify(allowed)}::jsonb) as x(code text, agency_id bigint)
        ),
        keyed as (
          select s.line,
            length(btrim(s.row_key)) between 1 and 128 and translate(btrim(s.row_key), ${KEY_CHARACTERS}, '') = ''
              as key_ok,
            row_number() over (partition by coalesce(btrim(s.row_key), '') order by s.line) as nth
          from survey_import_staging s
        )
        select line, 1 as seq, 0 as item, 'row_key' as path,
          'Cần mã dòng (chữ, số, . _ : -).' as message, 'A row key is required (letters, digits, . _ : -).' as message_en
        from keyed where not key_ok
        union all
        select line, 1, 0, 'row_key', 'Mã dòng bị lặp trong tệp.', 'This row key appears twice in the file.'
        from keyed where key_ok and nth > 1
        union all
        select line, 2, 0, 'agency_code',
          format('Không có cơ quan mã %s trong phạm vi khảo sát.', agency_code),
          format('There is no agency %s in the campaign''s scope.', agency_code)
        from survey_import_staging s
        where agency_code <> '' and not exists (select 1 from agencies a where a.code = s.agency_code)
        union all
        select line, 3, 0, 'month', 'Tháng dạng YYYY-MM, ví dụ 2025-09.', 'A month is written YYYY-MM, e.g. 2025-09.'
        from survey_import_staging s where coalesce(btrim(month), '') !~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
        union all
        select line, 4, 0, 'channel', ${`Kênh phải là một trong: ${CHANNELS.join(', ')}.`},
          ${`Channel must be one of: ${CHANNELS.join(', ')}.`}
        from survey_import_staging s where coalesce(btrim(channel), '') <> all (${CHANNELS}::text[])
        union all
        select line, 5, 0, 'weight', 'Trọng số phải là số dương.', 'A weight must be a positive number.'
        from survey_import_staging s
        where ${trimmed('weight')} is not null
          and (${trimmed('weight')} !~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$'
            or case when ${trimmed('weight')} ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$'
              then ${trimmed('weight')}::numeric <= 0 or ${trimmed('weight')}::numeric > 1e300 end)
        union all
        select line, 6, 0, 'gender', 'Giới tính: female, male hoặc other.', 'Gender: female, male or other.'
        from survey_import_staging s
        where ${trimmed('gender')} is not null and ${trimmed('gender')} <> all (${GENDERS}::text[])
        union all
        select s.line, 7, v.i, (${codes}::text[])[v.i + 1],
          format('Câu trả lời cho tiêu chí %s phải là số nguyên từ %s đến %s hoặc để trống.',
            (${codes}::text[])[v.i + 1], ${min}::int, ${max}::int),
          format('The answer to item %s must be a whole number from %s to %s, or empty.',
            (${codes}::text[])[v.i + 1], ${min}::int, ${max}::int)
        from (
          select * from survey_import_staging s
          where not (array[${sql.join(answerColumns.map((c) => sql`coalesce(btrim(s.${sql.ref(c)}), '')`))}] <@ ${plainLevels}::text[])
          offset 0
        ) s
        cross join lateral (values ${sql.join(answerColumns.map((c, i) => sql`(${sql.lit(i)}, nullif(btrim(s.${sql.ref(c)}), ''))`))}) as v(i, answer)
        where v.answer is not null
          and (v.answer !~ '^-?[0-9]{1,9}$' or v.answer::int not between ${min}::int and ${max}::int)
      `.execute(raw);
      const { rows: problems } = await sql<{
        line: string;
        path: string;
        message: string;
        message_en: string;
      }>`
        select line::text as line, path, message, message_en from survey_import_problem order by line, seq, item
      `.execute(raw);
      const rowErrors: ImportRowError[] = problems.map((p) => ({
        line: Number(p.line) + 1,
        path: [p.path],
        message: p.message,
        messageEn: p.message_en,
      }));
      const {
        rows: [counted],
      } = await sql<{ rows: number; valid: number }>`
        select count(*)::int as rows,
          count(*) filter (where not exists (select 1 from survey_import_problem p where p.line = s.line))::int as valid
        from survey_import_staging s
      `.execute(raw);
      const stagedRows = counted?.rows ?? 0;
      const validRows = counted?.valid ?? 0;

      // The valid rows in one statement, idempotent per batch and row key; only the rows inserted now come back,
      // to be added to their cells and margins (a repeated row changes nothing).
      const { rows: fresh } = await sql<{
        province_unit_id: string;
        unit_id: string;
        agency_id: string | null;
        period_month: string;
        channel: string;
        answers: (number | null)[];
        weight: number;
        gender: string | null;
        age_band: string | null;
        education: string | null;
      }>`
        with agencies as (
          select * from jsonb_to_recordset(${JSON.stringify(allowed)}::jsonb)
            as x(code text, agency_id bigint, unit_id bigint, province_unit_id bigint)
        ),
        rows as (
          select coalesce(a.province_unit_id, ${ownerProvince}::bigint) as province_unit_id,
            coalesce(a.unit_id, ${campaign.ownerUnitId}::bigint) as unit_id, a.agency_id,
            (btrim(s.month) || '-01')::date as period_month, btrim(s.channel) as channel,
            array[${sql.join(answerColumns.map((c) => sql`${trimmed(c)}::smallint`))}] as answers,
            coalesce(${trimmed('weight')}::float8, 1) as weight, ${trimmed('gender')} as gender,
            ${trimmed('age_band')} as age_band, ${trimmed('education')} as education,
            btrim(s.row_key) as row_key, s.line
          from survey_import_staging s left join agencies a on a.code = s.agency_code
          where not exists (select 1 from survey_import_problem p where p.line = s.line)
        )
        insert into survey_response (province_unit_id, campaign_id, instrument_id, unit_id, agency_id,
          period_month, channel, source, answers, weight, gender, age_band, education, idempotency_key,
          payload_hash)
        select province_unit_id, ${campaign.id}::bigint, ${campaign.instrumentId}::bigint, unit_id, agency_id,
          period_month, channel, 'import', answers, weight, gender, age_band, education,
          ${`import:${campaign.id}:${input.batchKey}:`} || row_key,
          sha256(convert_to(row(province_unit_id, unit_id, agency_id, period_month, channel, answers, weight,
            gender, age_band, education)::text, 'UTF8'))
        from rows order by line
        on conflict (province_unit_id, idempotency_key) do nothing
        returning province_unit_id::text, unit_id::text, agency_id::text, period_month, channel, answers,
          weight, gender, age_band, education
      `.execute(raw);
      const inserted = fresh.length;
      await writeRollups(
        trx,
        instrument,
        groupedRollupChanges(
          instrument,
          fresh.map((row) => ({
            key: {
              provinceUnitId: row.province_unit_id,
              campaignId: campaign.id,
              unitId: row.unit_id,
              agencyId: row.agency_id,
              periodMonth: row.period_month,
              channel: row.channel,
            },
            answers: row.answers,
            weight: row.weight,
            gender: row.gender,
            ageBand: row.age_band,
            education: row.education,
          })),
        ),
      );
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
            rows: stagedRows,
            inserted,
            rejected: stagedRows - validRows,
          },
        },
      );
      return {
        rows: stagedRows,
        inserted,
        alreadyImported: validRows - inserted,
        rowErrors,
      };
    });
  } finally {
    await kysely.destroy();
    client.release();
  }
}
