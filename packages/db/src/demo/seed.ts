import { createHash } from 'node:crypto';
import { addDaysIso, buildSeedCaseResponses, SIPAS_2017, WorkCalendar } from '@chiso/scoring';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../database.js';
import { rebuildSurveyRollups } from '../rollups.js';
import type { Database, DossierChannel, ResponseChannel } from '../schema.js';
import { normalizeSearchText } from '../search-text.js';
import { hashSecret } from '../secret-hash.js';
import { DEMO_AGENCIES } from './catalog-data.js';
import { SeededRandom } from './random.js';

/**
 * Demo data: one province modelled on the seed case of the domain notes — Bắc Kạn in 2019, its Public
 * Administration Service Center with 18 agencies and their procedure catalog, a year of dossiers across channels
 * and outcomes, and the SIPAS 2017 survey responses of 2019 that reproduce the published figures (overall 85.16%,
 * factor 2 90.26%, criterion 2.3 91.25%, criterion 5.3 68.18%). Every row is marked `is_demo`, and the names say
 * "dữ liệu mẫu / demo" where a person reads them. Deterministic: the same rows on every machine.
 */
export const DEMO = {
  provinceCode: '06',
  provinceValidFrom: '2008-08-01',
  year: 2019,
  centerCode: 'BKN-TTPVHCC',
  campaignCode: 'DEMO-SIPAS-2019-BKN',
  dossierCount: 3000,
  /** A dossier a newcomer can track on the portal. */
  sampleDossier: { receiptCode: 'BKN-STP-190102-0001', pin: '246810' },
  /** The password of every demo account (documented in the README; demo accounts are flagged `is_demo`). */
  userPassword: 'ChiSo@demo2019',
  /** One account per role, scoped to the demo province or one of its agencies. */
  users: [
    {
      email: 'admin@demo.chiso.vn',
      displayName: 'Quản trị hệ thống (dữ liệu mẫu)',
      role: 'system_admin',
      scope: null,
    },
    {
      email: 'tinh@demo.chiso.vn',
      displayName: 'Quản trị tỉnh Bắc Kạn (dữ liệu mẫu)',
      role: 'unit_admin',
      scope: 'province',
    },
    {
      email: 'motcua.stp@demo.chiso.vn',
      displayName: 'Cán bộ một cửa Sở Tư pháp (dữ liệu mẫu)',
      role: 'officer',
      scope: 'BKN-STP',
    },
    {
      email: 'phantich@demo.chiso.vn',
      displayName: 'Chuyên viên phân tích Bắc Kạn (dữ liệu mẫu)',
      role: 'analyst',
      scope: 'province',
    },
    {
      email: 'lanhdao@demo.chiso.vn',
      displayName: 'Lãnh đạo tỉnh Bắc Kạn (dữ liệu mẫu)',
      role: 'leader',
      scope: 'province',
    },
  ],
} as const;

/**
 * argon2id (m = 19 MiB, t = 2, p = 1) of `DEMO.userPassword`, computed once so that seeding needs no argon2
 * binding and costs no hashing time. The API verifies it like any other password hash.
 */
export const DEMO_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$SmJ6TvTq72KxdN+lUMF9rw$QgpudyglrkAQdGodTWLfQ+LAauWwvH0m2yRcKzZKvuc';

const SEED = 20191231;
const CALENDAR_CODE = 'VN';

type Trx = Transaction<Database>;

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

function vnDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function yyMMdd(instant: Date): string {
  return vnDate(instant).slice(2).replaceAll('-', '');
}

