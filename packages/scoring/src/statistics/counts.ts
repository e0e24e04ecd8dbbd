import { type AggregationRule, getAggregationRule } from '../instruments/aggregation.js';
import { instrumentLayout } from '../instruments/structure.js';
import type { Instrument } from '../instruments/types.js';

/**
 * One survey response: `answers[i]` answers the i-th item in the instrument's answer order (see `itemCodes`),
 * `null` when not answered. `weight` is a post-stratification weight (default 1, must be > 0).
 */
export interface SurveyResponse {
  answers: readonly (number | null)[];
  weight?: number;
}

/**
 * Tallies of one item's answers by level. Arrays are indexed by `level − scale.min` (so for SIPAS index 0 is
 * level 1 and index 4 is level 5):
 * - `counts[l]`: number of answers at that level;
 * - `weightSums[l]`: Σw over those answers (equals `counts` when unweighted);
 * - `weightSquareSums[l]`: Σw² over those answers (for Kish's effective sample size).
 */
export interface ItemCounts {
  code: string;
  counts: number[];
  weightSums: number[];
  weightSquareSums: number[];
}

/**
 * Additive moments of per-respondent scores x (respondents with a score only), unweighted and weighted:
 * `n` = count, `sum` = Σx, `sumSquares` = Σx², `weightSum` = Σw, `weightedSum` = Σw·x,
 * `weightedSumSquares` = Σw·x², `weightSquareSum` = Σw².
 */
export interface ScoreMoments {
  n: number;
  sum: number;
  sumSquares: number;
  weightSum: number;
  weightedSum: number;
  weightedSumSquares: number;
  weightSquareSum: number;
}

/** Moments of one dimension's per-respondent scores. */
export interface DimensionMoments extends ScoreMoments {
  code: string;
}

/**
 * Everything needed to score a set of responses, as plain JSON. All fields are sums, so counts of disjoint
 * sets of responses add up (`mergeCounts`) — this is what the database keeps as rollups:
 *
 * - `responses`: number of responses counted (including ones with no answer at all);
 * - `items`: per item (answer order) the tallies by level → rows `(unit, period, item_code, level, count,
 *   weight_sum, weight_square_sum)`;
 * - `dimensions`: per dimension the moments of respondents' dimension scores (a respondent's dimension score is
 *   given by the aggregation rule; for SIPAS 2640 the share of satisfied answers, in percent, among the items
 *   they answered in it) → rows `(unit, period, dimension_code, n, sum, …)`;
 * - `overall`: the moments of respondents' overall scores (SIPAS 2640: mean of their dimension scores) → one more
 *   moments row with `dimension_code = OVERALL_CODE`.
 *
 * `countsToRows` / `countsFromRows` convert to and from that row form.
 */
export interface ResponseCounts {
  instrument: { code: string; version: string };
  scaleMin: number;
  responses: number;
  items: ItemCounts[];
  dimensions: DimensionMoments[];
  overall: ScoreMoments;
}

/** The dimension code that marks the overall moments in row form. */
export const OVERALL_CODE = '*';

function emptyMoments(): ScoreMoments {
  return {
    n: 0,
    sum: 0,
    sumSquares: 0,
    weightSum: 0,
    weightedSum: 0,
    weightedSumSquares: 0,
    weightSquareSum: 0,
  };
}

/** Counts of no responses for an instrument: all tallies and moments zero. */
export function emptyCounts(instrument: Instrument): ResponseCounts {
  const levels = instrument.scale.max - instrument.scale.min + 1;
  const { itemCodes } = instrumentLayout(instrument);
  return {
    instrument: { code: instrument.code, version: instrument.version },
    scaleMin: instrument.scale.min,
    responses: 0,
    items: itemCodes.map((code) => ({
      code,
      counts: new Array<number>(levels).fill(0),
      weightSums: new Array<number>(levels).fill(0),
      weightSquareSums: new Array<number>(levels).fill(0),
    })),
    dimensions: instrument.dimensions.map((dimension) => ({ code: dimension.code, ...emptyMoments() })),
    overall: emptyMoments(),
  };
}

function addScore(moments: ScoreMoments, x: number, w: number): void {
  moments.n += 1;
  moments.sum += x;
  moments.sumSquares += x * x;
  moments.weightSum += w;
  moments.weightedSum += w * x;
  moments.weightedSumSquares += w * x * x;
  moments.weightSquareSum += w * w;
}

