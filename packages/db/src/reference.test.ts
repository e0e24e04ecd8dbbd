import { createTestDatabase } from '@chiso/testing';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { loadReferenceData } from './reference.js';

const { db } = await createTestDatabase();

async function tableCounts() {
  const result = await sql<{ units: number; successions: number; published: number; regions: number }>`
    select (select count(*)::int from administrative_unit) as units,
           (select count(*)::int from unit_succession) as successions,
           (select count(*)::int from published_index_result) as published,
           (select count(*)::int from region) as regions
  `.execute(db);
  return result.rows[0];
}

describe('reference data', () => {
  test('the 63 provinces of 2008–2025 and the 34 of 2025 are loaded with their succession', async () => {
    const before = await db
      .selectFrom('administrativeUnit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('levelCode', '=', 'PROVINCE')
      .where('validFrom', '<=', '2019-12-31')
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', '2019-12-31')]))
      .executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(63);
    const after = await db
      .selectFrom('administrativeUnit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('validFrom', '<=', '2025-07-01')
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', '2025-07-01')]))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(34);

    const bacKan = await db
      .selectFrom('unitSuccession as s')
      .innerJoin('administrativeUnit as p', 'p.id', 's.predecessorId')
      .innerJoin('administrativeUnit as n', 'n.id', 's.successorId')
      .select(['n.code', 'n.nameVi', 's.kind', 'p.regionCode'])
      .where('p.code', '=', '06')
      .executeTakeFirstOrThrow();
    expect(bacKan).toEqual({ code: '19', nameVi: 'Thái Nguyên', kind: 'merged', regionCode: 'TDMNPB' });
    expect((await tableCounts())?.successions).toBe(63);
  });

  test('loading again changes nothing', async () => {
    const first = await tableCounts();
    await loadReferenceData(db);
    await loadReferenceData(db);
    expect(await tableCounts()).toEqual(first);
  });

  test('the verified seed figure is there: Bắc Kạn 2019 SIPAS 85.16%, rank 32 of 63', async () => {
    const row = await db
      .selectFrom('publishedIndexResult')
      .select(['valuePct', 'rank', 'ofUnits'])
      .where('indexCode', '=', 'SIPAS')
      .where('year', '=', 2019)
      .where('unitCode', '=', '06')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ valuePct: '85.16', rank: 32, ofUnits: 63 });
  });
});
