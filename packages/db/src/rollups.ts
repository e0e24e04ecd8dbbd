import {
  countResponses,
  countsFromRows,
  countsToRows,
  type Instrument,
  instrumentLayout,
  OVERALL_CODE,
  type ResponseCounts,
} from '@chiso/scoring';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** The key of one rollup cell: a campaign's responses for one unit, agency, month and channel. */
export interface RollupCellKey {
  provinceUnitId: string;
  campaignId: string;
  unitId: string;
  agencyId: string | null;
  periodMonth: string;
  channel: string;
}

/** Finds or creates a rollup cell; returns its id. */
export async function rollupCellId(db: Kysely<Database>, key: RollupCellKey): Promise<string> {
  const row = await db
    .insertInto('surveyRollupCell')
    .values(key)
    .onConflict((oc) =>
      oc
        .columns(['provinceUnitId', 'campaignId', 'unitId', 'agencyId', 'periodMonth', 'channel'])
        .doUpdateSet({ responded: (eb) => eb.ref('surveyRollupCell.responded') }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds `counts` (from `countResponses`) to a rollup cell: answers per item and level, moments per dimension
 * (ordinal −1 = overall) and the number of respondents. Run it in the transaction that stores the responses, so
 * rollups and raw rows never disagree.
 */
export async function addToRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  key: RollupCellKey,
  counts: ResponseCounts,
): Promise<void> {
  const cellId = await rollupCellId(db, key);
  const { provinceUnitId } = key;
  const rows = countsToRows(counts);
  const { itemCodes } = instrumentLayout(instrument);
  const itemOrdinal = new Map(itemCodes.map((code, i) => [code, i]));
  const dimensionOrdinal = new Map(instrument.dimensions.map((d, i) => [d.code, i]));

  if (rows.itemLevels.length > 0) {
    await db
      .insertInto('surveyRollupCount')
      .values(
        rows.itemLevels.map((r) => ({
          provinceUnitId,
          cellId,
          itemOrdinal: itemOrdinal.get(r.itemCode)!,
          level: r.level,
          count: r.count,
          weightSum: r.weightSum,
          weightSquareSum: r.weightSquareSum,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['provinceUnitId', 'cellId', 'itemOrdinal', 'level']).doUpdateSet({
          count: sql`survey_rollup_count.count + excluded.count`,
          weightSum: sql`survey_rollup_count.weight_sum + excluded.weight_sum`,
          weightSquareSum: sql`survey_rollup_count.weight_square_sum + excluded.weight_square_sum`,
        }),
      )
      .execute();
  }
  await db
    .insertInto('surveyRollupMoment')
    .values(
      rows.moments.map(({ dimensionCode, ...m }) => ({
        provinceUnitId,
        cellId,
        dimensionOrdinal: dimensionCode === OVERALL_CODE ? -1 : dimensionOrdinal.get(dimensionCode)!,
        n: m.n,
        sum: m.sum,
        sumSquares: m.sumSquares,
        weightSum: m.weightSum,
        weightedSum: m.weightedSum,
        weightedSumSquares: m.weightedSumSquares,
        weightSquareSum: m.weightSquareSum,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['provinceUnitId', 'cellId', 'dimensionOrdinal']).doUpdateSet({
        n: sql`survey_rollup_moment.n + excluded.n`,
        sum: sql`survey_rollup_moment.sum + excluded.sum`,
        sumSquares: sql`survey_rollup_moment.sum_squares + excluded.sum_squares`,
        weightSum: sql`survey_rollup_moment.weight_sum + excluded.weight_sum`,
        weightedSum: sql`survey_rollup_moment.weighted_sum + excluded.weighted_sum`,
        weightedSumSquares: sql`survey_rollup_moment.weighted_sum_squares + excluded.weighted_sum_squares`,
        weightSquareSum: sql`survey_rollup_moment.weight_square_sum + excluded.weight_square_sum`,
      }),
    )
    .execute();
  await db
    .updateTable('surveyRollupCell')
    .set({ responded: sql`responded + ${counts.responses}` })
    .where('provinceUnitId', '=', provinceUnitId)
    .where('id', '=', cellId)
    .execute();
}

/**
 * Recomputes a campaign's rollups from its raw responses (the source of truth), cell by cell, with the same
 * `countResponses` that maintains them on submission. Coverage counts (served, offered) are kept. Runs in one
 * transaction (the caller's, when given one).
 */
export async function rebuildSurveyRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  campaignId: string,
): Promise<{ cells: number; responses: number }> {
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const cells = trx.selectFrom('surveyRollupCell').select('id').where('campaignId', '=', campaignId);
    await trx.deleteFrom('surveyRollupCount').where('cellId', 'in', cells).execute();
    await trx.deleteFrom('surveyRollupMoment').where('cellId', 'in', cells).execute();
    await trx
      .updateTable('surveyRollupCell')
      .set({ responded: 0 })
      .where('campaignId', '=', campaignId)
      .execute();

    const keys = await trx
      .selectFrom('surveyResponse')
      .select(['provinceUnitId', 'campaignId', 'unitId', 'agencyId', 'periodMonth', 'channel'])
      .where('campaignId', '=', campaignId)
      .groupBy(['provinceUnitId', 'campaignId', 'unitId', 'agencyId', 'periodMonth', 'channel'])
      .execute();
    let responses = 0;
    for (const key of keys) {
      const raw = await trx
        .selectFrom('surveyResponse')
        .select(['answers', 'weight'])
        .where('provinceUnitId', '=', key.provinceUnitId)
        .where('campaignId', '=', key.campaignId)
        .where('unitId', '=', key.unitId)
        .where((eb) =>
          key.agencyId === null ? eb('agencyId', 'is', null) : eb('agencyId', '=', key.agencyId),
        )
        .where('periodMonth', '=', key.periodMonth)
        .where('channel', '=', key.channel)
        .execute();
      responses += raw.length;
      await addToRollups(trx, instrument, key, countResponses(instrument, raw));
    }
    return { cells: keys.length, responses };
  });
}

export interface RollupFilter {
  campaignIds?: string[];
  unitIds?: string[];
  agencyIds?: string[];
  /** First month included, 'YYYY-MM-01'. */
  fromMonth?: string;
  /** Last month included, 'YYYY-MM-01'. */
  toMonth?: string;
  channels?: string[];
}

/**
 * Sums the rollups matching `filter` into `ResponseCounts` for `instrument` — O(cells × items), never a scan of
 * raw responses. Campaigns must share the instrument.
 */
export async function readRollupCounts(
  db: Kysely<Database>,
  instrument: Instrument,
  filter: RollupFilter,
): Promise<ResponseCounts> {
  let cells = db.selectFrom('surveyRollupCell').select(['provinceUnitId', 'id']);
  if (filter.campaignIds) cells = cells.where('campaignId', 'in', filter.campaignIds);
  if (filter.unitIds) cells = cells.where('unitId', 'in', filter.unitIds);
  if (filter.agencyIds) cells = cells.where('agencyId', 'in', filter.agencyIds);
  if (filter.fromMonth) cells = cells.where('periodMonth', '>=', filter.fromMonth);
  if (filter.toMonth) cells = cells.where('periodMonth', '<=', filter.toMonth);
  if (filter.channels) cells = cells.where('channel', 'in', filter.channels);
  const matching = cells.as('c');

  const [responded, itemLevels, moments] = await Promise.all([
    db
      .selectFrom('surveyRollupCell as r')
      .innerJoin(matching, (join) =>
        join.onRef('c.provinceUnitId', '=', 'r.provinceUnitId').onRef('c.id', '=', 'r.id'),
      )
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('r.responded'), sql<string>`0`).as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('surveyRollupCount as r')
      .innerJoin(matching, (join) =>
        join.onRef('c.provinceUnitId', '=', 'r.provinceUnitId').onRef('c.id', '=', 'r.cellId'),
      )
      .select((eb) => [
        'r.itemOrdinal',
        'r.level',
        eb.fn.sum<string>('r.count').as('count'),
        eb.fn.sum<number>('r.weightSum').as('weightSum'),
        eb.fn.sum<number>('r.weightSquareSum').as('weightSquareSum'),
      ])
      .groupBy(['r.itemOrdinal', 'r.level'])
      .execute(),
    db
      .selectFrom('surveyRollupMoment as r')
      .innerJoin(matching, (join) =>
        join.onRef('c.provinceUnitId', '=', 'r.provinceUnitId').onRef('c.id', '=', 'r.cellId'),
      )
      .select((eb) => [
        'r.dimensionOrdinal',
        eb.fn.sum<string>('r.n').as('n'),
        eb.fn.sum<number>('r.sum').as('sum'),
        eb.fn.sum<number>('r.sumSquares').as('sumSquares'),
        eb.fn.sum<number>('r.weightSum').as('weightSum'),
        eb.fn.sum<number>('r.weightedSum').as('weightedSum'),
        eb.fn.sum<number>('r.weightedSumSquares').as('weightedSumSquares'),
        eb.fn.sum<number>('r.weightSquareSum').as('weightSquareSum'),
      ])
      .groupBy('r.dimensionOrdinal')
      .execute(),
  ]);
  const { itemCodes } = instrumentLayout(instrument);
  return countsFromRows(instrument, {
    responses: Number(responded.n),
    itemLevels: itemLevels.map((r) => ({
      itemCode: itemCodes[r.itemOrdinal]!,
      level: r.level,
      count: Number(r.count),
      weightSum: Number(r.weightSum),
      weightSquareSum: Number(r.weightSquareSum),
    })),
    moments: moments.map((r) => ({
      dimensionCode:
        r.dimensionOrdinal === -1 ? OVERALL_CODE : instrument.dimensions[r.dimensionOrdinal]!.code,
      n: Number(r.n),
      sum: Number(r.sum),
      sumSquares: Number(r.sumSquares),
      weightSum: Number(r.weightSum),
      weightedSum: Number(r.weightedSum),
      weightedSumSquares: Number(r.weightedSumSquares),
      weightSquareSum: Number(r.weightSquareSum),
    })),
  });
}
