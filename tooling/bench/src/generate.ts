import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  createDatabase,
  DEMO_PASSWORD_HASH,
  groupedRollupChanges,
  hashSecret,
  loadReferenceData,
  type MarginResponse,
  migrateToLatest,
  normalizeSearchText,
  type PostgresServer,
  type RollupCellKey,
} from '@chiso/db';
import {
  countsToRows,
  instrumentLayout,
  mulberry32,
  OVERALL_CODE,
  type ResponseCounts,
  SIPAS_2017,
} from '@chiso/scoring';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The database a preset's dataset lives in (dropped and rebuilt by the generator): `chiso_bench` for `quick`,
 * `chiso_bench_full` for `full`, so both can be kept in one cluster; `CHISO_BENCH_DATABASE` names another.
 */
export function benchDatabase(preset: Pick<Preset, 'name'>): string {
  return process.env.CHISO_BENCH_DATABASE ?? (preset.name === 'full' ? 'chiso_bench_full' : 'chiso_bench');
}

export interface Preset {
  name: 'quick' | 'full' | 'tiny';
  responses: number;
  dossiers: number;
  feedback: number;
  agenciesPerProvince: number;
  proceduresPerProvince: number;
  seed: number;
}

export const PRESETS: Record<'quick' | 'full', Preset> = {
  quick: {
    name: 'quick',
    responses: 1_000_000,
    dossiers: 200_000,
    feedback: 20_000,
    agenciesPerProvince: 4,
    proceduresPerProvince: 30,
    seed: 2026,
  },
  full: {
    name: 'full',
    responses: 10_000_000,
    dossiers: 2_000_000,
    feedback: 200_000,
    agenciesPerProvince: 6,
    proceduresPerProvince: 60,
    seed: 2026,
  },
};

/**
 * Raised whenever what the generator writes for a preset changes, so a stored dataset of an older generator is
 * rebuilt. Schema changes alone do not: a stored dataset is migrated forward (see `migrateStoredDataset`).
 */
export const GENERATOR_VERSION = 3;

/** What the database holds once generated: read back by the scenarios. */
export interface DatasetSummary {
  preset: Preset;
  provinces: number;
  agencies: number;
  procedures: number;
  campaigns: number;
  responses: number;
  dossiers: number;
  dossierEvents: number;
  feedback: number;
  feedbackEvents: number;
  rollupCells: number;
  rollupCountRows: number;
  rollupMargins: number;
  rollupMarginCountRows: number;
  /** Order-independent checksum of the generated rows (see `rowChecksum`), when asked for. */
  checksum?: string;
  timingsMs: Record<string, number>;
}

const CHANNELS = [
  ['in_person', 55],
  ['online', 35],
  ['postal', 10],
] as const;

