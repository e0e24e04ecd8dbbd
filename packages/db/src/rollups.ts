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
import type { Database, MarginAttribute } from './schema.js';

/**
 * The key of one rollup cell: a campaign's responses for one unit, agency, month and channel, those with a
 * quality flag (`flagged`) apart from the others (default: not flagged, which is also where coverage lives).
 */
export interface RollupCellKey {
  provinceUnitId: string;
  campaignId: string;
  unitId: string;
  agencyId: string | null;
  periodMonth: string;
  channel: string;
  flagged?: boolean;
}

/** Finds or creates a rollup cell; returns its id. */
export async function rollupCellId(db: Kysely<Database>, key: RollupCellKey): Promise<string> {
  const row = await db
    .insertInto('surveyRollupCell')
    .values({ ...key, flagged: key.flagged ?? false })
    .onConflict((oc) =>
      oc
        .constraint('survey_rollup_cell_key')
        .doUpdateSet({ responded: (eb) => eb.ref('surveyRollupCell.responded') }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds `counts` (from `countResponses`) to a rollup cell and to its unit's `all` margin: answers per item and
 * level, moments per dimension (ordinal −1 = overall) and the number of respondents. Run it in the transaction
 * that stores the responses, so rollups and raw rows never disagree. Margins by respondent attribute need the
 * responses themselves: `addResponsesToRollups` maintains them too.
 */
export async function addToRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  key: RollupCellKey,
  counts: ResponseCounts,
): Promise<void> {
  await addToCell(db, instrument, key, counts);
  await writeMargins(db, instrument, marginBaseOf(key), [
    { attribute: 'all', value: '', flagged: key.flagged ?? false, counts },
  ]);
}

/**
 * Adds responses to their rollup cell and to every margin they belong to (`all`, each stated attribute, each
 * quality flag), in seven statements whatever the number of responses. All responses share `key`'s cell except
 * for `flagged`, which each response's flags decide.
 */
export async function addResponsesToRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  key: Omit<RollupCellKey, 'flagged'>,
  responses: readonly MarginResponse[],
): Promise<void> {
  if (responses.length === 0) return;
  const flagged = responses.filter(isFlagged);
  const clean = responses.filter((r) => !isFlagged(r));
  if (clean.length > 0)
    await addToCell(db, instrument, { ...key, flagged: false }, countResponses(instrument, clean));
  if (flagged.length > 0)
    await addToCell(db, instrument, { ...key, flagged: true }, countResponses(instrument, flagged));
  await addToMargins(db, instrument, marginBaseOf(key), responses);
}

async function addToCell(
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
 * Recomputes a campaign's rollups from its raw responses (the source of truth): cells (each key, flagged
 * responses apart) and margins, with the same `countResponses` that maintains them on submission. Coverage
 * counts (served, offered) are kept. Runs in one transaction (the caller's, when given one).
 */
export async function rebuildSurveyRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  campaignId: string,
): Promise<{ cells: number; responses: number }> {
  return inTransaction(db, async (trx) => {
    const cells = trx.selectFrom('surveyRollupCell').select('id').where('campaignId', '=', campaignId);
    await trx.deleteFrom('surveyRollupCount').where('cellId', 'in', cells).execute();
    await trx.deleteFrom('surveyRollupMoment').where('cellId', 'in', cells).execute();
    await trx
      .updateTable('surveyRollupCell')
      .set({ responded: 0 })
      .where('campaignId', '=', campaignId)
      .execute();

    const raw = await rawResponses(trx, campaignId);
    const byCell = new Map<string, { key: RollupCellKey; raw: RawResponse[] }>();
    for (const response of raw) {
      const key: RollupCellKey = {
        provinceUnitId: response.provinceUnitId,
        campaignId,
        unitId: response.unitId,
        agencyId: response.agencyId,
        periodMonth: response.periodMonth,
        channel: response.channel,
        flagged: isFlagged(response),
      };
      const id = JSON.stringify(key);
      const cell = byCell.get(id);
      if (cell) cell.raw.push(response);
      else byCell.set(id, { key, raw: [response] });
    }
    for (const { key, raw: responses } of byCell.values()) {
      await addToCell(trx, instrument, key, countResponses(instrument, responses));
    }
    await rebuildMargins(trx, instrument, campaignId, raw);
    return { cells: byCell.size, responses: raw.length };
  });
}

/**
 * Recomputes only a campaign's margins from its raw responses (for rollup cells written some other way, e.g.
 * by a bulk loader). One transaction (the caller's, when given one).
 */
export async function rebuildSurveyMargins(
  db: Kysely<Database>,
  instrument: Instrument,
  campaignId: string,
): Promise<{ margins: number; responses: number }> {
  return inTransaction(db, async (trx) => {
    const raw = await rawResponses(trx, campaignId);
    const margins = await rebuildMargins(trx, instrument, campaignId, raw);
    return { margins, responses: raw.length };
  });
}

function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

type RawResponse = Awaited<ReturnType<typeof rawResponses>>[number];

function rawResponses(db: Kysely<Database>, campaignId: string) {
  return db
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
      'ageBand',
      'education',
      'procedureFieldId',
      'qualityFlags',
    ])
    .where('campaignId', '=', campaignId)
    .orderBy('provinceUnitId')
    .orderBy('id')
    .execute();
}

