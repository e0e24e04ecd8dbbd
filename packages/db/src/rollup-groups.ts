import {
  countsFromRows,
  type Instrument,
  instrumentLayout,
  OVERALL_CODE,
  type ResponseCounts,
} from '@chiso/scoring';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { RollupFilter } from './rollups.js';
import type { Database, MarginAttribute } from './schema.js';

/** What rollup cells can be grouped by: columns of the cell key, or calendar buckets of its month. */
export type RollupGroupKey =
  | 'province'
  | 'unit'
  | 'agency'
  | 'channel'
  | 'month'
  | 'quarter'
  | 'year'
  | 'flagged';

/** What margins can be grouped by: their attribute's value, their unit and month, whether flagged. */
export type MarginGroupKey =
  | 'province'
  | 'unit'
  | 'month'
  | 'quarter'
  | 'year'
  | 'flagged'
  | 'attribute'
  | 'value';

const COMMON_EXPRESSIONS = {
  province: sql`province_unit_id::text`,
  unit: sql`unit_id::text`,
  month: sql`to_char(period_month, 'YYYY-MM')`,
  quarter: sql`to_char(period_month, 'YYYY-"Q"Q')`,
  year: sql`to_char(period_month, 'YYYY')`,
  flagged: sql`case when flagged then 'flagged' else '' end`,
};

const GROUP_EXPRESSIONS: Record<RollupGroupKey, RawBuilder<unknown>> = {
  ...COMMON_EXPRESSIONS,
  agency: sql`coalesce(agency_id::text, '')`,
  channel: sql`channel`,
};

const MARGIN_GROUP_EXPRESSIONS: Record<MarginGroupKey, RawBuilder<unknown>> = {
  ...COMMON_EXPRESSIONS,
  attribute: sql`attribute`,
  value: sql`value`,
};

export interface RollupGroupFilter extends RollupFilter {
  /** Cells owned by these provinces (the distribution column). */
  provinceUnitIds?: string[];
  /** Cells of every campaign of this instrument (a subquery, instead of listing `campaignIds`). */
  instrumentId?: string;
}

/** Which margins to read: an attribute (`all` = every response) or several, optionally some values. */
export interface MarginGroupFilter {
  attribute: MarginAttribute | readonly MarginAttribute[];
  values?: string[];
  campaignIds?: string[];
  /** Margins of every campaign of this instrument (a subquery, instead of listing `campaignIds`). */
  instrumentId?: string;
  provinceUnitIds?: string[];
  unitIds?: string[];
  /** First month included, 'YYYY-MM-01'. */
  fromMonth?: string;
  /** Last month included, 'YYYY-MM-01'. */
  toMonth?: string;
  /** Only margins of flagged (true) or unflagged (false) responses; both when absent. */
  flagged?: boolean;
}

/**
 * One group: its key values (in `groupBy` order; '' for a cell without agency, 'flagged' or '' for `flagged`),
 * counts and coverage (coverage is kept on cells only: margins report 0 served and offered).
 */
export interface RollupGroup {
  key: string[];
  counts: ResponseCounts;
  served: number;
  offered: number;
  responded: number;
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));
const none = (values: readonly unknown[] | undefined) => values !== undefined && values.length === 0;

function commonConditions(filter: RollupGroupFilter | MarginGroupFilter): RawBuilder<unknown>[] {
  const conditions = [sql`true`];
  if (filter.campaignIds) conditions.push(sql`campaign_id in (${list(filter.campaignIds)})`);
  if (filter.instrumentId) {
    conditions.push(
      sql`campaign_id in (select id from campaign where instrument_id = ${filter.instrumentId})`,
    );
  }
  if (filter.provinceUnitIds) conditions.push(sql`province_unit_id in (${list(filter.provinceUnitIds)})`);
  if (filter.unitIds) conditions.push(sql`unit_id in (${list(filter.unitIds)})`);
  if (filter.fromMonth) conditions.push(sql`period_month >= ${filter.fromMonth}::date`);
  if (filter.toMonth) conditions.push(sql`period_month <= ${filter.toMonth}::date`);
  if (filter.flagged !== undefined) conditions.push(sql`flagged = ${filter.flagged}`);
  return conditions;
}

function cellWhere(filter: RollupGroupFilter) {
  if (
    [filter.campaignIds, filter.unitIds, filter.agencyIds, filter.channels, filter.provinceUnitIds].some(none)
  )
    return sql`false`;
  const conditions = commonConditions(filter);
  if (filter.agencyIds) conditions.push(sql`agency_id in (${list(filter.agencyIds)})`);
  if (filter.channels) conditions.push(sql`channel in (${list(filter.channels)})`);
  return sql.join(conditions, sql` and `);
}

function marginWhere(filter: MarginGroupFilter) {
  if ([filter.campaignIds, filter.unitIds, filter.provinceUnitIds, filter.values].some(none))
    return sql`false`;
  const conditions = commonConditions(filter);
  const attributes: readonly string[] =
    typeof filter.attribute === 'string' ? [filter.attribute] : filter.attribute;
  conditions.push(sql`attribute in (${list(attributes)})`);
  if (filter.values) conditions.push(sql`value in (${list(filter.values)})`);
  return sql.join(conditions, sql` and `);
}