/** Procedure names of a provincial catalog (Vietnamese with diacritics, English), by field. */
const CATALOG: { field: string; fieldVi: string; fieldEn: string; names: [string, string][] }[] = [
  {
    field: 'HT',
    fieldVi: 'Hộ tịch',
    fieldEn: 'Civil status',
    names: [
      ['Đăng ký khai sinh', 'Birth registration'],
      ['Đăng ký kết hôn', 'Marriage registration'],
      ['Đăng ký khai tử', 'Death registration'],
      ['Cấp bản sao trích lục hộ tịch', 'Copy of a civil status extract'],
      ['Đăng ký nhận cha, mẹ, con', 'Recognition of parentage'],
    ],
  },
  {
    field: 'TP',
    fieldVi: 'Lý lịch tư pháp',
    fieldEn: 'Judicial records',
    names: [
      ['Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 'Judicial record card for a Vietnamese citizen'],
      ['Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng', 'Judicial record card for a court'],
    ],
  },
  {
    field: 'XD',
    fieldVi: 'Xây dựng',
    fieldEn: 'Construction',
    names: [
      ['Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Building permit for a detached house'],
      ['Cấp giấy phép sửa chữa, cải tạo công trình', 'Permit to repair or renovate a building'],
      ['Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở', 'Appraisal of a construction design'],
    ],
  },
  {
    field: 'DD',
    fieldVi: 'Đất đai',
    fieldEn: 'Land',
    names: [
      ['Đăng ký biến động quyền sử dụng đất', 'Registration of a change in land use rights'],
      ['Cấp Giấy chứng nhận quyền sử dụng đất lần đầu', 'First land use right certificate'],
      ['Chuyển mục đích sử dụng đất', 'Change of land use purpose'],
      ['Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'Replacement of a land use right certificate'],
    ],
  },
  {
    field: 'KD',
    fieldVi: 'Thành lập và hoạt động doanh nghiệp',
    fieldEn: 'Enterprises',
    names: [
      ['Đăng ký thành lập doanh nghiệp tư nhân', 'Registration of a private enterprise'],
      ['Đăng ký thành lập công ty trách nhiệm hữu hạn', 'Registration of a limited liability company'],
      ['Đăng ký hộ kinh doanh', 'Registration of a household business'],
      ['Thông báo thay đổi nội dung đăng ký doanh nghiệp', 'Change of enterprise registration details'],
    ],
  },
  {
    field: 'GT',
    fieldVi: 'Đường bộ',
    fieldEn: 'Road transport',
    names: [
      ['Cấp đổi giấy phép lái xe', 'Replacement of a driving licence'],
      ['Cấp lại giấy phép lái xe', 'Reissue of a driving licence'],
      ['Đăng ký xe máy chuyên dùng', 'Registration of special-purpose machinery'],
    ],
  },
  {
    field: 'LD',
    fieldVi: 'Lao động, việc làm',
    fieldEn: 'Labour',
    names: [
      ['Giải quyết hưởng trợ cấp thất nghiệp', 'Unemployment benefit'],
      ['Cấp giấy phép lao động cho người nước ngoài', 'Work permit for a foreign worker'],
      ['Đăng ký nội quy lao động', 'Registration of work rules'],
    ],
  },
  {
    field: 'GD',
    fieldVi: 'Giáo dục và đào tạo',
    fieldEn: 'Education',
    names: [
      ['Công nhận trường tiểu học đạt chuẩn quốc gia', 'National standard recognition of a primary school'],
      ['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Copy of a diploma from the register'],
      ['Chuyển trường đối với học sinh trung học', 'School transfer of a secondary pupil'],
    ],
  },
];

const AGENCY_KINDS = [
  ['TTPVHCC', 'service_center', 'Trung tâm Phục vụ hành chính công', 'Public Administration Service Center'],
  ['STP', 'department', 'Sở Tư pháp', 'Department of Justice'],
  ['SXD', 'department', 'Sở Xây dựng', 'Department of Construction'],
  ['SNNMT', 'department', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'],
  ['STC', 'department', 'Sở Tài chính', 'Department of Finance'],
  ['SGDDT', 'department', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'],
] as const;

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function timed<T>(timings: Record<string, number>, label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[label] = Math.round(performance.now() - start);
  log(`  ${label}: ${(timings[label] / 1000).toFixed(1)} s`);
  return result;
}

/** COPY text-format escaping of one value (null → \N). */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function line(values: (string | number | null)[]): string {
  return `${values.map(field).join('\t')}\n`;
}

/** Rows are gathered in buffers of this many bytes before they go to PostgreSQL. */
const BUFFER_BYTES = 1 << 20;

/**
 * Rows in COPY text format, encoded straight into large buffers as they are made: the row strings die young
 * and the garbage collector never copies a long string built of many small ones.
 */
class RowBuffer {
  readonly filled: Buffer[] = [];
  rows = 0;
  #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #length = 0;

  add(row: string): void {
    this.rows += 1;
    if (this.#length + row.length * 3 > BUFFER_BYTES) {
      this.filled.push(this.#buffer.subarray(0, this.#length));
      this.#buffer = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, row.length * 3));
      this.#length = 0;
    }
    this.#length += this.#buffer.write(row, this.#length);
  }

  /** Every buffer, the partly filled one last; the rows are handed over and the buffer starts empty. */
  take(): Buffer[] {
    const all =
      this.#length > 0 ? [...this.filled, this.#buffer.subarray(0, this.#length)] : [...this.filled];
    this.filled.length = 0;
    if (this.#length > 0) {
      this.#buffer = Buffer.allocUnsafe(BUFFER_BYTES);
      this.#length = 0;
    }
    return all;
  }
}

/**
 * One `COPY … FROM STDIN` stream fed with large writes: `add` rows, and `await flush()` whenever `full`, which
 * waits for the socket to drain, so generation keeps pace with the server.
 */
class CopyStream extends RowBuffer {
  readonly #stream: Writable;
  readonly #done: Promise<void>;

  constructor(client: pg.Client, table: string, columns: readonly string[]) {
    super();
    this.#stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)) as Writable;
    this.#done = finished(this.#stream);
    this.#done.catch(() => {}); // awaited (and thrown) by `end`
  }

  get full(): boolean {
    return this.filled.length > 0;
  }

  async flush(): Promise<void> {
    for (const chunk of this.take()) {
      if (!this.#stream.write(chunk)) await Promise.race([once(this.#stream, 'drain'), this.#done]);
    }
    // Lets the other loads' sockets (and their drains) in, even when this one never waits for its own.
    await new Promise((resolve) => setImmediate(resolve));
  }

  async end(): Promise<void> {
    await this.flush();
    this.#stream.end();
    await this.#done;
  }
}

/** COPYs `chunks` (rows already in COPY text format) into `table`. */
async function copyLines(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string | Buffer>,
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)) as Writable;
  const done = finished(stream);
  done.catch(() => {});
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
  }
  stream.end();
  await done;
}

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** A PRNG of its own for each part of the dataset, so parts generated concurrently stay deterministic. */
function streamOf(preset: Preset, part: number): () => number {
  return mulberry32((preset.seed * 31 + part * 0x9e3779b1) >>> 0);
}

/**
 * A description of what a preset generates, stored as the database's comment: a run reuses a stored dataset
 * whose tag matches (migrating its schema forward) and regenerates it otherwise.
 */
export function datasetTag(preset: Preset): string {
  return `chiso-bench v${GENERATOR_VERSION} ${preset.name} ${preset.responses} ${preset.dossiers} ${preset.feedback} ${preset.agenciesPerProvince} ${preset.proceduresPerProvince} ${preset.seed}`;
}

export async function readDatasetTag(server: PostgresServer, database: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tag: string | null }>(
      `select shobj_description(oid, 'pg_database') as tag from pg_database where datname = $1`,
      [database],
    );
    return rows[0]?.tag ?? null;
  } finally {
    await client.end();
  }
}

/**
 * Brings a stored dataset's schema up to date: runs the migrations added since it was generated (then
 * `ANALYZE`, when any ran); returns their names.
 */
export async function migrateStoredDataset(server: PostgresServer, database: string): Promise<string[]> {
  const db = createDatabase({ url: server.urlFor(database), applicationName: 'chiso-bench-migrate' });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) {
      const client = new pg.Client({ connectionString: server.urlFor(database) });
      await client.connect();
      await client.query('analyze').finally(() => client.end());
    }
    return applied;
  } finally {
    await db.destroy();
  }
}

interface Province {
  id: string;
  code: string;
  year: number;
}

/** The tables the generator fills in bulk: their secondary indexes and constraints are built after the load. */
const BULK_TABLES = [
  'survey_response',
  'survey_rollup_cell',
  'survey_rollup_count',
  'survey_rollup_moment',
  'survey_rollup_margin',
  'survey_rollup_margin_count',
  'survey_rollup_margin_moment',
  'dossier',
  'dossier_event',
  'feedback',
  'feedback_event',
] as const;

