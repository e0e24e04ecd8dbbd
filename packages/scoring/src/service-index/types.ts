import type { LocalizedText } from '../instruments/types.js';

/** Whether a larger ratio is better (a share of dossiers) or a smaller one (time used against the rule). */
export type IndicatorDirection = 'higher_is_better' | 'lower_is_better';

/**
 * How an indicator whose denominator is 0 (nothing to measure: no payable dossier, no feedback) is treated:
 * - `rescale_within_group`: left out; the group's points are rescaled over its applicable indicators
 *   (group points = earned × group max / applicable max). A group with no applicable indicator is left out and
 *   the total is rescaled over the applicable groups the same way.
 * - `full_points`: earns its maximum.
 * - `zero_points`: earns nothing.
 */
export type NotApplicablePolicy = 'rescale_within_group' | 'full_points' | 'zero_points';

/** One indicator: ratio = inputs[numerator] / inputs[denominator], scored against a target. */
export interface ServiceIndexIndicatorDefinition {
  code: string;
  name: LocalizedText;
  /** What the ratio counts, for publication beside the figure. */
  definition: LocalizedText;
  /** Key of the input count on top of the ratio. */
  numerator: string;
  /** Key of the input count under the ratio. */
  denominator: string;
  /** Maximum points. */
  max: number;
  /**
   * Target ratio. higher_is_better: full points at ratio ≥ target, else max × ratio / target.
   * lower_is_better: full points at ratio ≤ target, else max × target / ratio.
   */
  target: number;
  /** Default `higher_is_better` (then the numerator may not exceed the denominator). */
  direction?: IndicatorDirection;
}

/** A group of indicators; its maximum is the sum of theirs. */
export interface ServiceIndexGroupDefinition {
  code: string;
  name: LocalizedText;
  max: number;
  indicators: readonly ServiceIndexIndicatorDefinition[];
}

/** A band of the total: the first band (in order) whose `min` ≤ total applies. */
export interface ServiceIndexBand {
  code: string;
  min: number;
  name: LocalizedText;
}

/** A complete, editable definition of a points index computed from counts. */
export interface ServiceIndexDefinition {
  code: string;
  name: LocalizedText;
  /** Legal or methodological source, for publication. */
  source: LocalizedText;
  /** Sum of the groups' maxima. */
  max: number;
  groups: readonly ServiceIndexGroupDefinition[];
  /** Ordered from the highest `min` down; the last must have `min` ≤ 0. */
  bands: readonly ServiceIndexBand[];
  notApplicable: NotApplicablePolicy;
  /** Decimals of the published points (rounding half away from zero). */
  decimals: number;
  /** Every input count the indicators use, with its meaning. */
  inputs: Readonly<Record<string, LocalizedText>>;
}

/** Input counts by key (see `ServiceIndexDefinition.inputs`). */
export type ServiceIndexInputs = Readonly<Record<string, number>>;

/** The score of one indicator. */
export interface ServiceIndexIndicatorResult {
  code: string;
  name: LocalizedText;
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0 (not applicable). */
  ratio: number | null;
  target: number;
  direction: IndicatorDirection;
  applicable: boolean;
  /** Points earned against the indicator's own maximum, before any rescaling; null when not applicable. */
  points: number | null;
  max: number;
}

/** The score of one group. */
export interface ServiceIndexGroupResult {
  code: string;
  name: LocalizedText;
  max: number;
  /** Group points after the not-applicable policy; null when no indicator of the group applies. */
  points: number | null;
  /** Sum of the maxima of the applicable indicators. */
  applicableMax: number;
  indicators: ServiceIndexIndicatorResult[];
}

/** The index of one unit and period. */
export interface ServiceIndexResult {
  definition: string;
  /** Total points (0–max); null when nothing at all is applicable. */
  total: number | null;
  max: number;
  /** Code of the band of the (rounded) total; null with the total. */
  band: string | null;
  bandName: LocalizedText | null;
  groups: ServiceIndexGroupResult[];
}