/** Per-level answer scores of an instrument under its rule, indexed by `level − scale.min`. */
export function levelScores(instrument: Instrument, rule: AggregationRule): number[] {
  const scores: number[] = [];
  for (let level = instrument.scale.min; level <= instrument.scale.max; level += 1) {
    scores.push(rule.answerScore(level, instrument));
  }
  return scores;
}

/**
 * Tallies responses into `ResponseCounts`: per item, answers by level (with Σw and Σw²); per dimension and
 * overall, the moments of per-respondent scores given by the instrument's aggregation rule. Use it with a
 * single response to get the increment a submitted response adds to the rollups.
 * Throws a RangeError naming `responses[i].answers[j]` for an answer outside the scale or a wrong-length
 * answers array, and `responses[i].weight` for a weight that is not a finite number > 0.
 */
export function countResponses(instrument: Instrument, responses: readonly SurveyResponse[]): ResponseCounts {
  const rule = getAggregationRule(instrument.aggregation);
  const counts = emptyCounts(instrument);
  const { itemDimension } = instrumentLayout(instrument);
  const scores = levelScores(instrument, rule);
  const itemTotal = itemDimension.length;
  const dimensionTotal = instrument.dimensions.length;
  const { min, max } = instrument.scale;
  const answered: number[][] = instrument.dimensions.map(() => []);
  const dimensionScores: (number | null)[] = new Array<number | null>(dimensionTotal).fill(null);

  for (let r = 0; r < responses.length; r += 1) {
    const response = responses[r]!;
    const answers = response.answers;
    if (!answers || answers.length !== itemTotal) {
      throw new RangeError(
        `responses[${r}].answers must have ${itemTotal} entries (one per item), got ${answers?.length}`,
      );
    }
    const w = response.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w)) {
      throw new RangeError(`responses[${r}].weight must be a finite number > 0, got ${w}`);
    }
    const w2 = w * w;
    for (let d = 0; d < dimensionTotal; d += 1) answered[d]!.length = 0;
    for (let i = 0; i < itemTotal; i += 1) {
      const answer = answers[i];
      if (answer === null || answer === undefined) continue;
      if (!Number.isInteger(answer) || answer < min || answer > max) {
        throw new RangeError(
          `responses[${r}].answers[${i}] must be a whole number from ${min} to ${max} or null, got ${answer}`,
        );
      }
      const l = answer - min;
      const item = counts.items[i]!;
      item.counts[l]! += 1;
      item.weightSums[l]! += w;
      item.weightSquareSums[l]! += w2;
      answered[itemDimension[i]!]!.push(scores[l]!);
    }
    counts.responses += 1;
    for (let d = 0; d < dimensionTotal; d += 1) {
      const dimension = instrument.dimensions[d]!;
      const score =
        answered[d]!.length === 0 ? null : rule.respondentDimensionScore(answered[d]!, dimension, instrument);
      dimensionScores[d] = score;
      if (score !== null) addScore(counts.dimensions[d]!, score, w);
    }
    const overall = rule.respondentOverallScore(dimensionScores, instrument);
    if (overall !== null) addScore(counts.overall, overall, w);
  }
  return counts;
}

function assertSameShape(a: ResponseCounts, b: ResponseCounts): void {
  if (a.instrument.code !== b.instrument.code || a.instrument.version !== b.instrument.version) {
    throw new RangeError(
      `Cannot merge counts of ${a.instrument.code} ${a.instrument.version} with ${b.instrument.code} ${b.instrument.version}`,
    );
  }
  if (
    a.scaleMin !== b.scaleMin ||
    a.items.length !== b.items.length ||
    a.dimensions.length !== b.dimensions.length ||
    a.items.some(
      (item, i) => item.code !== b.items[i]!.code || item.counts.length !== b.items[i]!.counts.length,
    ) ||
    a.dimensions.some((dimension, d) => dimension.code !== b.dimensions[d]!.code)
  ) {
    throw new RangeError('Cannot merge counts with different item or dimension layouts');
  }
}

function addMoments(a: ScoreMoments, b: ScoreMoments): ScoreMoments {
  return {
    n: a.n + b.n,
    sum: a.sum + b.sum,
    sumSquares: a.sumSquares + b.sumSquares,
    weightSum: a.weightSum + b.weightSum,
    weightedSum: a.weightedSum + b.weightedSum,
    weightedSumSquares: a.weightedSumSquares + b.weightedSumSquares,
    weightSquareSum: a.weightSquareSum + b.weightSquareSum,
  };
}