interface DeferredSchema {
  /** `alter table … add constraint …` of the foreign keys, unique constraints; `create index …` of the rest. */
  foreignKeys: string[];
  uniques: string[];
  indexes: string[];
}

/**
 * Drops the bulk tables' foreign keys, unique constraints and secondary indexes (primary keys stay), as read
 * from the catalog, so whatever the migrations define is rebuilt exactly by `restoreSchema` after the load.
 */
async function deferSchema(client: pg.Client): Promise<DeferredSchema> {
  const tables = [...BULK_TABLES];
  const { rows: constraints } = await client.query<{
    table: string;
    name: string;
    type: string;
    definition: string;
  }>(
    `select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
       pg_get_constraintdef(c.oid) as definition
     from pg_constraint c
     where c.conrelid = any($1::regclass[]) and c.contype in ('f', 'u')
       -- a unique constraint another table's foreign key relies on stays
       and not (c.contype = 'u' and exists (
         select 1 from pg_constraint r where r.contype = 'f' and r.conindid = c.conindid
           and not r.conrelid = any($1::regclass[])))
     order by c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = any($1::regclass[]) and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('u', 'p', 'x'))
     order by i.indrelid::regclass::text, i.indexrelid::regclass::text`,
    [tables],
  );
  const deferred: DeferredSchema = { foreignKeys: [], uniques: [], indexes: [] };
  const quote = (name: string) => client.escapeIdentifier(name);
  for (const c of constraints.filter((x) => x.type === 'f')) {
    await client.query(`alter table ${c.table} drop constraint ${quote(c.name)}`);
    deferred.foreignKeys.push(`alter table ${c.table} add constraint ${quote(c.name)} ${c.definition}`);
  }
  for (const c of constraints.filter((x) => x.type === 'u')) {
    await client.query(`alter table ${c.table} drop constraint ${quote(c.name)}`);
    deferred.uniques.push(`alter table ${c.table} add constraint ${quote(c.name)} ${c.definition}`);
  }
  for (const i of indexes) {
    await client.query(`drop index ${i.name}`);
    deferred.indexes.push(i.definition);
  }
  return deferred;
}

/**
 * Rebuilds what `deferSchema` dropped, as the migrations defined it: indexes and unique constraints (several
 * at once, on their own connections), then the foreign keys (each validated against the loaded rows).
 */
async function restoreSchema(clients: pg.Client[], deferred: DeferredSchema): Promise<void> {
  const run = async (statements: string[]) => {
    const queue = [...statements];
    await Promise.all(
      clients.map(async (client) => {
        for (let next = queue.shift(); next; next = queue.shift()) await client.query(next);
      }),
    );
  };
  await run([...deferred.uniques, ...deferred.indexes]);
  await run(deferred.foreignKeys);
}

/**
 * An order-independent checksum of a generated dataset: per table, the row count and the sum of each row's
 * hashed JSON form, without the times a row was written (`created_at`, `updated_at`) and the salted PIN hash.
 * Two runs of the same preset produce the same checksum.
 */
export async function rowChecksum(client: pg.Client, tables: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ n: string; sum: string }>(
      `select count(*)::text as n,
         coalesce(sum(('x' || left(md5((to_jsonb(t) - 'created_at' - 'updated_at' - 'pin_hash')::text), 15))::bit(60)::bigint), 0)::text as sum
       from ${table} t`,
    );
    parts.push(`${table}:${rows[0]!.n}:${rows[0]!.sum}`);
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Drops and rebuilds a preset's database (`benchDatabase`, or `options.database`): schema and reference data
 * (63 + 34 provinces), then per province its agencies, a catalog and a SIPAS campaign; its share of the survey
 * responses with their rollup cells and margins computed as the API computes them (`groupedRollupChanges`);
 * dossiers with their events; feedback with its events. Rows go in by COPY on several connections at once,
 * with the bulk tables' secondary indexes, unique constraints and foreign keys built (and checked) after the
 * load; then `VACUUM (ANALYZE)`. The database stays an ordinary logged one. Deterministic for a preset.
 */
export async function generateDataset(
  server: PostgresServer,
  preset: Preset,
  options: { database?: string; checksum?: boolean } = {},
): Promise<DatasetSummary> {
  const database = options.database ?? benchDatabase(preset);
  const timings: Record<string, number> = {};
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await timed(timings, 'create database', async () => {
    await admin.query(`drop database if exists ${admin.escapeIdentifier(database)} with (force)`);
    await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  });
  const url = server.urlFor(database);
  const db = createDatabase({ url, applicationName: 'chiso-bench-generate' });
  const clients = await Promise.all(
    [0, 1, 2, 3, 4].map(async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'chiso-bench-generate' });
      await c.connect();
      // Bulk load: no wait for the WAL flush at each commit, more memory to sort index entries.
      await c.query(`set synchronous_commit = off; set maintenance_work_mem = '512MB'`);
      return c;
    }),
  );
  const client = clients[0]!;
  try {
    await timed(timings, 'migrate + reference data', async () => {
      await migrateToLatest(db);
      await loadReferenceData(db);
    });

    // Old provinces answer for 2024, the merged ones (from 1 July 2025) for 2026.
    const { rows: provinceRows } = await client.query<{ id: string; code: string; valid_from: string }>(
      `select id::text, code, valid_from::text from administrative_unit where level_code = 'PROVINCE' order by valid_from, code`,
    );
    const provinces: Province[] = provinceRows.map((p) => ({
      id: p.id,
      code: p.code,
      year: p.valid_from >= '2025-01-01' ? 2026 : 2024,
    }));
    const { rows: instrumentRows } = await client.query<{ id: string }>(
      `select id::text from instrument where code = $1 and version = $2`,
      [SIPAS_2017.code, SIPAS_2017.version],
    );
    const instrumentId = instrumentRows[0]!.id;

    const catalog = await timed(timings, 'agencies + catalog + campaigns', () =>
      seedCatalog(client, provinces, preset, instrumentId, streamOf(preset, 0)),
    );
    const deferred = await deferSchema(client);

    // Three loads at once, each with its own connections and PRNG: PostgreSQL parses and stores rows on one
    // core while this process makes the next ones.
    const started = performance.now();
    const [counts, dossiers, feedback] = await Promise.all([
      copyResponses([clients[0]!, clients[3]!], provinces, catalog, preset, instrumentId),
      copyDossiers([clients[1]!, clients[2]!], provinces, catalog, preset),
      copyFeedback(clients[4]!, provinces, catalog, preset),
    ]);
    timings['rows (COPY)'] = Math.round(performance.now() - started);
    log(`  rows (COPY): ${(timings['rows (COPY)'] / 1000).toFixed(1)} s`);
    await timed(timings, 'indexes + constraints', () => restoreSchema(clients, deferred));
    await timed(timings, 'bench accounts', () => seedBenchAccounts(client));
    // VACUUM as well: the visibility map and hint bits are set now, not by autovacuum during the measurements.
    await timed(timings, 'vacuum + analyze', async () => {
      await client.query('vacuum (analyze)');
    });
    const checksum = options.checksum ? await rowChecksum(client, CHECKSUM_TABLES) : undefined;
    await admin.query(
      `comment on database ${admin.escapeIdentifier(database)} is '${datasetTag(preset).replaceAll("'", "''")}'`,
    );
    return {
      preset,
      provinces: provinces.length,
      agencies: catalog.agencyCount,
      procedures: catalog.procedureCount,
      campaigns: provinces.length,
      ...counts,
      ...dossiers,
      ...feedback,
      ...(checksum ? { checksum } : {}),
      timingsMs: timings,
    };
  } finally {
    for (const c of clients) await c.end();
    await db.destroy();
    await admin.end();
  }
}

