import {
  countResponses,
  countsFromRows,
  countsToRows,
  type Instrument,
  instrumentLayout,
  OVERALL_CODE,
  type ResponseCounts,
} from '@chiso/scoring';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, MarginAttribute } from './schema.js';

/**
 * How many rows (slots) a rollup cell or margin key is spread over for live writers (default 8, at most 64: the
 * column's check; 1 = one row per key). A writer adds to the slot of its database connection
 * (`pg_backend_pid() % slots`), so concurrent submissions of one busy cell lock different rows and their commits
 * overlap instead of queueing; readers sum a key's slots (they sum cells and margins anyway). Rebuilds write slot
 * 0 only; coverage (served, offered) lives in slot 0.
 */
export const ROLLUP_SLOTS = 8;
export const MAX_ROLLUP_SLOTS = 64;
let rollupSlots = ROLLUP_SLOTS;

/** Sets the number of slots live writers use in this process (the API reads `CHISO_ROLLUP_SLOTS`). */
export function setRollupSlots(slots: number): void {
  if (!Number.isInteger(slots) || slots < 1 || slots > MAX_ROLLUP_SLOTS) {
    throw new RangeError(`rollup slots: an integer from 1 to ${MAX_ROLLUP_SLOTS}, not ${slots}`);
  }
  rollupSlots = slots;
}

/** The slot of the current connection, as a SQL expression (evaluated by the server: no extra round trip). */
export function connectionSlot(): RawBuilder<number> {
  return sql<number>`(pg_backend_pid() % ${sql.lit(rollupSlots)})::smallint`;
}

/** Slot 0: where rebuilds write and coverage lives. */
const SLOT_ZERO: RawBuilder<number> = sql<number>`0::smallint`;

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

/** Finds or creates a rollup cell (its slot 0, where coverage is kept); returns its id. */
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
  await writeRollups(db, instrument, {
    cells: [{ key: { ...key, flagged: key.flagged ?? false }, counts }],
    margins: [
      { base: marginBaseOf(key), attribute: 'all', value: '', flagged: key.flagged ?? false, counts },
    ],
  });
}

/**
 * Adds responses to their rollup cell and to every margin they belong to (`all`, each stated attribute, each
 * quality flag), in one statement whatever the number of responses. All responses share `key`'s cell except
 * for `flagged`, which each response's flags decide.
 */
export async function addResponsesToRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  key: Omit<RollupCellKey, 'flagged'>,
  responses: readonly MarginResponse[],
): Promise<void> {
  const changes = rollupChanges(instrument, key, responses);
  if (changes) await writeRollups(db, instrument, changes);
}

/** The cell and margin increments that `responses` (sharing `key`'s cell but for `flagged`) make. */
export function rollupChanges(
  instrument: Instrument,
  key: Omit<RollupCellKey, 'flagged'>,
  responses: readonly MarginResponse[],
): RollupChanges | null {
  if (responses.length === 0) return null;
  const flagged = responses.filter(isFlagged);
  const clean = responses.filter((r) => !isFlagged(r));
  const cells: CellChange[] = [];
  if (clean.length > 0)
    cells.push({ key: { ...key, flagged: false }, counts: countResponses(instrument, clean) });
  if (flagged.length > 0)
    cells.push({ key: { ...key, flagged: true }, counts: countResponses(instrument, flagged) });
  return { cells, margins: marginChanges(instrument, marginBaseOf(key), responses) };
}

/**
 * The cell and margin increments of responses that may belong to different cells (each with its `key`): cells
 * grouped by key and flag, margins by unit and month, so one `writeRollups` statement touches each row once.
 */
export function groupedRollupChanges(
  instrument: Instrument,
  responses: readonly (MarginResponse & { key: Omit<RollupCellKey, 'flagged'> })[],
): RollupChanges {
  const cells = new Map<string, { key: RollupCellKey; raw: MarginResponse[] }>();
  const bases = new Map<string, { base: MarginBase; raw: MarginResponse[] }>();
  for (const response of responses) {
    const key = { ...response.key, flagged: isFlagged(response) };
    const cellId = cellKeyOf(key);
    const cell = cells.get(cellId);
    if (cell) cell.raw.push(response);
    else cells.set(cellId, { key, raw: [response] });
    const base = marginBaseOf(response.key);
    const baseId = JSON.stringify([base.provinceUnitId, base.campaignId, base.unitId, base.periodMonth]);
    const group = bases.get(baseId);
    if (group) group.raw.push(response);
    else bases.set(baseId, { base, raw: [response] });
  }
  return {
    cells: [...cells.values()].map(({ key, raw }) => ({ key, counts: countResponses(instrument, raw) })),
    margins: [...bases.values()].flatMap(({ base, raw }) => marginChanges(instrument, base, raw)),
  };
}

