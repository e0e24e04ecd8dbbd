import type { Instrument, InstrumentDimension, LocalizedText } from './types.js';

/** The unit an aggregation rule produces: percent (0–100) or points. */
export type ValueUnit = 'percent' | 'points';

/** A closed range `[min, max]` of possible values. */
export interface ValueRange {
  min: number;
  max: number;
}

/**
 * How an instrument version turns answers into item, dimension and overall values. Methodologies change
 * between versions (SIPAS 2640 vs 1001), so the rule is named by the instrument (`instrument.aggregation`)
 * and looked up in a registry rather than hard-coded.
 *
 * The statistics layer relies on three things from a rule:
 * - `answerScore`: what one answer contributes to its item; the item value is the (weighted) mean answer
 *   score among those who answered the item;
 * - `dimensionValue` / `overallValue`: how item values become dimension values and dimension values the
 *   overall value (the published point estimates);
 * - `respondentDimensionScore` / `respondentOverallScore`: the same aggregation applied to one respondent,
 *   whose spread gives the standard errors of dimension and overall values.
 */
export interface AggregationRule {
  description: LocalizedText;
  unit: ValueUnit;
  /**
   * `proportion`: each answer scores either 0 or the item maximum, so an item value is a share and its interval
   * a Wilson interval; `mean`: an item value is a mean score with a normal interval.
   */
  itemEstimator: 'proportion' | 'mean';
  answerScore(level: number, instrument: Instrument): number;
  itemRange(instrument: Instrument): ValueRange;
  dimensionRange(dimension: InstrumentDimension, instrument: Instrument): ValueRange;
  overallRange(instrument: Instrument): ValueRange;
  /** Dimension value from its item values (null = item had no answer), in item order. */
  dimensionValue(
    itemValues: readonly (number | null)[],
    dimension: InstrumentDimension,
    instrument: Instrument,
  ): number | null;
  /** Overall value from dimension values (null = no answer in that dimension), in dimension order. */
  overallValue(dimensionValues: readonly (number | null)[], instrument: Instrument): number | null;
  /** One respondent's dimension score from the scores of the items they answered; null when none. */
  respondentDimensionScore(
    answerScores: readonly number[],
    dimension: InstrumentDimension,
    instrument: Instrument,
  ): number | null;
  /** One respondent's overall score from their dimension scores (null = dimension not answered). */
  respondentOverallScore(dimensionScores: readonly (number | null)[], instrument: Instrument): number | null;
}

function meanOfPresent(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value !== null) {
      sum += value;
      count += 1;
    }
  }
  return count === 0 ? null : sum / count;
}

const PERCENT: ValueRange = Object.freeze({ min: 0, max: 100 });

/**
 * A top-box share rule: answer score = 100 when `answer >= scale.satisfiedFrom`, else 0; item value = share
 * satisfied among those who answered (percent); dimension value = unweighted mean of its items' values
 * (items without answers are left out); overall value = unweighted mean of the dimension values.
 * Per respondent: dimension score = share satisfied among the items they answered in it; overall score =
 * mean of their dimension scores.
 */
export function topBoxShareMeanRule(description: LocalizedText): AggregationRule {
  return Object.freeze({
    description,
    unit: 'percent' as const,
    itemEstimator: 'proportion' as const,
    answerScore: (level: number, instrument: Instrument) =>
      level >= instrument.scale.satisfiedFrom ? 100 : 0,
    itemRange: () => PERCENT,
    dimensionRange: () => PERCENT,
    overallRange: () => PERCENT,
    dimensionValue: (itemValues: readonly (number | null)[]) => meanOfPresent(itemValues),
    overallValue: (dimensionValues: readonly (number | null)[]) => meanOfPresent(dimensionValues),
    respondentDimensionScore: (answerScores: readonly number[]) => meanOfPresent(answerScores),
    respondentOverallScore: (dimensionScores: readonly (number | null)[]) => meanOfPresent(dimensionScores),
  });
}

/**
 * The SIPAS rule of Decision 2640/QĐ-BNV (surveys 2017–2022): criterion index = share of respondents answering
 * 4 or 5 among those who answered it (top-2-box); factor index = unweighted mean of its criteria; SIPAS =
 * unweighted mean of the 5 factors; no weights between factors.
 *
 * Status: believed, not read in the decision's text — it is consistent with every published figure checked.
 * Decision 1001/QĐ-BNV (surveys 2023–2026) adds a policy part, and its overall figure is not the plain mean of
 * the policy and service parts, so it will need its own rule registered under its own id.
 */
export const SIPAS_2640_RULE: AggregationRule = topBoxShareMeanRule({
  vi: 'Chỉ số tiêu chí = tỷ lệ người trả lời chọn mức 4 hoặc 5 trong số người trả lời tiêu chí đó; chỉ số yếu tố = trung bình cộng (không trọng số) các tiêu chí; SIPAS = trung bình cộng 5 yếu tố (theo phương pháp 2640/QĐ-BNV).',
  en: 'Criterion index = share answering 4 or 5 among those who answered it; factor index = unweighted mean of its criteria; SIPAS = unweighted mean of the 5 factors (method of Decision 2640/QĐ-BNV).',
});