/** The generated tables the checksum covers (every row the generator writes, ids included). */
export const CHECKSUM_TABLES = [
  'agency',
  'procedure',
  'campaign',
  'survey_response',
  'survey_rollup_cell',
  'survey_rollup_count',
  'survey_rollup_moment',
  'survey_rollup_margin',
  'survey_rollup_margin_count',
  'survey_rollup_margin_moment',
  'dossier',
  'dossier_event',
  'feedback',
  'feedback_event',
] as const;

interface Catalog {
  agencyCount: number;
  procedureCount: number;
  /** Per province id: its agency ids, its procedure ids and its campaign id. */
  byProvince: Map<string, { agencies: string[]; procedures: string[]; campaignId: string }>;
  /** The field of each procedure (id → field id). */
  fieldOf: Map<string, string>;
}

async function seedCatalog(
  client: pg.Client,
  provinces: Province[],
  preset: Preset,
  instrumentId: string,
  random: () => number,
): Promise<Catalog> {
  const fieldRows = CATALOG.map((f) => line([`BENCH-${f.field}`, f.fieldVi, f.fieldEn]));
  await copyLines(client, 'procedure_field', ['code', 'name_vi', 'name_en'], fieldRows);

  const agencyLines: string[] = [];
  const procedureLines: string[] = [];
  const links: [string, string][] = []; // agency code, procedure code
  const kinds = AGENCY_KINDS.slice(0, preset.agenciesPerProvince);
  const names = CATALOG.flatMap((f) => f.names.map((n) => ({ f, n })));
  for (const p of provinces) {
    const { rows } = await client.query<{ name_vi: string; name_en: string }>(
      'select name_vi, name_en from administrative_unit where id = $1',
      [p.id],
    );
    const { name_vi: provinceVi, name_en: provinceEn } = rows[0]!;
    const prefix = `B${p.code}-${p.year}`;
    for (const [code, kind, vi, en] of kinds) {
      agencyLines.push(
        line([
          `${prefix}-${code}`,
          kind,
          p.id,
          `${vi} ${provinceVi}`,
          `${en}, ${provinceEn}`,
          `${prefix}-${code}`,
        ]),
      );
    }
    for (let i = 0; i < preset.proceduresPerProvince; i += 1) {
      const { f, n } = names[Math.floor(random() * names.length)]!;
      const code = `${prefix}.${f.field}.${String(i + 1).padStart(3, '0')}`;
      const nameVi = `${n[0]} (${provinceVi})`;
      const nameEn = `${n[1]} (${provinceEn})`;
      const level = pick(random, [
        ['province', 6],
        ['district', 2],
        ['commune', 2],
      ] as const);
      const online = pick(random, [
        ['full', 5],
        ['partial', 3],
        ['none', 2],
      ] as const);
      procedureLines.push(
        line([
          code,
          nameVi,
          nameEn,
          `BENCH-${f.field}`,
          level,
          online,
          normalizeSearchText(`${code} ${nameVi} ${nameEn} ${f.fieldVi}`),
        ]),
      );
      links.push([`${prefix}-${kinds[1 + (i % (kinds.length - 1))]![0]}`, code]);
    }
  }
  await copyLines(
    client,
    'agency',
    ['code', 'kind', 'unit_id', 'name_vi', 'name_en', 'receipt_prefix'],
    agencyLines,
  );
  await client.query(`
    create temporary table bench_procedure (code text, name_vi text, name_en text, field_code text,
      level text, online_level text, search_text text)`);
  await copyLines(
    client,
    'bench_procedure',
    ['code', 'name_vi', 'name_en', 'field_code', 'level', 'online_level', 'search_text'],
    procedureLines,
  );
  await client.query(`
    insert into procedure (code, name_vi, name_en, field_id, level, online_level, search_text, valid_from)
    select b.code, b.name_vi, b.name_en, f.id, b.level, b.online_level, b.search_text, '2020-01-01'
    from bench_procedure b join procedure_field f on f.code = b.field_code`);
  await client.query(`
    insert into procedure_case (procedure_id, ordinal, name_vi, name_en, processing_hours)
    select id, 1, 'Trường hợp chung', 'General case', 40 from procedure`);
  await client.query('create temporary table bench_link (agency_code text, procedure_code text)');
  await copyLines(
    client,
    'bench_link',
    ['agency_code', 'procedure_code'],
    links.map((l) => line(l)),
  );
  await client.query(`
    insert into agency_procedure (agency_id, procedure_id, submission_place)
    select a.id, p.id, a.name_vi from bench_link l
    join agency a on a.code = l.agency_code join procedure p on p.code = l.procedure_code`);

  await client.query(
    `insert into campaign (code, instrument_id, owner_unit_id, name_vi, name_en, mode, starts_on, ends_on, status)
     select 'BENCH-SIPAS-' || y.year || '-' || u.code, $1, u.id,
       'Khảo sát SIPAS ' || y.year || ' ' || u.name_vi, 'SIPAS survey ' || y.year || ', ' || u.name_en,
       'sample', make_date(y.year, 1, 1), make_date(y.year, 12, 31), 'closed'
     from administrative_unit u
     cross join lateral (select case when u.valid_from >= '2025-01-01' then 2026 else 2024 end as year) y
     where u.level_code = 'PROVINCE'`,
    [instrumentId],
  );
  await client.query(`
    insert into campaign_scope (campaign_id, unit_id)
    select id, owner_unit_id from campaign where code like 'BENCH-%'`);

  const { rows: agencies } = await client.query<{ id: string; unit_id: string }>(
    'select id::text, unit_id::text from agency order by id',
  );
  const { rows: procedures } = await client.query<{ id: string; unit_id: string; field_id: string }>(`
    select p.id::text, a.unit_id::text, p.field_id::text from procedure p
    join agency_procedure ap on ap.procedure_id = p.id join agency a on a.id = ap.agency_id order by p.id`);
  const { rows: campaigns } = await client.query<{ id: string; owner_unit_id: string }>(
    `select id::text, owner_unit_id::text from campaign where code like 'BENCH-%'`,
  );
  const byProvince: Catalog['byProvince'] = new Map();
  for (const c of campaigns)
    byProvince.set(c.owner_unit_id, { agencies: [], procedures: [], campaignId: c.id });
  for (const a of agencies) byProvince.get(a.unit_id)?.agencies.push(a.id);
  for (const p of procedures) byProvince.get(p.unit_id)?.procedures.push(p.id);
  return {
    agencyCount: agencies.length,
    procedureCount: procedures.length,
    byProvince,
    fieldOf: new Map(procedures.map((p) => [p.id, p.field_id])),
  };
}

