import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  createDatabase,
  DEMO_PASSWORD_HASH,
  hashSecret,
  loadReferenceData,
  migrateToLatest,
  migrations,
  normalizeSearchText,
  type PostgresServer,
  rebuildSurveyMargins,
} from '@chiso/db';
import {
  countResponses,
  countsToRows,
  instrumentLayout,
  mulberry32,
  OVERALL_CODE,
  SIPAS_2017,
  type SurveyResponse,
} from '@chiso/scoring';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The database the benchmarks own (dropped and rebuilt by the generator); CHISO_BENCH_DATABASE names another. */
export const BENCH_DATABASE = process.env.CHISO_BENCH_DATABASE ?? 'chiso_bench';

export interface Preset {
  name: 'quick' | 'full';
  responses: number;
  dossiers: number;
  agenciesPerProvince: number;
  proceduresPerProvince: number;
  seed: number;
}

export const PRESETS: Record<Preset['name'], Preset> = {
  quick: {
    name: 'quick',
    responses: 200_000,
    dossiers: 100_000,
    agenciesPerProvince: 4,
    proceduresPerProvince: 30,
    seed: 2026,
  },
  full: {
    name: 'full',
    responses: 10_000_000,
    dossiers: 2_000_000,
    agenciesPerProvince: 6,
    proceduresPerProvince: 60,
    seed: 2026,
  },
};

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
  rollupCells: number;
  rollupCountRows: number;
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

/** Writes `lines` (produced lazily, in chunks) into `table` with COPY FROM STDIN. */
async function copyInto(
  client: pg.Client,
  table: string,
  columns: string[],
  chunks: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)) as Writable;
  await pipeline(
    (function* () {
      yield* chunks;
    })(),
    stream,
  );
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

/**
 * A description of the preset and the schema stored on the database, so a run reuses data generated the same
 * way and regenerates it when the preset or the migrations changed.
 */
export function datasetTag(preset: Preset): string {
  return `chiso-bench v2 ${Object.keys(migrations).at(-1)} ${preset.name} ${preset.responses} ${preset.dossiers} ${preset.agenciesPerProvince} ${preset.proceduresPerProvince} ${preset.seed}`;
}

export async function readDatasetTag(server: PostgresServer): Promise<string | null> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tag: string | null }>(
      `select shobj_description(oid, 'pg_database') as tag from pg_database where datname = $1`,
      [BENCH_DATABASE],
    );
    return rows[0]?.tag ?? null;
  } finally {
    await client.end();
  }
}

interface Province {
  id: string;
  code: string;
  year: number;
}

/**
 * Drops and rebuilds `chiso_bench`: schema and reference data (63 + 34 provinces), then per province its
 * agencies, a catalog, a SIPAS campaign and its share of `preset.responses` responses (COPY), and the rollups
 * computed from the same answers with `countResponses` (COPY). Deterministic for a preset.
 */
export async function generateDataset(server: PostgresServer, preset: Preset): Promise<DatasetSummary> {
  const timings: Record<string, number> = {};
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await timed(timings, 'create database', async () => {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  });
  const url = server.urlFor(BENCH_DATABASE);
  const db = createDatabase({ url, applicationName: 'chiso-bench-generate' });
  const client = new pg.Client({ connectionString: url, application_name: 'chiso-bench-generate' });
  await client.connect();
  try {
    await timed(timings, 'migrate + reference data', async () => {
      await migrateToLatest(db);
      await loadReferenceData(db);
    });
    const random = mulberry32(preset.seed);

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
      seedCatalog(client, provinces, preset, instrumentId, random),
    );

    const counts = await timed(timings, 'survey responses + rollups (COPY)', () =>
      copyResponses(client, provinces, catalog, preset, instrumentId, random),
    );
    // The margins (per unit, month and respondent attribute) from the same raw rows, as a rebuild makes them.
    await timed(timings, 'rollup margins', async () => {
      for (const { campaignId } of catalog.byProvince.values()) {
        await rebuildSurveyMargins(db, SIPAS_2017, campaignId);
      }
    });
    const dossiers = await timed(timings, 'dossiers + events (COPY)', () =>
      copyDossiers(client, provinces, catalog, preset, random),
    );
    await timed(timings, 'bench accounts', () => seedBenchAccounts(client));
    await timed(timings, 'analyze', async () => {
      await client.query('analyze');
    });
    await admin.query(`comment on database ${BENCH_DATABASE} is '${datasetTag(preset)}'`);
    return {
      preset,
      provinces: provinces.length,
      agencies: catalog.agencyCount,
      procedures: catalog.procedureCount,
      campaigns: provinces.length,
      ...counts,
      ...dossiers,
      timingsMs: timings,
    };
  } finally {
    await client.end();
    await db.destroy();
    await admin.end();
  }
}

