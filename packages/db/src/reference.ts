import { readFile } from 'node:fs/promises';
import { vietnamHolidays } from '@chiso/scoring';
import { sql } from 'kysely';
import { parseCsv } from './csv.js';
import type { DB } from './database.js';
import { registerBuiltinInstruments } from './instruments.js';

/** The package's reference data folder (copied from public sources; see data/README.md). */
export const referenceDataDir = new URL('../data/', import.meta.url);

export async function readReferenceCsv(name: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(new URL(name, referenceDataDir), 'utf8'));
}

const OLD_PERIOD = { from: '2008-08-01', to: '2025-06-30' };
const NEW_PERIOD_FROM = '2025-07-01';
const REGION_SCHEME = 'NQ81/2023/QH15';

export const UNIT_LEVELS = [
  { code: 'PROVINCE', nameVi: 'Cấp tỉnh', nameEn: 'Province', depth: 1 },
  { code: 'DISTRICT', nameVi: 'Cấp huyện', nameEn: 'District', depth: 2 },
  { code: 'COMMUNE', nameVi: 'Cấp xã', nameEn: 'Commune', depth: 3 },
] as const;

const ROLES = [
  { code: 'system_admin', nameVi: 'Quản trị hệ thống', nameEn: 'System administrator' },
  { code: 'unit_admin', nameVi: 'Quản trị đơn vị', nameEn: 'Unit administrator' },
  { code: 'officer', nameVi: 'Cán bộ một cửa', nameEn: 'Desk officer' },
  { code: 'analyst', nameVi: 'Chuyên viên phân tích', nameEn: 'Analyst' },
  { code: 'leader', nameVi: 'Lãnh đạo', nameEn: 'Leader' },
];

/** Status codes used when syncing dossiers to the national portal (DOMAIN.md §3, seen in practice). */
export const DOSSIER_STATUSES = [
  {
    code: 1,
    key: 'registered_online',
    nameVi: 'Đăng ký trực tuyến',
    nameEn: 'Registered online',
    clockStopped: false,
    terminal: false,
  },
  {
    code: 2,
    key: 'received',
    nameVi: 'Đã tiếp nhận',
    nameEn: 'Received',
    clockStopped: false,
    terminal: false,
  },
  {
    code: 3,
    key: 'refused',
    nameVi: 'Từ chối tiếp nhận',
    nameEn: 'Refused at intake',
    clockStopped: false,
    terminal: true,
  },
  {
    code: 4,
    key: 'processing',
    nameVi: 'Đang xử lý',
    nameEn: 'Processing',
    clockStopped: false,
    terminal: false,
  },
  {
    code: 5,
    key: 'supplement_requested',
    nameVi: 'Yêu cầu bổ sung',
    nameEn: 'Supplement requested',
    clockStopped: true,
    terminal: false,
  },
  {
    code: 6,
    key: 'awaiting_payment',
    nameVi: 'Chờ thực hiện nghĩa vụ tài chính',
    nameEn: 'Awaiting fee or tax payment',
    clockStopped: true,
    terminal: false,
  },
  {
    code: 7,
    key: 'withdrawn',
    nameVi: 'Công dân rút hồ sơ',
    nameEn: 'Withdrawn by applicant',
    clockStopped: false,
    terminal: true,
  },
  {
    code: 8,
    key: 'stopped',
    nameVi: 'Dừng xử lý',
    nameEn: 'Processing stopped',
    clockStopped: false,
    terminal: true,
  },
  {
    code: 9,
    key: 'result_ready',
    nameVi: 'Đã có kết quả',
    nameEn: 'Result ready',
    clockStopped: false,
    terminal: false,
  },
  {
    code: 10,
    key: 'returned',
    nameVi: 'Đã trả kết quả',
    nameEn: 'Result returned',
    clockStopped: false,
    terminal: true,
  },
];

export interface ReferenceLoadSummary {
  units: number;
  successions: number;
  publishedResults: number;
  instruments: number;
  holidays: number;
}

/** Years the national calendar is pre-filled for by rule (admins then apply each year's announcement). */
export const NATIONAL_CALENDAR_YEARS = { from: 2017, to: 2030 } as const;

/**
 * Loads the reference data (levels, regions, the 63 provinces of 2008–2025, the 34 of 2025, the succession map,
 * roles, dossier statuses, verified published results). Idempotent: running it again changes nothing.
 */