/** The bench's own accounts (password `DEMO.userPassword`): a system admin and an officer of the first agency. */
export const BENCH_ADMIN_EMAIL = 'admin@bench.chiso.vn';
export const BENCH_OFFICER_EMAIL = 'motcua@bench.chiso.vn';

async function seedBenchAccounts(client: pg.Client): Promise<void> {
  await client.query(
    `insert into app_user (email, display_name, password_hash)
     values ($1, 'Bench admin', $3), ($2, 'Bench officer', $3)`,
    [BENCH_ADMIN_EMAIL, BENCH_OFFICER_EMAIL, DEMO_PASSWORD_HASH],
  );
  await client.query(
    `insert into user_role (user_id, role_code)
     select id, 'system_admin' from app_user where email = $1`,
    [BENCH_ADMIN_EMAIL],
  );
  // The officer desks the agency with the most open dossiers, so the queue holds a full page.
  await client.query(
    `insert into user_role (user_id, role_code, agency_id)
     select u.id, 'officer', (
       select agency_id from dossier where status in (1, 2, 4, 5, 6)
       group by agency_id order by count(*) desc, agency_id limit 1)
     from app_user u where u.email = $1`,
    [BENCH_OFFICER_EMAIL],
  );
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (t: number | null) => (t === null ? '\\N' : new Date(t).toISOString());

/**
 * One respondent's answers as a COPY array literal and as numbers: a province-level satisfaction, a personal
 * leaning, ~3% items skipped.
 */
function answersOf(
  random: () => number,
  provinceLevel: number,
  itemCount: number,
): { answers: (number | null)[]; literal: string } {
  const personal = provinceLevel + (random() - 0.5) * 0.3;
  const answers: (number | null)[] = new Array(itemCount);
  let literal = '{';
  for (let i = 0; i < itemCount; i += 1) {
    let a: number | null;
    if (random() < 0.03) a = null;
    else if (random() < personal) a = random() < 0.45 ? 5 : 4;
    else a = random() < 0.6 ? 3 : random() < 0.7 ? 2 : 1;
    answers[i] = a;
    literal += `${i === 0 ? '' : ','}${a === null ? 'NULL' : a}`;
  }
  return { answers, literal: `${literal}}` };
}

const GENDERS = [
  ['female', 48],
  ['male', 51],
  ['other', 1],
] as const;

/**
 * Survey responses (COPY), province by province, with their rollup cells and margins: each province's
 * responses go through `groupedRollupChanges`, the function the API's submissions and imports use, and the
 * cells, margins, counts and moments it returns are COPYed with their ids.
 */
async function copyResponses(
  [client, second]: pg.Client[],
  provinces: Province[],
  catalog: Catalog,
  preset: Preset,
  instrumentId: string,
): Promise<{
  responses: number;
  rollupCells: number;
  rollupCountRows: number;
  rollupMargins: number;
  rollupMarginCountRows: number;
}> {
  const random = streamOf(preset, 1);
  const { itemCodes } = instrumentLayout(SIPAS_2017);
  const itemOrdinal = new Map(itemCodes.map((code, i) => [code, i]));
  const dimensionOrdinal = new Map(SIPAS_2017.dimensions.map((d, i) => [d.code, i]));
  const cells = new RowBuffer();
  const cellCounts = new RowBuffer();
  const cellMoments = new RowBuffer();
  const margins = new RowBuffer();
  const marginCounts = new RowBuffer();
  const marginMoments = new RowBuffer();
  let cellId = 0;
  let marginId = 0;
  let written = 0;
  const countLines = (
    out: { counts: RowBuffer; moments: RowBuffer },
    provinceId: string,
    id: number,
    counts: ResponseCounts,
  ) => {
    const rows = countsToRows(counts);
    for (const r of rows.itemLevels) {
      out.counts.add(
        `${provinceId}\t${id}\t${itemOrdinal.get(r.itemCode)}\t${r.level}\t${r.count}\t${r.weightSum}\t${r.weightSquareSum}\n`,
      );
    }
    for (const m of rows.moments) {
      const ordinal = m.dimensionCode === OVERALL_CODE ? -1 : dimensionOrdinal.get(m.dimensionCode);
      out.moments.add(
        `${provinceId}\t${id}\t${ordinal}\t${m.n}\t${m.sum}\t${m.sumSquares}\t${m.weightSum}\t${m.weightedSum}\t${m.weightedSumSquares}\t${m.weightSquareSum}\n`,
      );
    }
  };

  // Provinces differ in size (weights 1–3), so responses per province range about threefold.
  const weights = provinces.map(() => 1 + Math.floor(random() * 3));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((preset.responses * w) / totalWeight));
  shares[0]! += preset.responses - shares.reduce((a, b) => a + b, 0);

  const copy = new CopyStream(client!, 'survey_response', [
    'province_unit_id',
    'campaign_id',
    'instrument_id',
    'unit_id',
    'agency_id',
    'procedure_id',
    'procedure_field_id',
    'period_month',
    'channel',
    'source',
    'answers',
    'gender',
    'idempotency_key',
    'payload_hash',
    'submitted_at',
  ]);
  const months = Array.from({ length: 12 }, (_, m) => String(m + 1).padStart(2, '0'));
  for (const [index, province] of provinces.entries()) {
    const own = catalog.byProvince.get(province.id)!;
    const level = 0.72 + random() * 0.25;
    const prefix = `${province.id}\t${own.campaignId}\t${instrumentId}\t${province.id}\t`;
    // The province's responses month by month: each month's rollups are computed as soon as it is written,
    // so few responses are held at once.
    const perMonth = new Array<number>(12).fill(0);
    for (let i = 0; i < shares[index]!; i += 1) perMonth[Math.floor(random() * 12)]! += 1;
    let sequence = 0;
    for (const [m, count] of perMonth.entries()) {
      const month = `${province.year}-${months[m]}-01`;
      const keys = new Map<string, Omit<RollupCellKey, 'flagged'>>();
      const batch: (MarginResponse & { key: Omit<RollupCellKey, 'flagged'> })[] = [];
      for (let i = 0; i < count; i += 1) {
        const agencyId = own.agencies[Math.floor(random() * own.agencies.length)]!;
        const procedureId = own.procedures[Math.floor(random() * own.procedures.length)]!;
        const fieldId = catalog.fieldOf.get(procedureId)!;
        const channel = pick(random, CHANNELS);
        const { answers, literal } = answersOf(random, level, itemCodes.length);
        const gender = pick(random, GENDERS);
        const keyId = `${agencyId}|${channel}`;
        let key = keys.get(keyId);
        if (!key) {
          key = {
            provinceUnitId: province.id,
            campaignId: own.campaignId,
            unitId: province.id,
            agencyId,
            periodMonth: month,
            channel,
          };
          keys.set(keyId, key);
        }
        batch.push({ answers, gender, procedureFieldId: fieldId, key });
        sequence += 1;
        const idempotencyKey = `bench-${province.code}-${province.year}-${sequence}`;
        const hash = createHash('sha256').update(idempotencyKey).digest('hex');
        copy.add(
          `${prefix}${agencyId}\t${procedureId}\t${fieldId}\t${month}\t${channel}\timport\t${literal}\t${gender}\t${idempotencyKey}\t\\\\x${hash}\t${month.slice(0, 8)}15 09:00:00+07\n`,
        );
        if (copy.full) await copy.flush();
      }

      // The rollups of the month's responses, exactly as the API computes them.
      const changes = groupedRollupChanges(SIPAS_2017, batch);
      for (const cell of changes.cells) {
        cellId += 1;
        const k = cell.key;
        const offered = Math.round(cell.counts.responses / 0.95);
        cells.add(
          `${k.provinceUnitId}\t${cellId}\t${k.campaignId}\t${k.unitId}\t${k.agencyId ?? '\\N'}\t${k.periodMonth}\t${k.channel}\t${k.flagged ? 't' : 'f'}\t${offered * 2}\t${offered}\t${cell.counts.responses}\n`,
        );
        countLines({ counts: cellCounts, moments: cellMoments }, k.provinceUnitId, cellId, cell.counts);
      }
      for (const margin of changes.margins) {
        marginId += 1;
        const b = margin.base;
        margins.add(
          `${b.provinceUnitId}\t${marginId}\t${b.campaignId}\t${b.unitId}\t${b.periodMonth}\t${margin.attribute}\t${field(margin.value)}\t${margin.flagged ? 't' : 'f'}\t${margin.counts.responses}\n`,
        );
        countLines(
          { counts: marginCounts, moments: marginMoments },
          b.provinceUnitId,
          marginId,
          margin.counts,
        );
      }
    }
    written += shares[index]!;
  }
  await copy.end();

  const momentColumns = [
    'n',
    'sum',
    'sum_squares',
    'weight_sum',
    'weighted_sum',
    'weighted_sum_squares',
    'weight_square_sum',
  ];
  const countColumns = ['item_ordinal', 'level', 'count', 'weight_sum', 'weight_square_sum'];
  // COPY keeps the given ids of an identity column; the sequences move past them for later inserts.
  await Promise.all([
    (async () => {
      await copyLines(
        client!,
        'survey_rollup_cell',
        [
          'province_unit_id',
          'id',
          'campaign_id',
          'unit_id',
          'agency_id',
          'period_month',
          'channel',
          'flagged',
          'served',
          'offered',
          'responded',
        ],
        cells.take(),
      );
      await copyLines(
        client!,
        'survey_rollup_count',
        ['province_unit_id', 'cell_id', ...countColumns],
        cellCounts.take(),
      );
      await copyLines(
        client!,
        'survey_rollup_moment',
        ['province_unit_id', 'cell_id', 'dimension_ordinal', ...momentColumns],
        cellMoments.take(),
      );
    })(),
    (async () => {
      await copyLines(
        second!,
        'survey_rollup_margin',
        [
          'province_unit_id',
          'id',
          'campaign_id',
          'unit_id',
          'period_month',
          'attribute',
          'value',
          'flagged',
          'responded',
        ],
        margins.take(),
      );
      await copyLines(
        second!,
        'survey_rollup_margin_count',
        ['province_unit_id', 'margin_id', ...countColumns],
        marginCounts.take(),
      );
      await copyLines(
        second!,
        'survey_rollup_margin_moment',
        ['province_unit_id', 'margin_id', 'dimension_ordinal', ...momentColumns],
        marginMoments.take(),
      );
    })(),
  ]);
  await moveSequences(client!, ['survey_rollup_cell', 'survey_rollup_margin']);
  return {
    responses: written,
    rollupCells: cellId,
    rollupCountRows: cellCounts.rows,
    rollupMargins: marginId,
    rollupMarginCountRows: marginCounts.rows,
  };
}

