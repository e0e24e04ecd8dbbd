import {
  type AggregationRule,
  getAggregationRule,
  type ValueRange,
  type ValueUnit,
} from '../instruments/aggregation.js';
import { instrumentLayout } from '../instruments/structure.js';
import type { Instrument } from '../instruments/types.js';
import {
  countResponses,
  levelScores,
  type ResponseCounts,
  type ScoreMoments,
  type SurveyResponse,
} from './counts.js';
import { criticalValue } from './normal.js';

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

const levelScoreCache = new WeakMap<Instrument, { rule: AggregationRule; scores: number[] }>();

/** `levelScores`, remembered for frozen instruments (built-ins and templates) as long as the rule is the same. */
function cachedLevelScores(instrument: Instrument, rule: AggregationRule): number[] {
  if (!Object.isFrozen(instrument)) return levelScores(instrument, rule);
  const cached = levelScoreCache.get(instrument);
  if (cached && cached.rule === rule) return cached.scores;
  const scores = levelScores(instrument, rule);
  levelScoreCache.set(instrument, { rule, scores });
  return scores;
}

const Z_95 = criticalValue(0.95);

function resolve(options: ScoreOptions): Resolved {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  if (!(minSample >= 0)) throw new RangeError(`minSample must be >= 0, got ${minSample}`);
  const confidence = options.confidence ?? 0.95;
  const z = confidence === 0.95 ? Z_95 : criticalValue(confidence);
  return { minSample, confidence, weighted: options.weighted ?? true, z };
}

/** Builds an estimate object (one shape for every figure, which keeps scoring many units fast). */
function coded(
  code: string,
  value: number | null,
  ciLow: number,
  ciHigh: number,
  standardError: number | null,
  n: number,
  nEffective: number,
  publishable: boolean,
): CodedEstimate {
  return { code, value, ciLow, ciHigh, standardError, n, nEffective, publishable };
}

/** Normal interval `value ± half` clamped to the range, always containing `value`. */
function normalEstimate(
  code: string,
  value: number,
  standardError: number,
  n: number,
  nEffective: number,
  publishable: boolean,
  range: ValueRange,
  z: number,
): CodedEstimate {
  const half = z * standardError;
  const ciLow = Math.max(range.min, Math.min(value, value - half));
  const ciHigh = Math.min(range.max, Math.max(value, value + half));
  return coded(code, value, ciLow, ciHigh, standardError, n, nEffective, publishable);
}

/**
 * Estimate for a dimension or the overall score: `value` from the rule's point aggregation, standard error from
 * the per-respondent scores' moments — unweighted `s² = (Σx² − (Σx)²/n)/(n − 1)`, `SE = √(s²/n)`; weighted
 * `m = Σwx/Σw`, `s² = (Σwx²/Σw − m²)·n_eff/(n_eff − 1)`, `SE = √(s²/n_eff)` — and the normal interval
 * `value ± z·SE` clamped to the rule's range.
 */