interface CellChange {
  key: RollupCellKey;
  counts: ResponseCounts;
}

interface MarginChange {
  base: MarginBase;
  attribute: MarginAttribute;
  value: string;
  flagged: boolean;
  counts: ResponseCounts;
}

/** Increments of rollup cells and margins, written by `writeRollups` or `rollupWrites`. */
export interface RollupChanges {
  cells: readonly CellChange[];
  margins: readonly MarginChange[];
}

/** Writes rollup increments in one statement (see `rollupWrites`), to the connection's slot unless given one. */
export async function writeRollups(
  db: Kysely<Database>,
  instrument: Instrument,
  changes: RollupChanges,
  slot: RawBuilder<number> = connectionSlot(),
): Promise<void> {
  if (changes.cells.length === 0 && changes.margins.length === 0) return;
  await sql`with ${rollupWrites(instrument, changes, sql`true`, slot)} select 1`.execute(db);
}

const cellKeyOf = (k: RollupCellKey) =>
  JSON.stringify([
    k.provinceUnitId,
    k.campaignId,
    k.unitId,
    k.agencyId,
    k.periodMonth,
    k.channel,
    !!k.flagged,
  ]);
const marginKeyOf = (m: MarginChange) =>
  JSON.stringify([
    m.base.provinceUnitId,
    m.base.campaignId,
    m.base.unitId,
    m.base.periodMonth,
    m.attribute,
    m.value,
    m.flagged,
  ]);
const byKey =
  <T>(keyOf: (t: T) => string) =>
  (a: T, b: T) =>
    keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;

/**
 * The common table expressions (to follow a `with`) that upsert rollup cells and margins and add their
 * counts and moments: one statement for any number of cells and margins. When `guard` is given (a boolean SQL
 * expression, e.g. that an earlier expression of the same statement inserted a response), nothing is written
 * unless it holds. Every row goes to `slot` (default: the connection's, see `ROLLUP_SLOTS`). Rows are written in
 * key order, so concurrent writers lock shared rows in the same order (no deadlock).
 */