/** Moves the identity sequences of tables loaded with their ids past the largest id. */
async function moveSequences(client: pg.Client, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await client.query(
      `select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`,
    );
  }
}

/**
 * Dossiers with their event histories (two COPY streams at once): received, then (for most) processed, result
 * ready and returned; about one in ten still open at its desk (received or processing), some overdue. Receipt
 * codes are unique per province.
 */
async function copyDossiers(
  [client, second]: pg.Client[],
  provinces: Province[],
  catalog: Catalog,
  preset: Preset,
): Promise<{ dossiers: number; dossierEvents: number }> {
  const random = streamOf(preset, 2);
  const { rows: cases } = await client!.query<{ procedure_id: string; id: string }>(
    'select procedure_id::text, id::text from procedure_case',
  );
  const caseOf = new Map(cases.map((c) => [c.procedure_id, c.id]));
  const { rows: agencyRows } = await client!.query<{ id: string; code: string }>(
    'select id::text, code from agency',
  );
  const agencyCode = new Map(agencyRows.map((a) => [a.id, a.code]));
  const pinHash = (await hashSecret('000000', { log2N: 4 })).replace(/\\/g, '\\\\');
  const perProvince = Math.floor(preset.dossiers / provinces.length);
  const channels = CHANNELS.filter(([c]) => c !== 'postal');
  let dossierId = 0;
  let eventId = 0;
  const dossiers = new CopyStream(client!, 'dossier', [
    'province_unit_id',
    'id',
    'receipt_code',
    'pin_hash',
    'agency_id',
    'procedure_id',
    'case_id',
    'channel',
    'status',
    'received_at',
    'due_at',
    'finished_at',
    'returned_at',
    'allowed_hours',
  ]);
  const events = new CopyStream(second!, 'dossier_event', [
    'province_unit_id',
    'id',
    'dossier_id',
    'at',
    'action',
    'from_status',
    'to_status',
  ]);
  for (const province of provinces) {
    const own = catalog.byProvince.get(province.id)!;
    const handling = own.agencies.slice(1); // the service centre receives, the departments handle
    for (let i = 0; i < perProvince; i += 1) {
      dossierId += 1;
      const agencyId = handling[Math.floor(random() * handling.length)] ?? own.agencies[0]!;
      const procedureId = own.procedures[Math.floor(random() * own.procedures.length)]!;
      const channel = pick(random, channels);
      const received = Date.UTC(province.year, Math.floor(random() * 12), 1 + Math.floor(random() * 27), 2);
      const due = received + (40 + Math.floor(random() * 5) * 8) * HOUR * 3;
      const open = random() < 0.1;
      const status = open ? (random() < 0.5 ? 2 : 4) : 10;
      const finished = open ? null : received + Math.floor(random() * 1.2 * (due - received));
      const code = `${agencyCode.get(agencyId)}-${String(dossierId).padStart(8, '0')}`;
      dossiers.add(
        `${province.id}\t${dossierId}\t${code}\t${pinHash}\t${agencyId}\t${procedureId}\t${caseOf.get(procedureId) ?? '\\N'}\t${channel}\t${status}\t${iso(received)}\t${iso(due)}\t${iso(finished)}\t${iso(finished === null ? null : finished + 2 * HOUR)}\t40\n`,
      );
      const event = (at: number, action: string, from: number | null, to: number) => {
        eventId += 1;
        events.add(
          `${province.id}\t${eventId}\t${dossierId}\t${iso(at)}\t${action}\t${from ?? '\\N'}\t${to}\n`,
        );
      };
      event(received, 'receive', null, 2);
      if (status !== 2) event(received + HOUR, 'start_processing', 2, 4);
      if (finished !== null) {
        event(finished, 'result_ready', 4, 9);
        event(finished + 2 * HOUR, 'return_result', 9, 10);
      }
      if (dossiers.full) await dossiers.flush();
      if (events.full) await events.flush();
    }
  }
  await Promise.all([dossiers.end(), events.end()]);
  await moveSequences(client!, ['dossier', 'dossier_event']);
  return { dossiers: dossierId, dossierEvents: eventId };
}