interface Catalog {
  agencyCount: number;
  procedureCount: number;
  /** Per province id: its agency ids, its procedure ids and its campaign id. */
  byProvince: Map<string, { agencies: string[]; procedures: string[]; campaignId: string }>;
}

async function seedCatalog(
  client: pg.Client,
  provinces: Province[],
  preset: Preset,
  instrumentId: string,
  random: () => number,
): Promise<Catalog> {
  const fieldRows = CATALOG.map((f) => line([`BENCH-${f.field}`, f.fieldVi, f.fieldEn]));
  await copyInto(client, 'procedure_field', ['code', 'name_vi', 'name_en'], fieldRows);

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
  await copyInto(
    client,
    'agency',
    ['code', 'kind', 'unit_id', 'name_vi', 'name_en', 'receipt_prefix'],
    agencyLines,
  );
  await client.query(`
    create temporary table bench_procedure (code text, name_vi text, name_en text, field_code text,
      level text, online_level text, search_text text)`);
  await copyInto(
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
  await copyInto(
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
  const { rows: procedures } = await client.query<{ id: string; unit_id: string }>(`
    select p.id::text, a.unit_id::text from procedure p
    join agency_procedure ap on ap.procedure_id = p.id join agency a on a.id = ap.agency_id order by p.id`);
  const { rows: campaigns } = await client.query<{ id: string; owner_unit_id: string }>(
    `select id::text, owner_unit_id::text from campaign where code like 'BENCH-%'`,
  );
  const byProvince: Catalog['byProvince'] = new Map();
  for (const c of campaigns)
    byProvince.set(c.owner_unit_id, { agencies: [], procedures: [], campaignId: c.id });
  for (const a of agencies) byProvince.get(a.unit_id)?.agencies.push(a.id);
  for (const p of procedures) byProvince.get(p.unit_id)?.procedures.push(p.id);
  return { agencyCount: agencies.length, procedureCount: procedures.length, byProvince };
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

/**
 * Dossiers with their event histories: received, then (for most) processed, result ready and returned; about one
 * in ten still open at its desk (received or processing), some overdue. Receipt codes are unique per province.
 */
async function copyDossiers(
  client: pg.Client,
  provinces: Province[],
  catalog: Catalog,
  preset: Preset,
  random: () => number,
): Promise<{ dossiers: number; dossierEvents: number }> {
  const { rows: cases } = await client.query<{ procedure_id: string; id: string }>(
    'select procedure_id::text, id::text from procedure_case',
  );
  const caseOf = new Map(cases.map((c) => [c.procedure_id, c.id]));
  const { rows: agencyRows } = await client.query<{ id: string; code: string }>(
    'select id::text, code from agency',
  );
  const agencyCode = new Map(agencyRows.map((a) => [a.id, a.code]));
  const pinHash = await hashSecret('000000', { log2N: 4 });
  const perProvince = Math.floor(preset.dossiers / provinces.length);
  let dossierId = 0;
  let eventId = 0;
  const eventLines: string[] = [];
  const HOUR = 3_600_000;
  function* dossierLines(): Generator<string> {
    let chunk = '';
    for (const province of provinces) {
      const own = catalog.byProvince.get(province.id)!;
      const handling = own.agencies.slice(1); // the service centre receives, the departments handle
      for (let i = 0; i < perProvince; i += 1) {
        dossierId += 1;
        const agencyId = handling[Math.floor(random() * handling.length)] ?? own.agencies[0]!;
        const procedureId = own.procedures[Math.floor(random() * own.procedures.length)]!;
        const channel = pick(
          random,
          CHANNELS.filter(([c]) => c !== 'postal'),
        );
        const received = Date.UTC(province.year, Math.floor(random() * 12), 1 + Math.floor(random() * 27), 2);
        const due = received + (40 + Math.floor(random() * 5) * 8) * HOUR * 3;
        const open = random() < 0.1;
        const status = open ? (random() < 0.5 ? 2 : 4) : 10;
        const finished = open ? null : received + Math.floor(random() * 1.2 * (due - received));
        const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
        const code = `${agencyCode.get(agencyId)}-${String(dossierId).padStart(8, '0')}`;
        chunk += line([
          province.id,
          dossierId,
          code,
          pinHash,
          agencyId,
          procedureId,
          caseOf.get(procedureId) ?? null,
          channel,
          status,
          iso(received),
          iso(due),
          iso(finished),
          iso(finished === null ? null : finished + 2 * HOUR),
          40,
        ]);
        const steps: [string, number | null, number, number][] = [['receive', null, 2, received]];
        if (status !== 2) steps.push(['start_processing', 2, 4, received + HOUR]);
        if (finished !== null) {
          steps.push(['result_ready', 4, 9, finished]);
          steps.push(['return_result', 9, 10, finished + 2 * HOUR]);
        }
        for (const [action, from, to, at] of steps) {
          eventId += 1;
          eventLines.push(line([province.id, eventId, dossierId, iso(at), action, from, to]));
        }
        if (chunk.length > 256 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
    }
    if (chunk) yield chunk;
  }
  await copyInto(
    client,
    'dossier',
    [
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
    ],
    dossierLines(),
  );
  await copyInto(
    client,
    'dossier_event',
    ['province_unit_id', 'id', 'dossier_id', 'at', 'action', 'from_status', 'to_status'],
    (function* () {
      for (let i = 0; i < eventLines.length; i += 2000) yield eventLines.slice(i, i + 2000).join('');
    })(),
  );
  for (const table of ['dossier', 'dossier_event']) {
    await client.query(
      `select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`,
    );
  }
  return { dossiers: dossierId, dossierEvents: eventId };
}

/** One respondent's answers: a province-level satisfaction, a personal leaning, ~3% items skipped. */
function answersOf(random: () => number, provinceLevel: number, itemCount: number): (number | null)[] {
  const personal = provinceLevel + (random() - 0.5) * 0.3;
  const answers: (number | null)[] = [];
  for (let i = 0; i < itemCount; i += 1) {
    const r = random();
    if (r < 0.03) answers.push(null);
    else if (random() < personal) answers.push(random() < 0.45 ? 5 : 4);
    else answers.push(random() < 0.6 ? 3 : random() < 0.7 ? 2 : 1);
  }
  return answers;
}

async function copyResponses(
  client: pg.Client,
  provinces: Province[],
  catalog: Catalog,
  preset: Preset,
  instrumentId: string,
  random: () => number,
): Promise<{ responses: number; rollupCells: number; rollupCountRows: number }> {
  const { itemCodes } = instrumentLayout(SIPAS_2017);
  const itemOrdinal = new Map(itemCodes.map((code, i) => [code, i]));
  const dimensionOrdinal = new Map(SIPAS_2017.dimensions.map((d, i) => [d.code, i]));
  const cellLines: string[] = [];
  const countLines: string[] = [];
  const momentLines: string[] = [];
  let cellId = 0;
  let written = 0;

  // Provinces differ in size (weights 1–3), so responses per province range about threefold.
  const weights = provinces.map(() => 1 + Math.floor(random() * 3));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((preset.responses * w) / totalWeight));
  shares[0]! += preset.responses - shares.reduce((a, b) => a + b, 0);

  function* responseLines(): Generator<string> {
    for (const [index, province] of provinces.entries()) {
      const own = catalog.byProvince.get(province.id)!;
      const level = 0.72 + random() * 0.25;
      const cells = new Map<
        string,
        { agencyId: string; month: string; channel: string; raw: SurveyResponse[] }
      >();
      let chunk = '';
      for (let i = 0; i < shares[index]!; i += 1) {
        const agencyId = own.agencies[Math.floor(random() * own.agencies.length)]!;
        const procedureId = own.procedures[Math.floor(random() * own.procedures.length)]!;
        const month = `${province.year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
        const channel = pick(random, CHANNELS);
        const answers = answersOf(random, level, itemCodes.length);
        const key = `${agencyId}|${month}|${channel}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = { agencyId, month, channel, raw: [] };
          cells.set(key, cell);
        }
        cell.raw.push({ answers });
        const idempotencyKey = `bench-${province.code}-${province.year}-${i + 1}`;
        const hash = createHash('sha256').update(idempotencyKey).digest('hex');
        chunk += line([
          province.id,
          own.campaignId,
          instrumentId,
          province.id,
          agencyId,
          procedureId,
          month,
          channel,
          'import',
          `{${answers.map((a) => (a === null ? 'NULL' : a)).join(',')}}`,
          pick(random, [
            ['female', 48],
            ['male', 51],
            ['other', 1],
          ] as const),
          idempotencyKey,
          `\\x${hash}`,
          `${month.slice(0, 8)}15 09:00:00+07`,
        ]);
        if (chunk.length > 256 * 1024) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
      written += shares[index]!;

      for (const cell of cells.values()) {
        cellId += 1;
        const counts = countResponses(SIPAS_2017, cell.raw);
        const offered = Math.round(counts.responses / 0.95);
        cellLines.push(
          line([
            province.id,
            cellId,
            own.campaignId,
            province.id,
            cell.agencyId,
            cell.month,
            cell.channel,
            offered * 2,
            offered,
            counts.responses,
          ]),
        );
        const rows = countsToRows(counts);
        for (const r of rows.itemLevels) {
          countLines.push(
            line([
              province.id,
              cellId,
              itemOrdinal.get(r.itemCode)!,
              r.level,
              r.count,
              r.weightSum,
              r.weightSquareSum,
            ]),
          );
        }
        for (const m of rows.moments) {
          momentLines.push(
            line([
              province.id,
              cellId,
              m.dimensionCode === OVERALL_CODE ? -1 : dimensionOrdinal.get(m.dimensionCode)!,
              m.n,
              m.sum,
              m.sumSquares,
              m.weightSum,
              m.weightedSum,
              m.weightedSumSquares,
              m.weightSquareSum,
            ]),
          );
        }
      }
    }
  }

  await copyInto(
    client,
    'survey_response',
    [
      'province_unit_id',
      'campaign_id',
      'instrument_id',
      'unit_id',
      'agency_id',
      'procedure_id',
      'period_month',
      'channel',
      'source',
      'answers',
      'gender',
      'idempotency_key',
      'payload_hash',
      'submitted_at',
    ],
    responseLines(),
  );
  // COPY keeps the given ids of an identity column; the sequence moves past them for later inserts.
  await copyInto(
    client,
    'survey_rollup_cell',
    [
      'province_unit_id',
      'id',
      'campaign_id',
      'unit_id',
      'agency_id',
      'period_month',
      'channel',
      'served',
      'offered',
      'responded',
    ],
    cellLines,
  );
  await client.query(
    `select setval(pg_get_serial_sequence('survey_rollup_cell', 'id'), (select max(id) from survey_rollup_cell))`,
  );
  await copyInto(
    client,
    'survey_rollup_count',
    ['province_unit_id', 'cell_id', 'item_ordinal', 'level', 'count', 'weight_sum', 'weight_square_sum'],
    countLines,
  );
  await copyInto(
    client,
    'survey_rollup_moment',
    [
      'province_unit_id',
      'cell_id',
      'dimension_ordinal',
      'n',
      'sum',
      'sum_squares',
      'weight_sum',
      'weighted_sum',
      'weighted_sum_squares',
      'weight_square_sum',
    ],
    momentLines,
  );
  return { responses: written, rollupCells: cellId, rollupCountRows: countLines.length };
}
