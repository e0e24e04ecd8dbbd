import { SIPAS_2017, scoreCounts, scoreResponses } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { readRollupCounts } from '../rollups.js';
import {
  DEMO,
  DEMO_RESPONSE_RATE,
  type DemoSummary,
  distributeOffered,
  seedDemoData,
  seedDemoDataIfEmpty,
} from './seed.js';

const { db } = await createTestDatabase();
let summary: DemoSummary;

async function rowCounts() {
  const result = await sql<Record<string, number>>`
    select (select count(*)::int from agency) as agencies,
           (select count(*)::int from procedure) as procedures,
           (select count(*)::int from procedure_document) as documents,
           (select count(*)::int from dossier) as dossiers,
           (select count(*)::int from dossier_event) as events,
           (select count(*)::int from survey_response) as responses,
           (select count(*)::int from survey_rollup_count) as rollup_counts,
           (select coalesce(sum(count), 0)::int from survey_rollup_count) as rollup_answers
  `.execute(db);
  return result.rows[0]!;
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

beforeAll(async () => {
  summary = await seedDemoData(db);
}, 120_000);

describe('demo data', () => {
  test('one province: a service center with 18 agencies, a few hundred procedures, a year of dossiers', async () => {
    const agencies = await db
      .selectFrom('agency')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('parentId', 'is not', null)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(Object.fromEntries(agencies.map((a) => [a.kind, Number(a.n)]))).toEqual({
      central_vertical: 2,
      department: 15,
      enterprise: 1,
    });
    expect(summary.procedures).toBeGreaterThanOrEqual(200);
    expect(summary.dossiers).toBe(DEMO.dossierCount);
    const channels = await db.selectFrom('dossier').select('channel').distinct().execute();
    expect(channels.map((c) => c.channel).sort()).toEqual(['in_person', 'online', 'postal']);
    const statuses = await db.selectFrom('dossier').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort((a, b) => a - b)).toEqual([3, 7, 10]);
    const notDemo = await db.selectFrom('dossier').select('id').where('isDemo', '=', false).execute();
    expect(notDemo).toEqual([]);
  });

  test('birth registration: a commune-level civil status procedure of the justice department, found without diacritics', async () => {
    const procedure = await db
      .selectFrom('procedure')
      .innerJoin('procedureField', 'procedureField.id', 'procedure.fieldId')
      .select([
        'procedure.id',
        'procedure.code',
        'procedure.level',
        'procedure.legalBasis',
        'procedure.searchText',
      ])
      .select('procedureField.nameVi as field')
      .where('procedure.nameVi', '=', 'Đăng ký khai sinh')
      .executeTakeFirstOrThrow();
    expect(procedure).toMatchObject({ code: 'BKN.STP.018', level: 'commune', field: 'Hộ tịch' });
    expect(procedure.legalBasis).toContain('Luật Hộ tịch 2014');
    expect(procedure.legalBasis).toContain('Nghị định 123/2015/NĐ-CP');
    expect(procedure.searchText).toContain('khai sinh');
    const cases = await db
      .selectFrom('procedureCase')
      .select('processingHours')
      .where('procedureId', '=', procedure.id)
      .orderBy('ordinal')
      .execute();
    expect(cases.map((c) => Number(c.processingHours))).toEqual([8, 24]);
    const place = await db
      .selectFrom('agencyProcedure')
      .innerJoin('agency', 'agency.id', 'agencyProcedure.agencyId')
      .select(['agency.code', 'agencyProcedure.submissionPlace'])
      .where('procedureId', '=', procedure.id)
      .executeTakeFirstOrThrow();
    expect(place.code).toBe('BKN-STP');
    expect(place.submissionPlace).toMatch(/Ủy ban nhân dân cấp xã/);
    // Received at the communes, not at the provincial center: none of the center's demo dossiers.
    const dossiers = await db
      .selectFrom('dossier')
      .select('id')
      .where('procedureId', '=', procedure.id)
      .execute();
    expect(dossiers).toEqual([]);
  });

  test('the documented sample dossier exists', async () => {
    const dossier = await db
      .selectFrom('dossier')
      .select(['receiptCode', 'status', 'receivedAt'])
      .where('receiptCode', '=', DEMO.sampleDossier.receiptCode)
      .executeTakeFirstOrThrow();
    expect(dossier.status).toBe(10);
  });

  test('dossier events are append-only', async () => {
    await expect(sql`update dossier_event set note = 'x' where true`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from dossier_event`.execute(db)).rejects.toThrow(/append-only/);
  });

  test('the 2019 survey reproduces the published figures of the seed case, from rollups and from raw rows', async () => {
    const counts = await readRollupCounts(db, SIPAS_2017, { campaignIds: [summary.campaignId] });
    const fromRollups = scoreCounts(SIPAS_2017, counts);
    const raw = await db
      .selectFrom('surveyResponse')
      .select(['answers'])
      .where('campaignId', '=', summary.campaignId)
      .execute();
    const fromRaw = scoreResponses(SIPAS_2017, raw);

    for (const result of [fromRollups, fromRaw]) {
      expect(round2(result.value)).toBe(85.16);
      const factor2 = result.dimensions.find((d) => d.code === '2')!;
      expect(round2(factor2.value)).toBe(90.26);
      expect(Math.max(...result.dimensions.map((d) => d.value ?? 0))).toBe(factor2.value);
      const items = new Map(result.items.map((i) => [i.code, i.value ?? 0]));
      expect(round2(items.get('2.3')!)).toBe(91.25);
      expect(round2(items.get('5.3')!)).toBe(68.18);
      expect(Math.max(...items.values())).toBe(items.get('2.3'));
      expect(Math.min(...items.values())).toBe(items.get('5.3'));
    }
    expect(fromRollups.n).toBe(fromRaw.n);
    expect(fromRollups.value).toBeCloseTo(fromRaw.value!, 9);
  });

  test('coverage counts are consistent: served ≥ offered ≥ responded', async () => {
    const cells = await db
      .selectFrom('surveyRollupCell')
      .select(['served', 'offered', 'responded'])
      .where('campaignId', '=', summary.campaignId)
      .execute();
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.offered).toBeGreaterThanOrEqual(cell.responded);
      expect(cell.served).toBeGreaterThanOrEqual(cell.offered);
    }
    const responded = cells.reduce((n, c) => n + c.responded, 0);
    expect(responded).toBe(summary.responses);
    // The province-level response rate is the 2019 rate, not inflated by per-cell rounding.
    const offered = cells.reduce((n, c) => n + c.offered, 0);
    expect(responded / offered).toBeCloseTo(DEMO_RESPONSE_RATE, 3);
  });

  test('offered counts share the non-respondents out by largest remainder', () => {
    expect(distributeOffered([1, 1, 1], 0.5)).toEqual([2, 2, 2]);
    expect(distributeOffered([10, 1, 1, 1], 0.8)).toEqual([13, 1, 1, 1]);
    expect(distributeOffered([0, 0], 0.9)).toEqual([0, 0]);
    const offered = distributeOffered([5, 0, 3, 1, 1], 0.963);
    expect(offered.reduce((a, b) => a + b, 0)).toBe(Math.round(10 / 0.963));
    expect(offered.every((n, i) => n >= [5, 0, 3, 1, 1][i]!)).toBe(true);
  });

  test('seeding again changes nothing', async () => {
    const before = await rowCounts();
    expect(await seedDemoDataIfEmpty(db)).toBe(false);
    await expect(seedDemoData(db)).rejects.toThrow(/already loaded/);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('demo accounts', () => {
  test('one demo user per role, scoped to the demo province or its Department of Justice', async () => {
    const rows = await db
      .selectFrom('appUser')
      .innerJoin('userRole', 'userRole.userId', 'appUser.id')
      .leftJoin('agency', 'agency.id', 'userRole.agencyId')
      .select([
        'appUser.email',
        'appUser.isDemo',
        'appUser.passwordHash',
        'userRole.roleCode',
        'userRole.unitId',
        'agency.code',
      ])
      .orderBy('appUser.id')
      .execute();
    expect(rows.map((r) => [r.email, r.roleCode, r.code ?? (r.unitId ? 'unit' : null)])).toEqual([
      ['admin@demo.chiso.vn', 'system_admin', null],
      ['tinh@demo.chiso.vn', 'unit_admin', 'unit'],
      ['motcua.stp@demo.chiso.vn', 'officer', 'BKN-STP'],
      ['phantich@demo.chiso.vn', 'analyst', 'unit'],
      ['lanhdao@demo.chiso.vn', 'leader', 'unit'],
    ]);
    expect(rows.every((r) => r.isDemo && r.passwordHash.startsWith('$argon2id$'))).toBe(true);
    expect(DEMO.users).toHaveLength(5);
  });
});