/** True when demo data is already in the database. */
export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('agency')
    .select('id')
    .where('code', '=', DEMO.centerCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** Loads the demo data unless it is there already; returns whether it loaded anything. */
export async function seedDemoDataIfEmpty(
  db: DB,
  log: (message: string) => void = () => {},
): Promise<boolean> {
  if (await hasDemoData(db)) return false;
  const started = Date.now();
  const summary = await seedDemoData(db);
  log(
    `Demo data loaded in ${Date.now() - started} ms: ${summary.agencies} agencies, ${summary.procedures} procedures, ` +
      `${summary.dossiers} dossiers, ${summary.responses} survey responses`,
  );
  return true;
}

export interface DemoSummary {
  agencies: number;
  procedures: number;
  dossiers: number;
  responses: number;
  campaignId: string;
}

/** Loads the demo data in one transaction (nothing half-written). Use `seedDemoDataIfEmpty` to run it twice. */
export async function seedDemoData(db: DB): Promise<DemoSummary> {
  return db.transaction().execute(async (trx) => {
    if (await hasDemoData(trx)) throw new Error('Demo data is already loaded');
    const random = new SeededRandom(SEED);
    const province = await trx
      .selectFrom('administrativeUnit')
      .select(['id'])
      .where('levelCode', '=', 'PROVINCE')
      .where('code', '=', DEMO.provinceCode)
      .where('validFrom', '=', DEMO.provinceValidFrom)
      .executeTakeFirstOrThrow(() => new Error('Reference data must be loaded before demo data'));
    const calendar = await trx
      .selectFrom('workCalendar')
      .select('id')
      .where('code', '=', CALENDAR_CODE)
      .executeTakeFirstOrThrow(() => new Error('The national calendar must be loaded before demo data'));

    const agencies = await seedAgencies(trx, province.id, calendar.id);
    await seedDemoUsers(trx, province.id, agencies);
    const procedures = await seedCatalog(trx, agencies);
    const dossiers = await seedDossiers(trx, random, province.id, calendar.id, procedures);
    const survey = await seedSurvey(trx, random, province.id, dossiers);
    return {
      agencies: agencies.size,
      procedures: procedures.length,
      dossiers: dossiers.length,
      responses: survey.responses,
      campaignId: survey.campaignId,
    };
  });
}

interface SeededAgency {
  id: string;
  code: string;
  receiptPrefix: string;
  weight: number;
}

async function seedAgencies(
  trx: Trx,
  provinceId: string,
  calendarId: string,
): Promise<Map<string, SeededAgency>> {
  const center = await trx
    .insertInto('agency')
    .values({
      code: DEMO.centerCode,
      kind: 'service_center',
      unitId: provinceId,
      calendarId,
      nameVi: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn (dữ liệu mẫu)',
      nameEn: 'Bắc Kạn Public Administration Service Center (demo data)',
      shortName: 'TTPVHCC',
      receiptPrefix: 'BKN-TT',
      address: 'Tổ 1, phường Đức Xuân, thành phố Bắc Kạn (demo)',
      validFrom: '2019-01-01',
      isDemo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = await trx
    .insertInto('agency')
    .values(
      DEMO_AGENCIES.map((a) => ({
        code: `BKN-${a.code}`,
        kind: a.kind,
        parentId: center.id,
        unitId: provinceId,
        calendarId,
        nameVi: `${a.nameVi} (dữ liệu mẫu)`,
        nameEn: `${a.nameEn} (demo data)`,
        shortName: a.shortName,
        receiptPrefix: `BKN-${a.code}`,
        validFrom: '2019-01-01',
        isDemo: true,
      })),
    )
    .returning(['id', 'code', 'receiptPrefix'])
    .execute();
  const agencies = new Map<string, SeededAgency>();
  agencies.set(DEMO.centerCode, { id: center.id, code: DEMO.centerCode, receiptPrefix: 'BKN-TT', weight: 0 });
  for (const row of rows) {
    const demo = DEMO_AGENCIES.find((a) => `BKN-${a.code}` === row.code)!;
    const procedures = demo.fields.reduce((n, f) => n + f.procedures.length, 0);
    agencies.set(row.code, { ...row, weight: procedures });
  }
  return agencies;
}

/** The demo accounts of `DEMO.users`, each with its one scoped role. */
async function seedDemoUsers(trx: Trx, provinceId: string, agencies: Map<string, SeededAgency>) {
  for (const demo of DEMO.users) {
    const user = await trx
      .insertInto('appUser')
      .values({
        email: demo.email,
        displayName: demo.displayName,
        passwordHash: DEMO_PASSWORD_HASH,
        isDemo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const agencyId = demo.scope && demo.scope !== 'province' ? agencies.get(demo.scope)!.id : null;
    await trx
      .insertInto('userRole')
      .values({
        userId: user.id,
        roleCode: demo.role,
        unitId: demo.scope === 'province' ? provinceId : null,
        agencyId,
      })
      .execute();
  }
}

interface SeededProcedure {
  id: string;
  agency: SeededAgency;
  days: number;
  daysOnline: number;
  calendarDays: boolean;
  online: 'full' | 'partial' | 'none';
  level: 'province' | 'district' | 'commune';
}

/**
 * The demo's announcing decisions (766 indicator 1.1): the procedures of each field were announced again in 2019
 * by one decision of the provincial People's Committee revising the catalog (fields spread over March–December,
 * signed on the 10th) and made public three days later — except every ninth procedure of an agency, made public
 * two weeks later, past the five-working-day deadline. A pure function of the field and procedure numbers: it
 * draws nothing from the seeded random stream, so the dossiers and the survey (and its figures) do not move.
 */
function demoAnnouncement(fieldIndex: number, procedureNumber: number) {
  const announcedOn = `2019-${String(3 + (fieldIndex % 10)).padStart(2, '0')}-10`;
  return {
    announcementDecision: `${101 + fieldIndex}/QĐ-UBND`,
    announcedOn,
    publishedOn: addDaysIso(announcedOn, procedureNumber % 9 === 0 ? 14 : 3),
  };
}

async function seedCatalog(trx: Trx, agencies: Map<string, SeededAgency>): Promise<SeededProcedure[]> {
  const seeded: SeededProcedure[] = [];
  let fieldIndex = 0;
  for (const demoAgency of DEMO_AGENCIES) {
    const agency = agencies.get(`BKN-${demoAgency.code}`)!;
    let n = 0;
    for (const field of demoAgency.fields) {
      const fieldRow = await trx
        .insertInto('procedureField')
        .values({ code: `BKN-${field.code}`, nameVi: field.nameVi, nameEn: field.nameEn })
        .onConflict((oc) => oc.column('code').doUpdateSet({ nameVi: field.nameVi }))
        .returning('id')
        .executeTakeFirstOrThrow();
      fieldIndex += 1;
      for (const p of field.procedures) {
        n += 1;
        const code = `BKN.${demoAgency.code}.${String(n).padStart(3, '0')}`;
        const procedure = await trx
          .insertInto('procedure')
          .values({
            code,
            nameVi: p.nameVi,
            nameEn: p.nameEn,
            fieldId: fieldRow.id,
            level: p.level,
            onlineLevel: p.online,
            timeBasis: p.calendarDays ? 'calendar_days' : 'working_days',
            interAgency: p.interAgency ?? false,
            resultDocument: p.result,
            legalBasis: p.legalBasis,
            applicantKinds: ['citizen', 'organisation'],
            searchText: normalizeSearchText(`${code} ${p.nameVi} ${p.nameEn} ${field.nameVi}`),
            validFrom: '2019-01-01',
            ...demoAnnouncement(fieldIndex, n),
            isDemo: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const cases = p.cases?.length
          ? p.cases
          : [{ nameVi: 'Trường hợp chung', nameEn: 'General case', days: p.days }];
        await trx
          .insertInto('procedureCase')
          .values(
            cases.map((c, i) => ({
              procedureId: procedure.id,
              ordinal: i + 1,
              nameVi: c.nameVi,
              nameEn: c.nameEn,
              processingHours: p.calendarDays ? null : c.days * 8,
              processingHoursOnline: p.calendarDays ? null : (p.daysOnline ?? c.days) * 8,
              calendarDays: p.calendarDays ? c.days : null,
            })),
          )
          .execute();
        if (p.documents.length > 0) {
          await trx
            .insertInto('procedureDocument')
            .values(
              p.documents.map((d, i) => ({
                procedureId: procedure.id,
                ordinal: i + 1,
                nameVi: d.nameVi,
                nameEn: d.nameEn,
                originals: d.originals,
                copies: d.copies,
                reusable: d.reusable ?? false,
              })),
            )
            .execute();
        }
        if (p.fees?.length) {
          await trx
            .insertInto('procedureFee')
            .values(
              p.fees.map((f) => ({
                procedureId: procedure.id,
                nameVi: f.nameVi,
                nameEn: f.nameEn,
                amountVnd: f.amountVnd,
              })),
            )
            .execute();
        }
        await trx
          .insertInto('agencyProcedure')
          .values({
            agencyId: agency.id,
            procedureId: procedure.id,
            submissionPlace: p.submissionPlace ?? 'Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn',
          })
          .execute();
        seeded.push({
          id: procedure.id,
          agency,
          days: p.days,
          daysOnline: p.daysOnline ?? p.days,
          calendarDays: p.calendarDays ?? false,
          online: p.online,
          level: p.level,
        });
      }
    }
  }
  return seeded;
}

interface SeededDossier {
  agencyId: string;
  channel: DossierChannel;
  month: string;
  returned: boolean;
}

type Outcome = 'early' | 'on_time' | 'late' | 'refused' | 'withdrawn';

async function seedDossiers(
  trx: Trx,
  random: SeededRandom,
  provinceId: string,
  calendarId: string,
  procedures: SeededProcedure[],
): Promise<SeededDossier[]> {
  const holidays = await trx
    .selectFrom('calendarDay')
    .select('day')
    .where('calendarId', '=', calendarId)
    .where('kind', '=', 'holiday')
    .execute();
  const calendar = new WorkCalendar({ holidays: holidays.map((h) => h.day) });
  const workingDays: string[] = [];
  for (
    let d = new Date(Date.UTC(DEMO.year, 0, 1));
    d.getUTCFullYear() === DEMO.year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const day = d.toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day)) workingDays.push(day);
  }
  // Busier agencies have more procedures; the first dossier is the documented sample one. Commune-level
  // procedures are received at the commune People's Committees, not at the provincial center, so the
  // center's dossiers never draw them.
  const byAgency = procedures.filter((p) => p.level !== 'commune').map((p) => [p, 1] as const);
  const sequence = new Map<string, number>();

  interface Planned {
    procedure: SeededProcedure;
    channel: DossierChannel;
    receivedAt: Date;
    dueAt: Date;
    outcome: Outcome;
    supplementDays: number;
    pin: string;
    receiptCode: string;
  }
  const planned: Planned[] = [];
  for (let i = 0; i < DEMO.dossierCount; i++) {
    const procedure =
      i === 0 ? procedures.find((p) => p.agency.code === 'BKN-STP')! : random.weighted(byAgency);
    const day =
      i === 0 ? workingDays[0]! : workingDays[Math.floor((i / DEMO.dossierCount) * workingDays.length)]!;
    const channel: DossierChannel =
      procedure.online === 'none'
        ? random.weighted([
            ['in_person', 9],
            ['postal', 1],
          ])
        : procedure.online === 'full'
          ? random.weighted([
              ['online', 6],
              ['in_person', 3],
              ['postal', 1],
            ])
          : random.weighted([
              ['online', 3],
              ['in_person', 6],
              ['postal', 1],
            ]);
    const minute = random.int(0, 7 * 60);
    const clock = minute < 270 ? 7 * 60 + minute : 13 * 60 + 30 + (minute - 270);
    const receivedAt = at(
      day,
      `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`,
    );
    const days = channel === 'online' ? procedure.daysOnline : procedure.days;
    const dueAt = procedure.calendarDays
      ? calendar.addCalendarDays(receivedAt, days)
      : calendar.addWorkingHours(receivedAt, days * 8);
    const outcome: Outcome =
      i === 0
        ? 'early'
        : random.weighted([
            ['early', 66],
            ['on_time', 18],
            ['late', 10],
            ['refused', 4],
            ['withdrawn', 2],
          ]);
    const seq = (sequence.get(`${procedure.agency.code}|${day}`) ?? 0) + 1;
    sequence.set(`${procedure.agency.code}|${day}`, seq);
    const receiptCode = `${procedure.agency.receiptPrefix}-${yyMMdd(receivedAt)}-${String(seq).padStart(4, '0')}`;
    planned.push({
      procedure,
      channel,
      receivedAt,
      dueAt,
      outcome,
      supplementDays: outcome !== 'refused' && random.chance(0.1) ? random.int(1, 5) : 0,
      pin: i === 0 ? DEMO.sampleDossier.pin : String(random.int(0, 999_999)).padStart(6, '0'),
      receiptCode,
    });
  }
  // PINs are hashed at a low cost here (demo data, and guessing is rate-limited by the API).
  const pinHashes = await Promise.all(planned.map((p) => hashSecret(p.pin, { log2N: 10 })));

  const rows = planned.map((p, i) => {
    const shift = (base: Date, workingHours: number) => calendar.addWorkingHours(base, workingHours);
    let dueAt = p.dueAt;
    const events: { at: Date; action: string; fromStatus: number | null; toStatus: number; note?: string }[] =
      [];
    const first = p.channel === 'online' ? 1 : 2;
    events.push({
      at: p.receivedAt,
      action: p.channel === 'online' ? 'register_online' : 'receive',
      fromStatus: null,
      toStatus: first,
    });
    if (p.channel === 'online') {
      events.push({ at: shift(p.receivedAt, 1), action: 'receive', fromStatus: 1, toStatus: 2 });
    }
    let cursor = shift(p.receivedAt, p.channel === 'online' ? 2 : 1);
    let finishedAt: Date | null = null;
    let returnedAt: Date | null = null;
    let status = 2;
    let apology = false;
    if (p.outcome === 'refused') {
      events.push({
        at: cursor,
        action: 'refuse',
        fromStatus: 2,
        toStatus: 3,
        note: 'Hồ sơ không thuộc thẩm quyền',
      });
      status = 3;
      finishedAt = cursor;
      dueAt = p.dueAt;
    } else {
      events.push({ at: cursor, action: 'start_processing', fromStatus: 2, toStatus: 4 });
      status = 4;
      if (p.supplementDays > 0) {
        const from = shift(cursor, 4);
        const to = shift(from, p.supplementDays * 8);
        events.push({
          at: from,
          action: 'request_supplement',
          fromStatus: 4,
          toStatus: 5,
          note: 'Bổ sung bản sao giấy tờ',
        });
        events.push({ at: to, action: 'supplement_received', fromStatus: 5, toStatus: 4 });
        dueAt = shift(dueAt, p.supplementDays * 8);
        cursor = to;
      }
      if (p.outcome === 'withdrawn') {
        const when = shift(cursor, 4);
        events.push({ at: when, action: 'withdraw', fromStatus: 4, toStatus: 7 });
        status = 7;
        finishedAt = when;
      } else {
        const total = Math.max(1, calendar.workingHoursBetween(cursor, dueAt));
        let ready: Date;
        if (p.outcome === 'early')
          ready = shift(cursor, Math.max(1, Math.floor(total * (0.3 + random.next() * 0.5)) - 8));
        else if (p.outcome === 'on_time')
          ready = new Date(Math.max(cursor.getTime() + 3_600_000, dueAt.getTime() - 3_600_000));
        else {
          const apologyAt = shift(cursor, Math.max(1, total - 8));
          events.push({
            at: apologyAt,
            action: 'apologize',
            fromStatus: 4,
            toStatus: 4,
            note: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)',
          });
          apology = true;
          ready = shift(dueAt, random.int(1, 5) * 8);
        }
        if (ready.getTime() <= cursor.getTime()) ready = shift(cursor, 1);
        events.push({ at: ready, action: 'result_ready', fromStatus: 4, toStatus: 9 });
        returnedAt = shift(ready, random.int(1, 12));
        events.push({ at: returnedAt, action: 'return_result', fromStatus: 9, toStatus: 10 });
        status = 10;
        finishedAt = ready;
      }
    }
    return {
      planned: p,
      events,
      row: {
        provinceUnitId: provinceId,
        receiptCode: p.receiptCode,
        pinHash: pinHashes[i]!,
        agencyId: p.procedure.agency.id,
        procedureId: p.procedure.id,
        channel: p.channel,
        status,
        receivedAt: p.receivedAt,
        dueAt,
        finishedAt,
        returnedAt,
        pausedHours: p.supplementDays * 8,
        supplementRequested: p.supplementDays > 0,
        apologyIssued: apology,
        paidOnline: p.channel === 'online' && random.chance(0.4),
        digitised: random.chance(0.6),
        electronicResult: p.channel === 'online' && random.chance(0.5),
        syncedNational: random.chance(0.95),
        isDemo: true,
      },
    };
  });

  await insertInChunks(rows, 500, async (chunk) => {
    const inserted = await trx
      .insertInto('dossier')
      .values(chunk.map((r) => r.row))
      .returning(['id', 'receiptCode'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.receiptCode, r.id]));
    const events = chunk.flatMap((r) =>
      r.events.map((e) => ({
        provinceUnitId: provinceId,
        dossierId: idOf.get(r.row.receiptCode)!,
        at: e.at,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note ?? null,
      })),
    );
    await insertInChunks(events, 1000, (part) => trx.insertInto('dossierEvent').values(part).execute());
  });
  await insertInChunks([...sequence.entries()], 1000, (part) =>
    trx
      .insertInto('receiptSequence')
      .values(
        part.map(([key, lastValue]) => {
          const [code, day] = key.split('|') as [string, string];
          return {
            provinceUnitId: provinceId,
            agencyId: procedures.find((p) => p.agency.code === code)!.agency.id,
            day,
            lastValue,
          };
        }),
      )
      .execute(),
  );

  return rows.map((r) => ({
    agencyId: r.row.agencyId,
    channel: r.row.channel,
    month: `${vnDate(r.row.receivedAt).slice(0, 7)}-01`,
    returned: r.row.status === 10,
  }));
}

/** Share of the people offered the demo survey who answered it (SIPAS 2019). */
export const DEMO_RESPONSE_RATE = 0.963;

/**
 * How many people were offered the survey in each cell, given how many answered: the province-wide total is
 * `round(Σ responded / rate)`, and the people who did not answer are shared out over the cells in proportion to
 * their respondents by largest remainder (ties to the earlier cell), so every cell keeps `offered ≥ responded`
 * and the overall rate stays at `rate` instead of drifting with per-cell rounding.
 */
export function distributeOffered(responded: readonly number[], rate: number): number[] {
  const total = responded.reduce((sum, n) => sum + n, 0);
  if (total === 0) return responded.map(() => 0);
  const missing = Math.round(total / rate) - total;
  const shares = responded.map((n) => (missing * n) / total);
  const extra = shares.map(Math.floor);
  let left = missing - extra.reduce((sum, n) => sum + n, 0);
  const byRemainder = shares.map((share, i) => ({ i, remainder: share - extra[i]! }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    extra[i] = extra[i]! + 1;
    left -= 1;
  }
  return responded.map((n, i) => n + extra[i]!);
}

async function seedSurvey(
  trx: Trx,
  random: SeededRandom,
  provinceId: string,
  dossiers: SeededDossier[],
): Promise<{ campaignId: string; responses: number }> {
  const instrument = await trx
    .selectFrom('instrument')
    .select('id')
    .where('code', '=', SIPAS_2017.code)
    .where('version', '=', SIPAS_2017.version)
    .executeTakeFirstOrThrow(() => new Error('Built-in instruments must be registered before demo data'));
  const campaign = await trx
    .insertInto('campaign')
    .values({
      code: DEMO.campaignCode,
      instrumentId: instrument.id,
      ownerUnitId: provinceId,
      nameVi: 'Khảo sát SIPAS 2019 tỉnh Bắc Kạn (dữ liệu mẫu)',
      nameEn: 'SIPAS 2019 survey, Bắc Kạn (demo data)',
      mode: 'sample',
      startsOn: `${DEMO.year}-01-01`,
      endsOn: `${DEMO.year}-12-31`,
      status: 'closed',
      isDemo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('campaignScope').values({ campaignId: campaign.id, unitId: provinceId }).execute();

  // Respondents are people whose dossier was returned: each response borrows the agency, month and channel of a
  // returned dossier, so coverage (served → offered → responded) is consistent.
  const returned = dossiers.filter((d) => d.returned);
  const responses = buildSeedCaseResponses();
  const rows = responses.map((response, i) => {
    const dossier = returned[Math.floor((i * returned.length) / responses.length)]!;
    const channel: ResponseChannel =
      dossier.channel === 'online' ? 'online' : dossier.channel === 'postal' ? 'postal' : 'in_person';
    const answers = [...response.answers];
    const payload = JSON.stringify({ answers, channel });
    return {
      provinceUnitId: provinceId,
      campaignId: campaign.id,
      instrumentId: instrument.id,
      unitId: provinceId,
      agencyId: dossier.agencyId,
      periodMonth: dossier.month,
      channel,
      source: 'demo' as const,
      answers,
      gender: random.weighted([
        ['female', 48],
        ['male', 51],
        ['other', 1],
      ] as const),
      ageBand: random.weighted([
        ['18-24', 10],
        ['25-34', 27],
        ['35-44', 28],
        ['45-59', 25],
        ['60+', 10],
      ] as const),
      education: random.weighted([
        ['primary', 12],
        ['secondary', 38],
        ['vocational', 18],
        ['university', 32],
      ] as const),
      idempotencyKey: `demo-sipas-${DEMO.year}-${String(i + 1).padStart(5, '0')}`,
      payloadHash: createHash('sha256').update(payload).digest(),
      submittedAt: new Date(`${dossier.month.slice(0, 7)}-15T09:00:00+07:00`),
      isDemo: true,
    };
  });
  await insertInChunks(rows, 500, (chunk) => trx.insertInto('surveyResponse').values(chunk).execute());
  await rebuildSurveyRollups(trx, SIPAS_2017, campaign.id);

  // Coverage: dossiers served per cell, and the sample offered the survey (about 96% answered, as in 2019).
  const served = new Map<string, number>();
  for (const d of returned) {
    const channel = d.channel === 'online' ? 'online' : d.channel === 'postal' ? 'postal' : 'in_person';
    const key = `${d.agencyId}|${d.month}|${channel}`;
    served.set(key, (served.get(key) ?? 0) + 1);
  }
  const cells = await trx
    .selectFrom('surveyRollupCell')
    .select(['id', 'agencyId', 'periodMonth', 'channel', 'responded'])
    .where('campaignId', '=', campaign.id)
    .orderBy('id')
    .execute();
  const offered = distributeOffered(
    cells.map((cell) => cell.responded),
    DEMO_RESPONSE_RATE,
  );
  for (const [i, cell] of cells.entries()) {
    const servedHere = served.get(`${cell.agencyId}|${cell.periodMonth}|${cell.channel}`) ?? 0;
    await trx
      .updateTable('surveyRollupCell')
      .set({ served: Math.max(servedHere, offered[i]!), offered: offered[i]! })
      .where('provinceUnitId', '=', provinceId)
      .where('id', '=', cell.id)
      .execute();
  }
  await sql`analyze dossier, dossier_event, survey_response`.execute(trx);
  return { campaignId: campaign.id, responses: rows.length };
}