const addArrays = (a: readonly number[], b: readonly number[]): number[] =>
  a.map((value, i) => value + b[i]!);

/**
 * Sum of two counts of the same instrument version (disjoint sets of responses): every tally and moment is
 * added. Commutative; associative exactly for integer tallies and up to floating-point rounding for sums of
 * fractional scores or weights. Returns a new object; throws a RangeError for different instruments or layouts.
 */
export function mergeCounts(a: ResponseCounts, b: ResponseCounts): ResponseCounts {
  assertSameShape(a, b);
  return {
    instrument: { ...a.instrument },
    scaleMin: a.scaleMin,
    responses: a.responses + b.responses,
    items: a.items.map((item, i) => {
      const other = b.items[i]!;
      return {
        code: item.code,
        counts: addArrays(item.counts, other.counts),
        weightSums: addArrays(item.weightSums, other.weightSums),
        weightSquareSums: addArrays(item.weightSquareSums, other.weightSquareSums),
      };
    }),
    dimensions: a.dimensions.map((dimension, d) => ({
      code: dimension.code,
      ...addMoments(dimension, b.dimensions[d]!),
    })),
    overall: addMoments(a.overall, b.overall),
  };
}

/** One rollup row per (item, level): the item tallies in row form. */
export interface ItemLevelRow {
  itemCode: string;
  level: number;
  count: number;
  weightSum: number;
  weightSquareSum: number;
}

/** One rollup row per dimension (and one with `dimensionCode = OVERALL_CODE` for the overall score). */
export interface MomentsRow extends ScoreMoments {
  dimensionCode: string;
}

/** Counts in the row form the database stores (per unit and period). */
export interface ResponseCountRows {
  responses: number;
  itemLevels: ItemLevelRow[];
  moments: MomentsRow[];
}

/** Counts → rows. Zero item-level rows are left out; every dimension and the overall get a moments row. */
export function countsToRows(counts: ResponseCounts): ResponseCountRows {
  const itemLevels: ItemLevelRow[] = [];
  for (const item of counts.items) {
    item.counts.forEach((count, l) => {
      if (count === 0) return;
      itemLevels.push({
        itemCode: item.code,
        level: counts.scaleMin + l,
        count,
        weightSum: item.weightSums[l]!,
        weightSquareSum: item.weightSquareSums[l]!,
      });
    });
  }
  const moments: MomentsRow[] = counts.dimensions.map(({ code, ...rest }) => ({
    dimensionCode: code,
    ...rest,
  }));
  moments.push({ dimensionCode: OVERALL_CODE, ...counts.overall });
  return { responses: counts.responses, itemLevels, moments };
}

/**
 * Rows → counts for an instrument. Rows for the same key are added (so rows of several periods or units can be
 * passed together to roll them up); missing rows count as zero. Throws a RangeError for an unknown item,
 * level or dimension code.
 */
export function countsFromRows(instrument: Instrument, rows: ResponseCountRows): ResponseCounts {
  const counts = emptyCounts(instrument);
  counts.responses = rows.responses;
  const itemPosition = new Map(counts.items.map((item, i) => [item.code, i]));
  for (const row of rows.itemLevels) {
    const i = itemPosition.get(row.itemCode);
    const l = row.level - instrument.scale.min;
    if (i === undefined) throw new RangeError(`Unknown item code "${row.itemCode}" in rollup rows`);
    const item = counts.items[i]!;
    if (!Number.isInteger(l) || l < 0 || l >= item.counts.length) {
      throw new RangeError(`Level ${row.level} of item "${row.itemCode}" is outside the scale`);
    }
    item.counts[l]! += row.count;
    item.weightSums[l]! += row.weightSum;
    item.weightSquareSums[l]! += row.weightSquareSum;
  }
  const dimensionPosition = new Map(counts.dimensions.map((dimension, d) => [dimension.code, d]));
  for (const { dimensionCode, ...moments } of rows.moments) {
    if (dimensionCode === OVERALL_CODE) {
      counts.overall = addMoments(counts.overall, moments);
      continue;
    }
    const d = dimensionPosition.get(dimensionCode);
    if (d === undefined) throw new RangeError(`Unknown dimension code "${dimensionCode}" in rollup rows`);
    counts.dimensions[d] = { code: dimensionCode, ...addMoments(counts.dimensions[d]!, moments) };
  }
  return counts;
}
