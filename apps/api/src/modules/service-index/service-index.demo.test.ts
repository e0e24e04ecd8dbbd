import { createTestDatabase } from '@chiso/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';

// The demo province (Bắc Kạn, 2019 map): 19 agencies, 273 procedures, 3000 dossiers with events, a sample survey.
const { db } = await createTestDatabase({ demo: true });
const province = await db
  .selectFrom('administrativeUnit')
  .select('id')
  .where('code', '=', '06')
  .where('levelCode', '=', 'PROVINCE')
  .where('validTo', 'is not', null)
  .executeTakeFirstOrThrow();

describe('serviceIndex on the demo province', () => {
  it('scores 2019 from real dossiers and catalog: a total in [0, 100] with all five groups', async () => {
    let statements = 0;
    const counted = await createTestApi(
      db.withPlugin({
        transformQuery: ({ node }) => {
          statements++;
          return node;
        },
        transformResult: async ({ result }) => result,
      }),
    );
    const { data, errors } = await counted.query(
      `query($u: ID!) { serviceIndex(unitId: $u, period: YEAR, date: "2019-06-15") {
        __typename ... on Error { message }
        ... on ServiceIndex { from to total band groups { code points max indicators { code numerator denominator applicable } } }
      } }`,
      { u: encodeGlobalID('AdministrativeUnit', province.id) },
    );
    expect(errors).toBeUndefined();
    const index = data.serviceIndex;
    expect(index.__typename).toBe('ServiceIndex');
    expect(index).toMatchObject({ from: '2019-01-01', to: '2019-12-31' });
    expect(index.groups.map((g: { code: string }) => g.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(index.total).toBeGreaterThanOrEqual(0);
    expect(index.total).toBeLessThanOrEqual(100);
    expect(index.band).toBeTruthy();
    const byCode = new Map(
      index.groups.flatMap((g: { indicators: { code: string }[] }) => g.indicators.map((i) => [i.code, i])),
    );
    expect(byCode.get('1.2')).toMatchObject({ denominator: 3000, applicable: true });
    expect(byCode.get('4.1')).toMatchObject({ denominator: 273, applicable: true });
    // 1.1: every demo procedure was announced again in 2019 (the last deadline is 17 December); those made public
    // three days after the decision are on time, the ones made public two weeks later are not.
    const published = await db
      .selectFrom('procedure')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('isDemo', '=', true)
      .where(sql<boolean>`published_on - announced_on = 3`)
      .executeTakeFirstOrThrow();
    expect(Number(published.n)).toBeGreaterThan(200);
    expect(byCode.get('1.1')).toMatchObject({
      numerator: Number(published.n),
      denominator: 273,
      applicable: true,
    });
    for (const group of index.groups.slice(0, 4)) expect(group.points).toBeGreaterThan(0);
    // Aggregated in SQL: a handful of statements plus each agency's working calendar (for the working hours of
    // group 2), never one per dossier.
    const agencies = await db.selectFrom('agency').select('id').execute();
    expect(statements).toBeLessThanOrEqual(10 + 2 * agencies.length);
  });
});