const FEEDBACK_TITLES = [
  'Thời gian giải quyết hồ sơ quá hạn',
  'Cán bộ tiếp nhận hướng dẫn chưa rõ ràng',
  'Đề nghị cho nộp hồ sơ trực tuyến toàn trình',
  'Thu phí, lệ phí chưa đúng quy định',
  'Yêu cầu thêm giấy tờ ngoài thành phần hồ sơ',
  'Thái độ phục vụ chưa đúng mực',
  'Quy định về thời hạn giải quyết còn dài',
  'Không được thông báo khi hồ sơ bị trả lại',
] as const;
const FEEDBACK_ANSWER =
  'Cơ quan đã tiếp nhận, kiểm tra và chấn chỉnh theo quy định; xin cảm ơn ông/bà đã phản ánh, kiến nghị.';
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Feedback (phản ánh, kiến nghị) with its event history, in the states the API's workflow leads to: received,
 * classified, answered, published (answer searchable) or rejected; about half the answered ones rated.
 */
async function copyFeedback(
  client: pg.Client,
  provinces: Province[],
  catalog: Catalog,
  preset: Preset,
): Promise<{ feedback: number; feedbackEvents: number }> {
  const random = streamOf(preset, 3);
  const perProvince = Math.floor(preset.feedback / provinces.length);
  let feedbackId = 0;
  let eventId = 0;
  const rows = new RowBuffer();
  const events = new RowBuffer();
  for (const province of provinces) {
    const own = catalog.byProvince.get(province.id)!;
    for (let i = 0; i < perProvince; i += 1) {
      feedbackId += 1;
      const created = Date.UTC(province.year, Math.floor(random() * 11), 1 + Math.floor(random() * 27), 3);
      const day = new Date(created + 7 * HOUR).toISOString().slice(2, 10).replaceAll('-', '');
      let serial = '';
      for (let n = feedbackId, d = 0; d < 5; d += 1, n = Math.floor(n / 32))
        serial = CODE_ALPHABET[n % 32] + serial;
      let salt = '';
      for (let d = 0; d < 3; d += 1) salt += CODE_ALPHABET[Math.floor(random() * 32)];
      const code = `PAKN-${day}-${salt}${serial}`;
      const aboutProcedure = random() < 0.6;
      const procedureId = aboutProcedure
        ? own.procedures[Math.floor(random() * own.procedures.length)]!
        : null;
      const agencyId = own.agencies[Math.floor(random() * own.agencies.length)]!;
      const title = FEEDBACK_TITLES[Math.floor(random() * FEEDBACK_TITLES.length)]!;
      const body = `${title}. Đề nghị cơ quan xem xét, giải quyết và trả lời công khai.`;
      const channel = pick(random, [
        ['portal', 60],
        ['hotline', 20],
        ['desk', 15],
        ['mail', 5],
      ] as const);
      const status = pick(random, [
        ['received', 10],
        ['classified', 15],
        ['answered', 20],
        ['published', 45],
        ['rejected', 10],
      ] as const);
      const category =
        status === 'received' || status === 'rejected'
          ? null
          : pick(random, [
              ['regulation', 30],
              ['conduct', 60],
              ['out_of_scope', 10],
            ] as const);
      const days = category === 'regulation' ? 42 : category === 'out_of_scope' ? 7 : 14;
      const due = created + days * DAY;
      const answered =
        status === 'answered' || status === 'published' || status === 'rejected'
          ? created + Math.floor(random() * days) * DAY + DAY
          : null;
      const answer =
        status === 'rejected'
          ? 'Nội dung không thuộc thẩm quyền giải quyết của cơ quan.'
          : answered
            ? FEEDBACK_ANSWER
            : null;
      const publishAllowed = status === 'published' || (status === 'answered' && random() < 0.5);
      const published = status === 'published' ? answered! + DAY : null;
      const rating =
        (status === 'answered' || status === 'published') && random() < 0.5
          ? 1 + Math.floor(random() * 5)
          : null;
      const rated = rating === null ? null : answered! + 2 * DAY;
      const searchText = published === null ? '' : normalizeSearchText(`${title} ${answer ?? ''}`);
      rows.add(
        line([
          province.id,
          feedbackId,
          code,
          procedureId ? 'procedure' : 'agency',
          procedureId,
          agencyId,
          category,
          status,
          channel,
          title,
          body,
          't',
          iso(due),
          answer,
          answered === null ? null : iso(answered),
          publishAllowed ? 't' : 'f',
          published === null ? null : iso(published),
          rating,
          rated === null ? null : iso(rated),
          rating === null ? null : `bench-rate-${feedbackId}`,
          `bench-fb-${province.code}-${province.year}-${i + 1}`,
          searchText,
          iso(created),
        ]),
      );
      const event = (at: number, action: string, from: string | null, to: string) => {
        eventId += 1;
        events.add(
          `${province.id}\t${eventId}\t${feedbackId}\t${iso(at)}\t${action}\t${from ?? '\\N'}\t${to}\n`,
        );
      };
      event(created, 'receive', null, 'received');
      if (category) event(created + HOUR, 'classify', 'received', 'classified');
      if (status === 'rejected') event(answered!, 'reject', 'received', 'rejected');
      else if (answered !== null) event(answered, 'answer', 'classified', 'answered');
      if (published !== null) event(published, 'publish', 'answered', 'published');
      if (rated !== null) event(rated, 'rate', status, status);
    }
  }
  await copyLines(
    client,
    'feedback',
    [
      'province_unit_id',
      'id',
      'code',
      'subject_kind',
      'procedure_id',
      'agency_id',
      'category',
      'status',
      'channel',
      'title',
      'body',
      'anonymous',
      'due_at',
      'answer_text',
      'answered_at',
      'publish_allowed',
      'published_at',
      'citizen_rating',
      'rated_at',
      'rating_idempotency_key',
      'idempotency_key',
      'search_text',
      'created_at',
    ],
    rows.take(),
  );
  await copyLines(
    client,
    'feedback_event',
    ['province_unit_id', 'id', 'feedback_id', 'at', 'action', 'from_status', 'to_status'],
    events.take(),
  );
  await moveSequences(client, ['feedback', 'feedback_event']);
  return { feedback: feedbackId, feedbackEvents: eventId };
}
