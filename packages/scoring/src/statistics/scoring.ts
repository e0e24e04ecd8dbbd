import { getAggregationRule, type ValueRange, type ValueUnit } from '../instruments/aggregation.js';
import type { Instrument } from '../instruments/types.js';
import {
  countResponses,
  levelScores,
  type ResponseCounts,
  type ScoreMoments,
  type SurveyResponse,
} from './counts.js';
import { criticalValue } from './normal.js';
import { wilsonInterval } from './wilson.js';

/** Options of `scoreCounts` / `scoreResponses`. */
export interface ScoreOptions {
  /** Smallest number of respondents for a publishable figure (default 30). */
  minSample?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
  /** Use the response weights (default true); false scores as if every weight were 1. */
  weighted?: boolean;
}

/** The default minimum sample: fewer respondents than this and a figure is not publishable. */
export const DEFAULT_MIN_SAMPLE = 30;

/**
 * One estimated figure.
 * - `value`: the estimate in the rule's unit (percent 0–100 for SIPAS), unrounded; null when nobody answered.
 * - `ciLow`/`ciHigh`: the confidence interval, inside the rule's range and containing `value`; the whole range
 *   when `value` is null or fewer than two respondents.
 * - `standardError`: null when it cannot be estimated (fewer than two respondents).
 * - `n`: respondents (or evaluations) behind the figure; `nEffective`: Kish's `(Σw)²/Σw²` (equals `n`
 *   unweighted).
 * - `publishable`: `value !== null && n >= minSample`.
 */
export interface Estimate {
  value: number | null;
  ciLow: number;
  ciHigh: number;
  standardError: number | null;
  n: number;
  nEffective: number;
  publishable: boolean;
}

/** An estimate for a dimension or an item, with its code. */
export interface CodedEstimate extends Estimate {
  code: string;
}

/** Overall figure (the estimate fields), plus every dimension and item in instrument order. */
export interface ScoreResult extends Estimate {
  instrument: { code: string; version: string };
  unit: ValueUnit;
  confidence: number;
  minSample: number;
  dimensions: CodedEstimate[];
  items: CodedEstimate[];
}

interface Resolved {
  minSample: number;
  confidence: number;
  weighted: boolean;
  z: number;
}

function resolve(options: ScoreOptions): Resolved {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  if (!(minSample >= 0)) throw new RangeError(`minSample must be >= 0, got ${minSample}`);
  const confidence = options.confidence ?? 0.95;
  return { minSample, confidence, weighted: options.weighted ?? true, z: criticalValue(confidence) };
}

function clampInterval(value: number, low: number, high: number, range: ValueRange): [number, number] {
  return [Math.max(range.min, Math.min(value, low)), Math.min(range.max, Math.max(value, high))];
}

function unknown(n: number, nEffective: number, range: ValueRange): Estimate {
  return {
    value: null,
    ciLow: range.min,
    ciHigh: range.max,
    standardError: null,
    n,
    nEffective,
    publishable: false,
  };
}

/**
 * Estimate for a dimension or the overall score: `value` from the rule's point aggregation, standard error from
 * the per-respondent scores' moments — unweighted `s² = (Σx² − (Σx)²/n)/(n − 1)`, `SE = √(s²/n)`; weighted
 * `m = Σwx/Σw`, `s² = (Σwx²/Σw − m²)·n_eff/(n_eff − 1)`, `SE = √(s²/n_eff)` — and the normal interval
 * `value ± z·SE` clamped to the rule's range.
 */
function momentsEstimate(
  value: number | null,
  moments: ScoreMoments,
  range: ValueRange,
  settings: Resolved,
): Estimate {
  const n = moments.n;
  const weightSum = settings.weighted ? moments.weightSum : n;
  const weightSquareSum = settings.weighted ? moments.weightSquareSum : n;
  const nEffective = weightSquareSum > 0 ? (weightSum * weightSum) / weightSquareSum : 0;
  if (value === null) return unknown(n, nEffective, range);
  const publishable = n >= settings.minSample;
  if (!(nEffective > 1)) {
    return { value, ciLow: range.min, ciHigh: range.max, standardError: null, n, nEffective, publishable };
  }
  const mean = (settings.weighted ? moments.weightedSum : moments.sum) / weightSum;
  const meanOfSquares = (settings.weighted ? moments.weightedSumSquares : moments.sumSquares) / weightSum;
  let spread = meanOfSquares - mean * mean;
  // One-pass moments can leave a rounding residue where the true spread is zero; treat it as zero.
  if (spread < 1e-12 * Math.max(1, meanOfSquares)) spread = 0;
  const variance = (spread * nEffective) / (nEffective - 1);
  const standardError = Math.sqrt(variance / nEffective);
  const half = settings.z * standardError;
  const [ciLow, ciHigh] = clampInterval(value, value - half, value + half, range);
  return { value, ciLow, ciHigh, standardError, n, nEffective, publishable };
}