async function rebuildMargins(
  trx: Kysely<Database>,
  instrument: Instrument,
  campaignId: string,
  raw: readonly RawResponse[],
): Promise<number> {
  const margins = trx.selectFrom('surveyRollupMargin').select('id').where('campaignId', '=', campaignId);
  await trx.deleteFrom('surveyRollupMarginCount').where('marginId', 'in', margins).execute();
  await trx.deleteFrom('surveyRollupMarginMoment').where('marginId', 'in', margins).execute();
  await trx.deleteFrom('surveyRollupMargin').where('campaignId', '=', campaignId).execute();
  const byBase = new Map<string, { base: MarginBase; raw: RawResponse[] }>();
  for (const response of raw) {
    const base: MarginBase = {
      provinceUnitId: response.provinceUnitId,
      campaignId,
      unitId: response.unitId,
      periodMonth: response.periodMonth,
    };
    const id = JSON.stringify(base);
    const group = byBase.get(id);
    if (group) group.raw.push(response);
    else byBase.set(id, { base, raw: [response] });
  }
  let written = 0;
  for (const { base, raw: responses } of byBase.values()) {
    written += await addToMargins(trx, instrument, base, responses);
  }
  return written;
}

// ───────────────────────── margins ─────────────────────────

/** What a margin is keyed by, besides its attribute and value: a campaign's unit and month. */
export interface MarginBase {
  provinceUnitId: string;
  campaignId: string;
  unitId: string;
  periodMonth: string;
}

/** One response as the margins see it: its answers (and weight), stated attributes and quality flags. */
export interface MarginResponse {
  answers: readonly (number | null)[];
  weight?: number;
  gender?: string | null;
  ageBand?: string | null;
  education?: string | null;
  procedureFieldId?: string | null;
  qualityFlags?: readonly string[];
}

function marginBaseOf(key: Omit<RollupCellKey, 'flagged'>): MarginBase {
  return {
    provinceUnitId: key.provinceUnitId,
    campaignId: key.campaignId,
    unitId: key.unitId,
    periodMonth: key.periodMonth,
  };
}

function isFlagged(response: Pick<MarginResponse, 'qualityFlags'>): boolean {
  return (response.qualityFlags?.length ?? 0) > 0;
}

/** The margins a response counts in: `all`, each attribute it states, each of its quality flags. */
export function marginsOfResponse(response: MarginResponse): { attribute: MarginAttribute; value: string }[] {
  const margins: { attribute: MarginAttribute; value: string }[] = [{ attribute: 'all', value: '' }];
  if (response.gender) margins.push({ attribute: 'gender', value: response.gender });
  if (response.ageBand) margins.push({ attribute: 'age_band', value: response.ageBand });
  if (response.education) margins.push({ attribute: 'education', value: response.education });
  if (response.procedureFieldId)
    margins.push({ attribute: 'procedure_field', value: response.procedureFieldId });
  for (const flag of new Set(response.qualityFlags ?? []))
    margins.push({ attribute: 'quality_flag', value: flag });
  return margins;
}

/** Adds responses of one unit and month to their margins; returns how many margins were touched. */
export async function addToMargins(
  db: Kysely<Database>,
  instrument: Instrument,
  base: MarginBase,
  responses: readonly MarginResponse[],
): Promise<number> {
  const groups = new Map<
    string,
    { attribute: MarginAttribute; value: string; flagged: boolean; raw: MarginResponse[] }
  >();
  for (const response of responses) {
    const flagged = isFlagged(response);
    for (const { attribute, value } of marginsOfResponse(response)) {
      const id = `${attribute}|${value}|${flagged}`;
      const group = groups.get(id);
      if (group) group.raw.push(response);
      else groups.set(id, { attribute, value, flagged, raw: [response] });
    }
  }
  await writeMargins(
    db,
    instrument,
    base,
    [...groups.values()].map(({ raw, ...group }) => ({ ...group, counts: countResponses(instrument, raw) })),
  );
  return groups.size;
}

