import { SIPAS_2017 } from '@chiso/scoring';
import { createTestDatabase } from '@chiso/testing';
import { type RawBuilder, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { DEMO } from './demo/seed.js';
import { migrateTo, migrateToLatest } from './migrate.js';
import { groupedRollupChanges, writeRollups } from './rollups.js';

const { db } = await createTestDatabase({ demo: true });

/** Every rollup figure of the demo campaign per key, slots summed (readable with or without the slot column). */
async function figures(campaignId: string) {
  const cellKey = sql`c.province_unit_id, c.unit_id, c.agency_id, c.period_month, c.channel, c.flagged`;
  const marginKey = sql`m.province_unit_id, m.unit_id, m.period_month, m.attribute, m.value, m.flagged`;
  const rows = async (query: RawBuilder<unknown>) => (await query.execute(db)).rows;
  return {
    cells: await rows(sql`
      select ${cellKey}, sum(served)::int as served, sum(offered)::int as offered, sum(responded)::int as responded
      from survey_rollup_cell c where campaign_id = ${campaignId} group by ${cellKey} order by ${cellKey}`),
    counts: await rows(sql`
      select ${cellKey}, item_ordinal, level, sum(count)::int as count, round(sum(weight_sum)::numeric, 6)::text as w
      from survey_rollup_count r join survey_rollup_cell c on c.province_unit_id = r.province_unit_id and c.id = r.cell_id
      where campaign_id = ${campaignId} group by ${cellKey}, item_ordinal, level order by ${cellKey}, item_ordinal, level`),
    moments: await rows(sql`
      select ${cellKey}, dimension_ordinal, sum(n)::int as n, round(sum(sum)::numeric, 6)::text as s,
        round(sum(sum_squares)::numeric, 6)::text as ss
      from survey_rollup_moment r join survey_rollup_cell c on c.province_unit_id = r.province_unit_id and c.id = r.cell_id
      where campaign_id = ${campaignId} group by ${cellKey}, dimension_ordinal order by ${cellKey}, dimension_ordinal`),
    margins: await rows(sql`
      select ${marginKey}, sum(responded)::int as responded
      from survey_rollup_margin m where campaign_id = ${campaignId} group by ${marginKey} order by ${marginKey}`),
    marginCounts: await rows(sql`
      select ${marginKey}, item_ordinal, level, sum(count)::int as count
      from survey_rollup_margin_count r
        join survey_rollup_margin m on m.province_unit_id = r.province_unit_id and m.id = r.margin_id
      where campaign_id = ${campaignId} group by ${marginKey}, item_ordinal, level
      order by ${marginKey}, item_ordinal, level`),
    marginMoments: await rows(sql`
      select ${marginKey}, dimension_ordinal, sum(n)::int as n, round(sum(weighted_sum)::numeric, 6)::text as ws
      from survey_rollup_margin_moment r
        join survey_rollup_margin m on m.province_unit_id = r.province_unit_id and m.id = r.margin_id
      where campaign_id = ${campaignId} group by ${marginKey}, dimension_ordinal
      order by ${marginKey}, dimension_ordinal`),
  };
}

describe('rollup slots migration', () => {
  test('folds every slot into one row per key on the way down, and keeps the figures both ways', async () => {
    const campaign = await db
      .selectFrom('campaign')
      .select('id')
      .where('code', '=', DEMO.campaignCode)
      .executeTakeFirstOrThrow();
    // Some of the campaign's responses counted again in slots 3 and 5, as writers on other connections would.
    const raw = await db
      .selectFrom('surveyResponse')
      .select([
        'provinceUnitId',
        'unitId',
        'agencyId',
        'periodMonth',
        'channel',
        'answers',
        'weight',
        'gender',
      ])
      .select(['ageBand', 'education', 'procedureFieldId', 'qualityFlags'])
      .where('campaignId', '=', campaign.id)
      .orderBy('id')
      .limit(60)
      .execute();
    const changes = (rows: typeof raw) =>
      groupedRollupChanges(
        SIPAS_2017,
        rows.map((r) => ({
          ...r,
          key: {
            provinceUnitId: r.provinceUnitId,
            campaignId: campaign.id,
            unitId: r.unitId,
            agencyId: r.agencyId,
            periodMonth: r.periodMonth,
            channel: r.channel,
          },
        })),
      );
    await writeRollups(db, SIPAS_2017, changes(raw.slice(0, 40)), sql<number>`3::smallint`);
    await writeRollups(db, SIPAS_2017, changes(raw.slice(20)), sql<number>`5::smallint`);
    const { rows: used } = await sql<{ slot: number }>`
      select distinct slot from survey_rollup_cell where campaign_id = ${campaign.id} order by slot`.execute(
      db,
    );
    expect(used.map((r) => r.slot)).toEqual([0, 3, 5]);
    const before = await figures(campaign.id);

    await migrateTo(db, '20261128T1900_personal_data_retention');
    const { rows: perKey } = await sql<{ n: number }>`
      select max(n)::int as n from (
        select count(*) as n from survey_rollup_cell where campaign_id = ${campaign.id}
        group by province_unit_id, unit_id, agency_id, period_month, channel, flagged
        union all
        select count(*) from survey_rollup_margin where campaign_id = ${campaign.id}
        group by province_unit_id, unit_id, period_month, attribute, value, flagged
      ) k`.execute(db);
    expect(perKey[0]!.n).toBe(1);
    expect(await figures(campaign.id)).toEqual(before);

    await migrateToLatest(db);
    const { rows: slots } = await sql<{ slot: number }>`
      select distinct slot from survey_rollup_cell union select distinct slot from survey_rollup_margin`.execute(
      db,
    );
    expect(slots).toEqual([{ slot: 0 }]);
    expect(await figures(campaign.id)).toEqual(before);
  });
});