/**
 * `readRollupCounts` per group: sums the rollup cells matching `filter` into one `ResponseCounts` per distinct
 * value of `groupBy` (e.g. per agency, per month, per province), with the coverage counts of the group's cells.
 * One statement whatever the number of groups; raw responses are never read. Groups come back ordered by key.
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
  return readGroups(db, instrument, {
    cells: sql`
      select province_unit_id, id, ${groupKey} as g, served, offered, responded
      from survey_rollup_cell where ${cellWhere(filter)}`,
    counts: sql`survey_rollup_count`,
    moments: sql`survey_rollup_moment`,
    cellColumn: sql`cell_id`,
  });
}

/**
 * The same over margins: one attribute's margins matching `filter`, summed per group (e.g. per value of the
 * attribute, per month, flagged apart). One statement; raw responses are never read.
 */
export async function readMarginCountsByGroup(
  db: Kysely<Database>,
  instrument: Instrument,
  filter: MarginGroupFilter,
  groupBy: readonly MarginGroupKey[],
): Promise<RollupGroup[]> {
  if (groupBy.length === 0) throw new RangeError('groupBy needs at least one key');
  const groupKey = sql.join(
    groupBy.map((key) => MARGIN_GROUP_EXPRESSIONS[key]),
    sql` || '|' || `,
  );
  return readGroups(db, instrument, {
    cells: sql`
      select province_unit_id, id, ${groupKey} as g, 0 as served, 0 as offered, responded
      from survey_rollup_margin where ${marginWhere(filter)}`,
    counts: sql`survey_rollup_margin_count`,
    moments: sql`survey_rollup_margin_moment`,
    cellColumn: sql`margin_id`,
  });
}

interface GroupRow {
  kind: 'c' | 'i' | 'm';
  g: string;
  ordinal: number | null;
  level: number | null;
  v1: number;
  v2: number;
  v3: number;
  v4: number | null;
  v5: number | null;
  v6: number | null;
  v7: number | null;
}

/**
 * Coverage, item counts and moments of the groups in one statement (one round trip): rows of kind `c`
 * (coverage), `i` (item × level) and `m` (dimension moments) share a generic column layout.
 */
async function readGroups(
  db: Kysely<Database>,
  instrument: Instrument,
  source: {
    cells: RawBuilder<unknown>;
    counts: RawBuilder<unknown>;
    moments: RawBuilder<unknown>;
    cellColumn: RawBuilder<unknown>;
  },
): Promise<RollupGroup[]> {
  const { rows } = await sql<GroupRow>`
    with c as materialized (${source.cells})
    select 'c' as kind, g, null::smallint as ordinal, null::smallint as level,
      sum(served)::float8 as v1, sum(offered)::float8 as v2, sum(responded)::float8 as v3,
      null::float8 as v4, null::float8 as v5, null::float8 as v6, null::float8 as v7
    from c group by g
    union all
    select 'i', c.g, r.item_ordinal, r.level, sum(r.count)::float8, sum(r.weight_sum), sum(r.weight_square_sum),
      null, null, null, null
    from ${source.counts} r join c on c.province_unit_id = r.province_unit_id and c.id = r.${source.cellColumn}
    group by c.g, r.item_ordinal, r.level
    union all
    select 'm', c.g, r.dimension_ordinal, null, sum(r.n)::float8, sum(r.sum), sum(r.sum_squares),
      sum(r.weight_sum), sum(r.weighted_sum), sum(r.weighted_sum_squares), sum(r.weight_square_sum)
    from ${source.moments} r join c on c.province_unit_id = r.province_unit_id and c.id = r.${source.cellColumn}
    group by c.g, r.dimension_ordinal
  `.execute(db);

  const { itemCodes } = instrumentLayout(instrument);
  const groups = new Map<string, { coverage?: GroupRow; items: GroupRow[]; moments: GroupRow[] }>();
  const groupOf = (g: string) => {
    let group = groups.get(g);
    if (!group) {
      group = { items: [], moments: [] };
      groups.set(g, group);
    }
    return group;
  };
  for (const row of rows) {
    const group = groupOf(row.g);
    if (row.kind === 'c') group.coverage = row;
    else if (row.kind === 'i') group.items.push(row);
    else group.moments.push(row);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.coverage)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([g, group]) => {
      const responded = Number(group.coverage!.v3);
      return {
        key: g.split('|'),
        served: Number(group.coverage!.v1),
        offered: Number(group.coverage!.v2),
        responded,
        counts: countsFromRows(instrument, {
          responses: responded,
          itemLevels: group.items.map((r) => ({
            itemCode: itemCodes[r.ordinal!]!,
            level: r.level!,
            count: Number(r.v1),
            weightSum: Number(r.v2),
            weightSquareSum: Number(r.v3),
          })),
          moments: group.moments.map((r) => ({
            dimensionCode: r.ordinal === -1 ? OVERALL_CODE : instrument.dimensions[r.ordinal!]!.code,
            n: Number(r.v1),
            sum: Number(r.v2),
            sumSquares: Number(r.v3),
            weightSum: Number(r.v4),
            weightedSum: Number(r.v5),
            weightedSumSquares: Number(r.v6),
            weightSquareSum: Number(r.v7),
          })),
        }),
      };
    });
}