/**
 * Scores tallied responses (`ResponseCounts`, e.g. rollups from the database) with the instrument's aggregation
 * rule. Items: value = Σw·score / Σw over answers (SIPAS: share answering 4–5, percent), interval = Wilson on
 * the share with n = n_eff for share rules, a normal interval on the mean score otherwise. Dimensions and
 * overall: value from the rule (SIPAS: unweighted means of items, then of dimensions), normal interval from
 * the moments of per-respondent scores. n_eff = (Σw)²/Σw² (Kish). A figure is publishable when its raw
 * respondent count n reaches `minSample` (default 30). Gives exactly the result of `scoreResponses` on the
 * responses the counts came from.
 */
export function scoreCounts(
  instrument: Instrument,
  counts: ResponseCounts,
  options: ScoreOptions = {},
): ScoreResult {
  const settings = resolve(options);
  const rule = getAggregationRule(instrument.aggregation);
  if (counts.instrument.code !== instrument.code || counts.instrument.version !== instrument.version) {
    throw new RangeError(
      `Counts of ${counts.instrument.code} ${counts.instrument.version} cannot be scored as ${instrument.code} ${instrument.version}`,
    );
  }
  const itemTotal = instrument.dimensions.reduce((total, dimension) => total + dimension.items.length, 0);
  if (counts.items.length !== itemTotal || counts.dimensions.length !== instrument.dimensions.length) {
    throw new RangeError('Counts do not match the item and dimension layout of the instrument');
  }
  const scores = levelScores(instrument, rule);
  const itemRange = rule.itemRange(instrument);
  const itemSpan = itemRange.max - itemRange.min;

  const items: CodedEstimate[] = counts.items.map((item) => {
    const tallies = settings.weighted ? item.weightSums : item.counts;
    const squares = settings.weighted ? item.weightSquareSums : item.counts;
    let n = 0;
    let weightSum = 0;
    let weightSquareSum = 0;
    let scoreSum = 0;
    let topSum = 0;
    for (let l = 0; l < tallies.length; l += 1) {
      n += item.counts[l]!;
      weightSum += tallies[l]!;
      weightSquareSum += squares[l]!;
      scoreSum += tallies[l]! * scores[l]!;
      if (scores[l] === itemRange.max) topSum += tallies[l]!;
    }
    const nEffective = weightSquareSum > 0 ? (weightSum * weightSum) / weightSquareSum : 0;
    if (n === 0) return { code: item.code, ...unknown(0, 0, itemRange) };
    const publishable = n >= settings.minSample;
    if (rule.itemEstimator === 'proportion') {
      // A share rule scores every answer 0 or the maximum: value = min + span × (weight at the top / all weight).
      const share = Math.min(1, topSum / weightSum);
      const value = itemRange.min + share * itemSpan;
      const interval = wilsonInterval(share * nEffective, nEffective, settings.confidence);
      return {
        code: item.code,
        value,
        ciLow: Math.min(value, itemRange.min + interval.low * itemSpan),
        ciHigh: Math.max(value, itemRange.min + interval.high * itemSpan),
        standardError: nEffective > 0 ? itemSpan * Math.sqrt((share * (1 - share)) / nEffective) : null,
        n,
        nEffective,
        publishable,
      };
    }
    const value = Math.min(itemRange.max, Math.max(itemRange.min, scoreSum / weightSum));
    if (!(nEffective > 1)) {
      return {
        code: item.code,
        value,
        ciLow: itemRange.min,
        ciHigh: itemRange.max,
        standardError: null,
        n,
        nEffective,
        publishable,
      };
    }
    let spread = 0;
    for (let l = 0; l < tallies.length; l += 1) spread += tallies[l]! * (scores[l]! - value) ** 2;
    const variance = ((spread / weightSum) * nEffective) / (nEffective - 1);
    const standardError = Math.sqrt(variance / nEffective);
    const half = settings.z * standardError;
    const [ciLow, ciHigh] = clampInterval(value, value - half, value + half, itemRange);
    return { code: item.code, value, ciLow, ciHigh, standardError, n, nEffective, publishable };
  });

  let offset = 0;
  const dimensionValues: (number | null)[] = [];
  const dimensions: CodedEstimate[] = instrument.dimensions.map((dimension, d) => {
    const itemValues = items.slice(offset, offset + dimension.items.length).map((item) => item.value);
    offset += dimension.items.length;
    const value = rule.dimensionValue(itemValues, dimension, instrument);
    dimensionValues.push(value);
    const moments = counts.dimensions[d]!;
    return {
      code: dimension.code,
      ...momentsEstimate(value, moments, rule.dimensionRange(dimension, instrument), settings),
    };
  });

  const overallValue = rule.overallValue(dimensionValues, instrument);
  return {
    instrument: { code: instrument.code, version: instrument.version },
    unit: rule.unit,
    confidence: settings.confidence,
    minSample: settings.minSample,
    ...momentsEstimate(overallValue, counts.overall, rule.overallRange(instrument), settings),
    dimensions,
    items,
  };
}

/**
 * Scores raw responses: `scoreCounts(instrument, countResponses(instrument, responses), options)` — one
 * computation for raw data and rollups, so both always agree. See `scoreCounts` for the formulas.
 */
export function scoreResponses(
  instrument: Instrument,
  responses: readonly SurveyResponse[],
  options: ScoreOptions = {},
): ScoreResult {
  return scoreCounts(instrument, countResponses(instrument, responses), options);
}