function momentsEstimate(
  code: string,
  value: number | null,
  moments: ScoreMoments,
  range: ValueRange,
  settings: Resolved,
): CodedEstimate {
  const n = moments.n;
  const weightSum = settings.weighted ? moments.weightSum : n;
  const weightSquareSum = settings.weighted ? moments.weightSquareSum : n;
  const nEffective = weightSquareSum > 0 ? (weightSum * weightSum) / weightSquareSum : 0;
  if (value === null) return coded(code, null, range.min, range.max, null, n, nEffective, false);
  const publishable = n >= settings.minSample;
  if (!(nEffective > 1)) return coded(code, value, range.min, range.max, null, n, nEffective, publishable);
  const mean = (settings.weighted ? moments.weightedSum : moments.sum) / weightSum;
  const meanOfSquares = (settings.weighted ? moments.weightedSumSquares : moments.sumSquares) / weightSum;
  let spread = meanOfSquares - mean * mean;
  // One-pass moments can leave a rounding residue where the true spread is zero; treat it as zero.
  if (spread < 1e-12 * Math.max(1, meanOfSquares)) spread = 0;
  const variance = (spread * nEffective) / (nEffective - 1);
  const standardError = Math.sqrt(variance / nEffective);
  return normalEstimate(code, value, standardError, n, nEffective, publishable, range, settings.z);
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
  const itemTotal = instrumentLayout(instrument).itemCodes.length;
  if (counts.items.length !== itemTotal || counts.dimensions.length !== instrument.dimensions.length) {
    throw new RangeError('Counts do not match the item and dimension layout of the instrument');
  }
  const scores = cachedLevelScores(instrument, rule);
  const itemRange = rule.itemRange(instrument);
  const itemSpan = itemRange.max - itemRange.min;

  const items: CodedEstimate[] = new Array(counts.items.length);
  for (let i = 0; i < counts.items.length; i += 1) {
    const item = counts.items[i]!;
    const tallies = settings.weighted ? item.weightSums : item.counts;
    const squares = settings.weighted ? item.weightSquareSums : item.counts;
    let n = 0;
    let weightSum = 0;
    let weightSquareSum = 0;
    let scoreSum = 0;
    let topSum = 0;
    for (let l = 0; l < tallies.length; l += 1) {
      const tally = tallies[l]!;
      n += item.counts[l]!;
      weightSum += tally;
      weightSquareSum += squares[l]!;
      scoreSum += tally * scores[l]!;
      if (scores[l] === itemRange.max) topSum += tally;
    }
    const nEffective = weightSquareSum > 0 ? (weightSum * weightSum) / weightSquareSum : 0;
    const publishable = n >= settings.minSample;
    if (n === 0) {
      items[i] = coded(item.code, null, itemRange.min, itemRange.max, null, 0, 0, false);
    } else if (rule.itemEstimator === 'proportion') {
      // A share rule scores every answer 0 or the maximum: value = min + span × (weight at the top / all weight).
      const share = Math.min(1, topSum / weightSum);
      const value = itemRange.min + share * itemSpan;
      // Wilson interval on the share with n = n_eff (as `wilsonInterval`, inlined: this runs per unit × item).
      const z2n = (settings.z * settings.z) / nEffective;
      const centre = (share + z2n / 2) / (1 + z2n);
      const half =
        (settings.z * Math.sqrt((share * (1 - share)) / nEffective + z2n / (4 * nEffective))) / (1 + z2n);
      items[i] = coded(
        item.code,
        value,
        Math.min(value, itemRange.min + Math.max(0, centre - half) * itemSpan),
        Math.max(value, itemRange.min + Math.min(1, centre + half) * itemSpan),
        nEffective > 0 ? itemSpan * Math.sqrt((share * (1 - share)) / nEffective) : null,
        n,
        nEffective,
        publishable,
      );
    } else {
      const value = Math.min(itemRange.max, Math.max(itemRange.min, scoreSum / weightSum));
      if (!(nEffective > 1)) {
        items[i] = coded(item.code, value, itemRange.min, itemRange.max, null, n, nEffective, publishable);
      } else {
        let spread = 0;
        for (let l = 0; l < tallies.length; l += 1) spread += tallies[l]! * (scores[l]! - value) ** 2;
        const variance = ((spread / weightSum) * nEffective) / (nEffective - 1);
        const standardError = Math.sqrt(variance / nEffective);
        items[i] = normalEstimate(
          item.code,
          value,
          standardError,
          n,
          nEffective,
          publishable,
          itemRange,
          settings.z,
        );
      }
    }
  }

  const dimensionCount = instrument.dimensions.length;
  const dimensionValues: (number | null)[] = new Array(dimensionCount);
  const dimensions: CodedEstimate[] = new Array(dimensionCount);
  let offset = 0;
  for (let d = 0; d < dimensionCount; d += 1) {
    const dimension = instrument.dimensions[d]!;
    const size = dimension.items.length;
    const itemValues: (number | null)[] = new Array(size);
    for (let i = 0; i < size; i += 1) itemValues[i] = items[offset + i]!.value;
    offset += size;
    const value = rule.dimensionValue(itemValues, dimension, instrument);
    dimensionValues[d] = value;
    dimensions[d] = momentsEstimate(
      dimension.code,
      value,
      counts.dimensions[d]!,
      rule.dimensionRange(dimension, instrument),
      settings,
    );
  }

  const overall = momentsEstimate(
    '',
    rule.overallValue(dimensionValues, instrument),
    counts.overall,
    rule.overallRange(instrument),
    settings,
  );
  return {
    instrument: { code: instrument.code, version: instrument.version },
    unit: rule.unit,
    confidence: settings.confidence,
    minSample: settings.minSample,
    value: overall.value,
    ciLow: overall.ciLow,
    ciHigh: overall.ciHigh,
    standardError: overall.standardError,
    n: overall.n,
    nEffective: overall.nEffective,
    publishable: overall.publishable,
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