/** The generic top-box share rule under its own id, for instruments that are not SIPAS (e.g. OMB A-11 §280). */
export const TOP_BOX_SHARE_MEAN_RULE: AggregationRule = topBoxShareMeanRule({
  vi: 'Chỉ số câu hỏi = tỷ lệ câu trả lời đạt mức hài lòng trở lên; chỉ số nhóm = trung bình cộng các câu hỏi; chỉ số chung = trung bình cộng các nhóm.',
  en: 'Item index = share of answers at or above the satisfied level; group index = mean of its items; overall = mean of the groups.',
});

function sumProrated(values: readonly (number | null)[], sizes: readonly number[]): number | null {
  let sum = 0;
  let covered = 0;
  let total = 0;
  values.forEach((value, index) => {
    const size = sizes[index] ?? 0;
    total += size;
    if (value !== null) {
      sum += value;
      covered += size;
    }
  });
  return covered === 0 ? null : (sum * total) / covered;
}

/**
 * A points total (dossier evaluation of Circular 01/2018/TT-VPCP): answer score = the level itself (points);
 * item value = mean points among evaluations that scored it; dimension value = sum of its item means; overall
 * = sum of the dimension values. When some items have no score the sum is pro-rated: (sum of available means) ×
 * (items in total / items available), so a missing indicator neither counts as 0 nor inflates the total.
 * Per respondent (per evaluated dossier) the same pro-rated sums apply.
 */
export const POINTS_TOTAL_RULE: AggregationRule = Object.freeze({
  description: {
    vi: 'Điểm chỉ số = điểm trung bình của chỉ số đó; tổng điểm = tổng điểm trung bình các chỉ số (chỉ số thiếu được bù theo tỷ lệ).',
    en: 'Indicator value = mean points of that indicator; total = sum of the indicator means (missing indicators pro-rated).',
  },
  unit: 'points' as const,
  itemEstimator: 'mean' as const,
  answerScore: (level: number) => level,
  itemRange: (instrument: Instrument) => ({ min: instrument.scale.min, max: instrument.scale.max }),
  dimensionRange: (dimension: InstrumentDimension, instrument: Instrument) => ({
    min: instrument.scale.min * dimension.items.length,
    max: instrument.scale.max * dimension.items.length,
  }),
  overallRange: (instrument: Instrument) => {
    const items = instrument.dimensions.reduce((count, dimension) => count + dimension.items.length, 0);
    return { min: instrument.scale.min * items, max: instrument.scale.max * items };
  },
  dimensionValue: (itemValues: readonly (number | null)[]) =>
    sumProrated(
      itemValues,
      itemValues.map(() => 1),
    ),
  overallValue: (dimensionValues: readonly (number | null)[], instrument: Instrument) =>
    sumProrated(
      dimensionValues,
      instrument.dimensions.map((dimension) => dimension.items.length),
    ),
  respondentDimensionScore: (answerScores: readonly number[], dimension: InstrumentDimension) => {
    if (answerScores.length === 0) return null;
    let sum = 0;
    for (const score of answerScores) sum += score;
    return (sum / answerScores.length) * dimension.items.length;
  },
  respondentOverallScore: (dimensionScores: readonly (number | null)[], instrument: Instrument) =>
    sumProrated(
      dimensionScores,
      instrument.dimensions.map((dimension) => dimension.items.length),
    ),
});

const rules = new Map<string, AggregationRule>([
  ['sipas-2640', SIPAS_2640_RULE],
  ['top-box-share-mean', TOP_BOX_SHARE_MEAN_RULE],
  ['points-total', POINTS_TOTAL_RULE],
]);

/**
 * Registers an aggregation rule under `id` (the value instruments put in `aggregation`). Refuses to replace an
 * existing id unless `{ replace: true }`, so a methodology cannot be changed silently.
 */
export function registerAggregationRule(
  id: string,
  rule: AggregationRule,
  options: { replace?: boolean } = {},
): void {
  if (id.trim() === '') throw new RangeError('An aggregation rule needs a non-empty id');
  if (rules.has(id) && !options.replace) {
    throw new RangeError(
      `Aggregation rule "${id}" is already registered; pass { replace: true } to replace it`,
    );
  }
  rules.set(id, rule);
}

/** The rule registered under `id`, or undefined. */
export function findAggregationRule(id: string): AggregationRule | undefined {
  return rules.get(id);
}

/** The rule registered under `id`; throws a RangeError naming the id when there is none. */
export function getAggregationRule(id: string): AggregationRule {
  const rule = rules.get(id);
  if (!rule) throw new RangeError(`Unknown aggregation rule "${id}"`);
  return rule;
}

/** Ids of all registered aggregation rules, sorted. */
export function aggregationRuleIds(): string[] {
  return [...rules.keys()].sort();
}
