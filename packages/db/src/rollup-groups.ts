import {
  countsFromRows,
  type Instrument,
  instrumentLayout,
  OVERALL_CODE,
  type ResponseCounts,
} from '@chiso/scoring';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { RollupFilter } from './rollups.js';
import type { Database } from './schema.js';

/** What rollup cells can be grouped by: columns of the cell key, or calendar buckets of its month. */
export type RollupGroupKey = 'province' | 'unit' | 'agency' | 'channel' | 'month' | 'quarter' | 'year';

const GROUP_EXPRESSIONS: Record<RollupGroupKey, RawBuilder<string>> = {
  province: sql`province_unit_id::text`,
  unit: sql`unit_id::text`,
  agency: sql`coalesce(agency_id::text, '')`,
  channel: sql`channel`,
  month: sql`to_char(period_month, 'YYYY-MM')`,
  quarter: sql`to_char(period_month, 'YYYY-"Q"Q')`,
  year: sql`to_char(period_month, 'YYYY')`,
};

export interface RollupGroupFilter extends RollupFilter {
  /** Cells owned by these provinces (the distribution column). */
  provinceUnitIds?: string[];
}

/** One group of cells: its key values (in `groupBy` order; '' for a cell without agency), counts and coverage. */
export interface RollupGroup {
  key: string[];
  counts: ResponseCounts;
  served: number;
  offered: number;
  responded: number;
}

function byGroup<T extends { g: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.g);
    if (group) group.push(row);
    else groups.set(row.g, [row]);
  }
  return groups;
}

function where(filter: RollupGroupFilter) {
  const conditions = [sql`true`];
  const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`));
  const none = (values: string[] | undefined) => values !== undefined && values.length === 0;
  if (
    none(filter.campaignIds) ||
    none(filter.unitIds) ||
    none(filter.agencyIds) ||
    none(filter.channels) ||
    none(filter.provinceUnitIds)
  ) {
    return sql`false`;
  }
  if (filter.campaignIds) conditions.push(sql`campaign_id in (${list(filter.campaignIds)})`);
  if (filter.provinceUnitIds) conditions.push(sql`province_unit_id in (${list(filter.provinceUnitIds)})`);
  if (filter.unitIds) conditions.push(sql`unit_id in (${list(filter.unitIds)})`);
  if (filter.agencyIds) conditions.push(sql`agency_id in (${list(filter.agencyIds)})`);
  if (filter.fromMonth) conditions.push(sql`period_month >= ${filter.fromMonth}::date`);
  if (filter.toMonth) conditions.push(sql`period_month <= ${filter.toMonth}::date`);
  if (filter.channels) conditions.push(sql`channel in (${list(filter.channels)})`);
  return sql.join(conditions, sql` and `);
}

/**
 * `readRollupCounts` per group: sums the rollups matching `filter` into one `ResponseCounts` per distinct
 * value of `groupBy` (e.g. per agency, per month, per province), with the coverage counts of the group's cells.
 * Three grouped queries over the cells, their item counts and their moments, whatever the number of groups;
 * raw responses are never read. Groups come back ordered by key.
 */
export async function readRollupCountsByGroup(
  db: Kysely<Database>,
  instrument: Instrument,
  filter: RollupGroupFilter,
  groupBy: readonly RollupGroupKey[],
): Promise<RollupGroup[]> {
  if (groupBy.length === 0) throw new RangeError('groupBy needs at least one key');
  const groupKey = sql.join(
    groupBy.map((key) => GROUP_EXPRESSIONS[key]),
    sql` || '|' || `,
  );
  const cells = sql`
    select province_unit_id, id, ${groupKey} as g, served, offered, responded
    from survey_rollup_cell where ${where(filter)}
  `;
  const [coverage, itemLevels, moments] = await Promise.all([
    sql<{ g: string; served: string; offered: string; responded: string }>`
      with c as (${cells})
      select g, sum(served) as served, sum(offered) as offered, sum(responded) as responded
      from c group by g order by g
    `.execute(db),
    sql<{ g: string; ordinal: number; level: number; count: string; wsum: number; wsq: number }>`
      with c as (${cells})
      select c.g, r.item_ordinal as ordinal, r.level, sum(r.count) as count,
        sum(r.weight_sum) as wsum, sum(r.weight_square_sum) as wsq
      from survey_rollup_count r join c on c.province_unit_id = r.province_unit_id and c.id = r.cell_id
      group by c.g, r.item_ordinal, r.level
    `.execute(db),
    sql<{
      g: string;
      ordinal: number;
      n: string;
      s: number;
      ss: number;
      ws: number;
      wxs: number;
      wxss: number;
      wsq: number;
    }>`
      with c as (${cells})
      select c.g, r.dimension_ordinal as ordinal, sum(r.n) as n, sum(r.sum) as s, sum(r.sum_squares) as ss,
        sum(r.weight_sum) as ws, sum(r.weighted_sum) as wxs, sum(r.weighted_sum_squares) as wxss,
        sum(r.weight_square_sum) as wsq
      from survey_rollup_moment r join c on c.province_unit_id = r.province_unit_id and c.id = r.cell_id
      group by c.g, r.dimension_ordinal
    `.execute(db),
  ]);

  const { itemCodes } = instrumentLayout(instrument);
  const itemRows = byGroup(itemLevels.rows);
  const momentRows = byGroup(moments.rows);
  return coverage.rows.map((group) => ({
    key: group.g.split('|'),
    served: Number(group.served),
    offered: Number(group.offered),
    responded: Number(group.responded),
    counts: countsFromRows(instrument, {
      responses: Number(group.responded),
      itemLevels: (itemRows.get(group.g) ?? []).map((r) => ({
        itemCode: itemCodes[r.ordinal]!,
        level: r.level,
        count: Number(r.count),
        weightSum: Number(r.wsum),
        weightSquareSum: Number(r.wsq),
      })),
      moments: (momentRows.get(group.g) ?? []).map((r) => ({
        dimensionCode: r.ordinal === -1 ? OVERALL_CODE : instrument.dimensions[r.ordinal]!.code,
        n: Number(r.n),
        sum: Number(r.s),
        sumSquares: Number(r.ss),
        weightSum: Number(r.ws),
        weightedSum: Number(r.wxs),
        weightedSumSquares: Number(r.wxss),
        weightSquareSum: Number(r.wsq),
      })),
    }),
  }));
}
