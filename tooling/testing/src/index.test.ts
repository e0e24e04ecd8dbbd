import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './index.js';

const [plainA, plainB, demoA, demoB] = await Promise.all([
  createTestDatabase(),
  createTestDatabase(),
  createTestDatabase({ demo: true }),
  createTestDatabase({ demo: true }),
]);

async function counts({ db }: TestDatabase) {
  const { rows } = await sql<{ agencies: number; units: number }>`
    select (select count(*)::int from agency) as agencies, (select count(*)::int from administrative_unit) as units
  `.execute(db);
  return rows[0];
}

describe('test databases', () => {
  test('a plain one has reference data and nothing else; each is its own', async () => {
    expect(plainA.name).not.toBe(plainB.name);
    expect(await counts(plainA)).toEqual({ agencies: 0, units: 97 });
    await plainA.db
      .insertInto('region')
      .values({ code: 'X', scheme: 'test', nameVi: 'x', nameEn: 'x' })
      .execute();
    expect(await plainB.db.selectFrom('region').select('code').where('code', '=', 'X').execute()).toEqual([]);
  });

  test('a demo one is cloned from a template seeded once per run', async () => {
    expect(await counts(demoA)).toEqual({ agencies: 19, units: 97 });
    expect(await counts(demoB)).toEqual({ agencies: 19, units: 97 });
    await demoA.db.deleteFrom('agencyProcedure').execute();
    expect(
      Number(
        (
          await demoB.db
            .selectFrom('agencyProcedure')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(200);
  });
});