export function rollupWrites(
  instrument: Instrument,
  changes: RollupChanges,
  guard: RawBuilder<unknown> = sql`true`,
  slot: RawBuilder<number> = connectionSlot(),
): RawBuilder<unknown> {
  const { itemCodes } = instrumentLayout(instrument);
  const itemOrdinal = new Map(itemCodes.map((code, i) => [code, i]));
  const dimensionOrdinal = new Map(instrument.dimensions.map((d, i) => [d.code, i]));
  const cells = [...changes.cells].sort(byKey((c) => cellKeyOf(c.key)));
  const margins = [...changes.margins].sort(byKey(marginKeyOf));
  const countRows: unknown[][] = [];
  const momentRows: unknown[][] = [];
  const collect = (target: 'c' | 'm', k: number, counts: ResponseCounts) => {
    const rows = countsToRows(counts);
    for (const r of rows.itemLevels)
      countRows.push([
        target,
        k,
        itemOrdinal.get(r.itemCode)!,
        r.level,
        r.count,
        r.weightSum,
        r.weightSquareSum,
      ]);
    for (const { dimensionCode, ...m } of rows.moments)
      momentRows.push([
        target,
        k,
        dimensionCode === OVERALL_CODE ? -1 : dimensionOrdinal.get(dimensionCode)!,
        m.n,
        m.sum,
        m.sumSquares,
        m.weightSum,
        m.weightedSum,
        m.weightedSumSquares,
        m.weightSquareSum,
      ]);
  };
  const cellRows = cells.map(({ key, counts }, k) => {
    collect('c', k, counts);
    const { provinceUnitId, campaignId, unitId, agencyId, periodMonth, channel } = key;
    return [
      k,
      provinceUnitId,
      campaignId,
      unitId,
      agencyId,
      periodMonth,
      channel,
      !!key.flagged,
      counts.responses,
    ];
  });
  const marginRows = margins.map((m, k) => {
    collect('m', k, m.counts);
    const { provinceUnitId, campaignId, unitId, periodMonth } = m.base;
    return [
      k,
      provinceUnitId,
      campaignId,
      unitId,
      periodMonth,
      m.attribute,
      m.value,
      m.flagged,
      m.counts.responses,
    ];
  });
  // Rows travel as JSON arrays of arrays (one parameter each), unpacked positionally.
  const json = (rows: unknown[][]) => sql`jsonb_array_elements(${JSON.stringify(rows)}::jsonb)`;
  return sql`
    rollup_cell_in as (
      select (r->>0)::int as k, (r->>1)::bigint as province_unit_id, (r->>2)::bigint as campaign_id,
        (r->>3)::bigint as unit_id, (r->>4)::bigint as agency_id, (r->>5)::date as period_month,
        r->>6 as channel, (r->>7)::boolean as flagged, ${slot} as slot, (r->>8)::int as responded
      from ${json(cellRows)} as r where ${guard}
    ),
    rollup_cell_w as (
      insert into survey_rollup_cell (province_unit_id, campaign_id, unit_id, agency_id, period_month, channel,
        flagged, slot, responded)
      select province_unit_id, campaign_id, unit_id, agency_id, period_month, channel, flagged, slot, responded
      from rollup_cell_in order by k
      on conflict on constraint survey_rollup_cell_key
        do update set responded = survey_rollup_cell.responded + excluded.responded
      returning province_unit_id, id, campaign_id, unit_id, agency_id, period_month, channel, flagged, slot
    ),
    rollup_cell_ids as (
      select i.k, w.province_unit_id, w.id from rollup_cell_in i join rollup_cell_w w
        on w.province_unit_id = i.province_unit_id and w.campaign_id = i.campaign_id and w.unit_id = i.unit_id
        and w.agency_id is not distinct from i.agency_id and w.period_month = i.period_month
        and w.channel = i.channel and w.flagged = i.flagged and w.slot = i.slot
    ),
    rollup_margin_in as (
      select (r->>0)::int as k, (r->>1)::bigint as province_unit_id, (r->>2)::bigint as campaign_id,
        (r->>3)::bigint as unit_id, (r->>4)::date as period_month, r->>5 as attribute, r->>6 as value,
        (r->>7)::boolean as flagged, ${slot} as slot, (r->>8)::int as responded
      from ${json(marginRows)} as r where ${guard}
    ),
    rollup_margin_w as (
      insert into survey_rollup_margin (province_unit_id, campaign_id, unit_id, period_month, attribute, value,
        flagged, slot, responded)
      select province_unit_id, campaign_id, unit_id, period_month, attribute, value, flagged, slot, responded
      from rollup_margin_in order by k
      on conflict on constraint survey_rollup_margin_key
        do update set responded = survey_rollup_margin.responded + excluded.responded
      returning province_unit_id, id, campaign_id, unit_id, period_month, attribute, value, flagged, slot
    ),
    rollup_margin_ids as (
      select i.k, w.province_unit_id, w.id from rollup_margin_in i join rollup_margin_w w
        on w.province_unit_id = i.province_unit_id and w.campaign_id = i.campaign_id and w.unit_id = i.unit_id
        and w.period_month = i.period_month and w.attribute = i.attribute and w.value = i.value
        and w.flagged = i.flagged and w.slot = i.slot
    ),
    rollup_count_in as (
      select r->>0 as target, (r->>1)::int as k, (r->>2)::smallint as item_ordinal, (r->>3)::smallint as level,
        (r->>4)::int as count, (r->>5)::float8 as weight_sum, (r->>6)::float8 as weight_square_sum
      from ${json(countRows)} as r
    ),
    rollup_moment_in as (
      select r->>0 as target, (r->>1)::int as k, (r->>2)::smallint as dimension_ordinal, (r->>3)::int as n,
        (r->>4)::float8 as sum, (r->>5)::float8 as sum_squares, (r->>6)::float8 as weight_sum,
        (r->>7)::float8 as weighted_sum, (r->>8)::float8 as weighted_sum_squares,
        (r->>9)::float8 as weight_square_sum
      from ${json(momentRows)} as r
    ),
    rollup_count_w as (
      insert into survey_rollup_count (province_unit_id, cell_id, item_ordinal, level, count, weight_sum,
        weight_square_sum)
      select c.province_unit_id, c.id, x.item_ordinal, x.level, x.count, x.weight_sum, x.weight_square_sum
      from rollup_count_in x join rollup_cell_ids c on c.k = x.k where x.target = 'c'
      order by x.k, x.item_ordinal, x.level
      on conflict (province_unit_id, cell_id, item_ordinal, level) do update set
        count = survey_rollup_count.count + excluded.count,
        weight_sum = survey_rollup_count.weight_sum + excluded.weight_sum,
        weight_square_sum = survey_rollup_count.weight_square_sum + excluded.weight_square_sum
    ),
    rollup_moment_w as (
      insert into survey_rollup_moment (province_unit_id, cell_id, dimension_ordinal, n, sum, sum_squares,
        weight_sum, weighted_sum, weighted_sum_squares, weight_square_sum)
      select c.province_unit_id, c.id, x.dimension_ordinal, x.n, x.sum, x.sum_squares, x.weight_sum,
        x.weighted_sum, x.weighted_sum_squares, x.weight_square_sum
      from rollup_moment_in x join rollup_cell_ids c on c.k = x.k where x.target = 'c'
      order by x.k, x.dimension_ordinal
      on conflict (province_unit_id, cell_id, dimension_ordinal) do update set
        n = survey_rollup_moment.n + excluded.n,
        sum = survey_rollup_moment.sum + excluded.sum,
        sum_squares = survey_rollup_moment.sum_squares + excluded.sum_squares,
        weight_sum = survey_rollup_moment.weight_sum + excluded.weight_sum,
        weighted_sum = survey_rollup_moment.weighted_sum + excluded.weighted_sum,
        weighted_sum_squares = survey_rollup_moment.weighted_sum_squares + excluded.weighted_sum_squares,
        weight_square_sum = survey_rollup_moment.weight_square_sum + excluded.weight_square_sum
    ),
    rollup_margin_count_w as (
      insert into survey_rollup_margin_count (province_unit_id, margin_id, item_ordinal, level, count,
        weight_sum, weight_square_sum)
      select m.province_unit_id, m.id, x.item_ordinal, x.level, x.count, x.weight_sum, x.weight_square_sum
      from rollup_count_in x join rollup_margin_ids m on m.k = x.k where x.target = 'm'
      order by x.k, x.item_ordinal, x.level
      on conflict (province_unit_id, margin_id, item_ordinal, level) do update set
        count = survey_rollup_margin_count.count + excluded.count,
        weight_sum = survey_rollup_margin_count.weight_sum + excluded.weight_sum,
        weight_square_sum = survey_rollup_margin_count.weight_square_sum + excluded.weight_square_sum
    ),
    rollup_margin_moment_w as (
      insert into survey_rollup_margin_moment (province_unit_id, margin_id, dimension_ordinal, n, sum,
        sum_squares, weight_sum, weighted_sum, weighted_sum_squares, weight_square_sum)
      select m.province_unit_id, m.id, x.dimension_ordinal, x.n, x.sum, x.sum_squares, x.weight_sum,
        x.weighted_sum, x.weighted_sum_squares, x.weight_square_sum
      from rollup_moment_in x join rollup_margin_ids m on m.k = x.k where x.target = 'm'
      order by x.k, x.dimension_ordinal
      on conflict (province_unit_id, margin_id, dimension_ordinal) do update set
        n = survey_rollup_margin_moment.n + excluded.n,
        sum = survey_rollup_margin_moment.sum + excluded.sum,
        sum_squares = survey_rollup_margin_moment.sum_squares + excluded.sum_squares,
        weight_sum = survey_rollup_margin_moment.weight_sum + excluded.weight_sum,
        weighted_sum = survey_rollup_margin_moment.weighted_sum + excluded.weighted_sum,
        weighted_sum_squares = survey_rollup_margin_moment.weighted_sum_squares + excluded.weighted_sum_squares,
        weight_square_sum = survey_rollup_margin_moment.weight_square_sum + excluded.weight_square_sum
    )
  `;
}