/**
 * Upserts margins and adds their counts, in three statements. Rows are written in key order, so concurrent
 * submissions lock shared margins in the same order (no deadlock).
 */
async function writeMargins(
  db: Kysely<Database>,
  instrument: Instrument,
  base: MarginBase,
  entries: readonly { attribute: MarginAttribute; value: string; flagged: boolean; counts: ResponseCounts }[],
): Promise<void> {
  if (entries.length === 0) return;
  const keyOf = (e: { attribute: string; value: string; flagged: boolean }) =>
    `${e.attribute}|${e.value}|${e.flagged}`;
  const sorted = [...entries].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const margins = await db
    .insertInto('surveyRollupMargin')
    .values(
      sorted.map((e) => ({
        ...base,
        attribute: e.attribute,
        value: e.value,
        flagged: e.flagged,
        responded: e.counts.responses,
      })),
    )
    .onConflict((oc) =>
      oc.constraint('survey_rollup_margin_key').doUpdateSet({
        responded: sql`survey_rollup_margin.responded + excluded.responded`,
      }),
    )
    .returning(['id', 'attribute', 'value', 'flagged'])
    .execute();
  const idOf = new Map(margins.map((m) => [keyOf(m), m.id]));
  const { provinceUnitId } = base;
  const { itemCodes } = instrumentLayout(instrument);
  const itemOrdinal = new Map(itemCodes.map((code, i) => [code, i]));
  const dimensionOrdinal = new Map(instrument.dimensions.map((d, i) => [d.code, i]));
  const countRows = [];
  const momentRows = [];
  for (const entry of sorted) {
    const marginId = idOf.get(keyOf(entry))!;
    const rows = countsToRows(entry.counts);
    for (const r of rows.itemLevels) {
      countRows.push({
        provinceUnitId,
        marginId,
        itemOrdinal: itemOrdinal.get(r.itemCode)!,
        level: r.level,
        count: r.count,
        weightSum: r.weightSum,
        weightSquareSum: r.weightSquareSum,
      });
    }
    for (const { dimensionCode, ...m } of rows.moments) {
      momentRows.push({
        provinceUnitId,
        marginId,
        dimensionOrdinal: dimensionCode === OVERALL_CODE ? -1 : dimensionOrdinal.get(dimensionCode)!,
        n: m.n,
        sum: m.sum,
        sumSquares: m.sumSquares,
        weightSum: m.weightSum,
        weightedSum: m.weightedSum,
        weightedSumSquares: m.weightedSumSquares,
        weightSquareSum: m.weightSquareSum,
      });
    }
  }
  if (countRows.length > 0) {
    await db
      .insertInto('surveyRollupMarginCount')
      .values(countRows)
      .onConflict((oc) =>
        oc.columns(['provinceUnitId', 'marginId', 'itemOrdinal', 'level']).doUpdateSet({
          count: sql`survey_rollup_margin_count.count + excluded.count`,
          weightSum: sql`survey_rollup_margin_count.weight_sum + excluded.weight_sum`,
          weightSquareSum: sql`survey_rollup_margin_count.weight_square_sum + excluded.weight_square_sum`,
        }),
      )
      .execute();
  }
  if (momentRows.length > 0) {
    await db
      .insertInto('surveyRollupMarginMoment')
      .values(momentRows)
      .onConflict((oc) =>
        oc.columns(['provinceUnitId', 'marginId', 'dimensionOrdinal']).doUpdateSet({
          n: sql`survey_rollup_margin_moment.n + excluded.n`,
          sum: sql`survey_rollup_margin_moment.sum + excluded.sum`,
          sumSquares: sql`survey_rollup_margin_moment.sum_squares + excluded.sum_squares`,
          weightSum: sql`survey_rollup_margin_moment.weight_sum + excluded.weight_sum`,
          weightedSum: sql`survey_rollup_margin_moment.weighted_sum + excluded.weighted_sum`,
          weightedSumSquares: sql`survey_rollup_margin_moment.weighted_sum_squares + excluded.weighted_sum_squares`,
          weightSquareSum: sql`survey_rollup_margin_moment.weight_square_sum + excluded.weight_square_sum`,
        }),
      )
      .execute();
  }
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
  /** Only cells of flagged (true) or unflagged (false) responses; both when absent. */
  flagged?: boolean;
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
  if (filter.flagged !== undefined) cells = cells.where('flagged', '=', filter.flagged);
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