export async function loadReferenceData(db: DB): Promise<ReferenceLoadSummary> {
  const [oldProvinces, newProvinces, succession, published] = await Promise.all([
    readReferenceCsv('provinces_2008_2025.csv'),
    readReferenceCsv('provinces_2025.csv'),
    readReferenceCsv('province_succession_2025.csv'),
    readReferenceCsv('published_results.csv'),
  ]);

  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('unitLevel')
      .values([...UNIT_LEVELS])
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('role')
      .values(ROLES)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('dossierStatus')
      .values(DOSSIER_STATUSES)
      .onConflict((oc) => oc.doNothing())
      .execute();

    const regions = new Map<string, { code: string; scheme: string; nameVi: string; nameEn: string }>();
    for (const p of oldProvinces) {
      regions.set(p.region_code!, {
        code: p.region_code!,
        scheme: REGION_SCHEME,
        nameVi: p.region_vi!,
        nameEn: p.region_en!,
      });
    }
    await trx
      .insertInto('region')
      .values([...regions.values()])
      .onConflict((oc) => oc.doNothing())
      .execute();

    const regionOfOld = new Map(oldProvinces.map((p) => [p.gso_code!, p.region_code!]));
    // 'tỉnh (to 2024-12-31); thành phố trực thuộc trung ương (from 2025-01-01)' → the latest type.
    const latestType = (type: string) => /;\s*(.+?)\s*\(from/.exec(type)?.[1] ?? type;
    const unitRows = [
      ...oldProvinces.map((p) => ({
        code: p.gso_code!,
        levelCode: 'PROVINCE',
        regionCode: p.region_code!,
        nameVi: p.name_vi!,
        nameAscii: p.name_ascii!,
        nameEn: p.name_en!,
        fullNameVi: p.full_name_vi!,
        typeVi: latestType(p.type!),
        isoCode: p.iso_3166_2 || null,
        validFrom: p.valid_from || OLD_PERIOD.from,
        validTo: p.valid_to || OLD_PERIOD.to,
        note: p.note || null,
        source: p.source || null,
      })),
      ...newProvinces.map((p) => ({
        code: p.gso_code!,
        levelCode: 'PROVINCE',
        // The 2023 regions predate the merger: a merged province takes the region of the predecessor whose code
        // it kept (all predecessors of a 2025 province lie in one region in the 2023 grouping).
        regionCode: regionOfOld.get(p.code_kept_from!) ?? null,
        nameVi: p.name_vi!,
        nameAscii: p.name_ascii!,
        nameEn: p.name_en!,
        fullNameVi: p.full_name_vi!,
        typeVi: p.type!,
        isoCode: null,
        validFrom: p.valid_from || NEW_PERIOD_FROM,
        validTo: null,
        note: p.note || null,
        source: p.source || null,
      })),
    ];
    await trx
      .insertInto('administrativeUnit')
      .values(unitRows)
      .onConflict((oc) => oc.columns(['levelCode', 'code', 'validFrom']).doNothing())
      .execute();

    const units = await trx
      .selectFrom('administrativeUnit')
      .select(['id', 'code', 'validFrom'])
      .where('levelCode', '=', 'PROVINCE')
      .execute();
    const oldId = new Map(units.filter((u) => u.validFrom < NEW_PERIOD_FROM).map((u) => [u.code, u.id]));
    const newId = new Map(units.filter((u) => u.validFrom >= NEW_PERIOD_FROM).map((u) => [u.code, u.id]));

    const successionRows = succession.map((s) => {
      const predecessorId = oldId.get(s.old_code!);
      const successorId = newId.get(s.new_code!);
      if (!predecessorId || !successorId)
        throw new Error(`Succession ${s.old_code} → ${s.new_code}: unknown unit`);
      return {
        predecessorId,
        successorId,
        effectiveOn: NEW_PERIOD_FROM,
        kind: (Number(s.n_merged) > 1 ? 'merged' : 'continued') as 'merged' | 'continued',
        codeKept: s.old_code_kept === 'yes',
        legalBasis: 'Nghị quyết 202/2025/QH15',
      };
    });
    await trx
      .insertInto('unitSuccession')
      .values(successionRows)
      .onConflict((oc) => oc.columns(['predecessorId', 'successorId']).doNothing())
      .execute();

    const publishedRows = published.map((r) => {
      const year = Number(r.year);
      const unitCode = r.unit_code || null;
      const unitId = unitCode ? ((year >= 2026 ? newId : oldId).get(unitCode) ?? null) : null;
      return {
        indexCode: r.index as 'SIPAS' | 'PAR',
        year,
        scope: r.scope as 'national' | 'province',
        unitId,
        unitCode,
        unitName: r.unit_name!,
        valuePct: r.value_pct ? r.value_pct : null,
        rank: r.rank ? Number(r.rank) : null,
        ofUnits: r.of_units ? Number(r.of_units) : null,
        source: r.source!,
        status: r.status as 'verified' | 'derived',
      };
    });
    await trx
      .insertInto('publishedIndexResult')
      .values(publishedRows)
      .onConflict((oc) => oc.columns(['indexCode', 'year', 'scope', 'unitCode']).doNothing())
      .execute();

    const instruments = await registerBuiltinInstruments(trx);

    // The national work calendar, pre-filled with the Labour Code holidays by rule; the government's yearly
    // announcements and swapped working days are entered over it (rule rows never overwrite existing days).
    await trx
      .insertInto('workCalendar')
      .values({ code: 'VN', nameVi: 'Lịch làm việc quốc gia', nameEn: 'National work calendar' })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const calendar = await trx
      .selectFrom('workCalendar')
      .select('id')
      .where('code', '=', 'VN')
      .executeTakeFirstOrThrow();
    const holidayRows = [];
    for (let year = NATIONAL_CALENDAR_YEARS.from; year <= NATIONAL_CALENDAR_YEARS.to; year++) {
      for (const holiday of vietnamHolidays(year)) {
        holidayRows.push({
          calendarId: calendar.id,
          day: holiday.date,
          kind: 'holiday' as const,
          nameVi: holiday.name.vi,
          nameEn: holiday.name.en,
          source: 'rule' as const,
        });
      }
    }
    await trx
      .insertInto('calendarDay')
      .values(holidayRows)
      .onConflict((oc) => oc.columns(['calendarId', 'day']).doNothing())
      .execute();

    await sql`analyze administrative_unit, unit_succession`.execute(trx);
    return {
      units: unitRows.length,
      successions: successionRows.length,
      publishedResults: publishedRows.length,
      instruments,
      holidays: holidayRows.length,
    };
  });
}