/**
 * Recomputes a campaign's rollups from its raw responses (the source of truth): cells (each key, flagged
 * responses apart) and margins, with the same `countResponses` that maintains them on submission, all in slot
 * 0 (the other slots' rows are removed). Coverage counts (served, offered, kept in slot 0) are kept. Runs in one
 * transaction (the caller's, when given one).
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
      .deleteFrom('surveyRollupCell')
      .where('campaignId', '=', campaignId)
      .where('slot', '>', 0)
      .where('served', '=', 0)
      .where('offered', '=', 0)
      .execute();
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
    await writeRollups(
      trx,
      instrument,
      {
        cells: [...byCell.values()].map(({ key, raw: responses }) => ({
          key,
          counts: countResponses(instrument, responses),
        })),
        margins: [],
      },
      SLOT_ZERO,
    );
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
  const changes = [...byBase.values()].flatMap(({ base, raw: responses }) =>
    marginChanges(instrument, base, responses),
  );
  await writeRollups(trx, instrument, { cells: [], margins: changes }, SLOT_ZERO);
  return changes.length;
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
  const margins = marginChanges(instrument, base, responses);
  await writeRollups(db, instrument, { cells: [], margins });
  return margins.length;
}

/** The margin increments of responses of one unit and month. */
function marginChanges(
  instrument: Instrument,
  base: MarginBase,
  responses: readonly MarginResponse[],
): MarginChange[] {
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
  return [...groups.values()].map(({ raw, ...group }) => ({
    base,
    ...group,
    counts: countResponses(instrument, raw),
  }));
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
